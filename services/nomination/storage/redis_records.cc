#include "services/nomination/storage/redis_records.h"

#include <algorithm>

namespace tdkt::nomination {

Result<std::vector<IndexedId>> ScanNewestFirst(RedisClient& redis, const std::vector<std::string>& index_keys,
                                               int64_t before, size_t limit) {
  const std::string max = "(" + std::to_string(before);
  const std::string count = std::to_string(limit);
  std::vector<IndexedId> out;
  constexpr size_t kSlice = 512;  // commands per pipeline
  for (size_t start = 0; start < index_keys.size(); start += kSlice) {
    std::vector<RedisArgs> commands;
    for (size_t i = start; i < std::min(index_keys.size(), start + kSlice); ++i) {
      commands.push_back({"ZREVRANGEBYSCORE", index_keys[i], max, "-inf", "WITHSCORES", "LIMIT", "0", count});
    }
    auto replies = redis.Pipeline(commands);
    if (!replies.ok()) return replies.status();
    for (const auto& r : *replies) {
      if (r.is_error()) return Status::Internal("Redis error: " + r.str);
      for (size_t i = 0; i + 1 < r.elements.size(); i += 2) {
        out.push_back(IndexedId{std::stoll(r.elements[i + 1].str), r.elements[i].str});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const IndexedId& a, const IndexedId& b) { return a.score > b.score; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<std::optional<Replay>> ReadMemo(RedisClient& redis, const std::string& key) {
  auto reply = redis.Command({"GET", key});
  if (!reply.ok()) return reply.status();
  Replay replay;
  if (reply->is_nil() || !Replay::Decode(reply->str, &replay)) return std::optional<Replay>();
  return std::optional<Replay>(std::move(replay));
}

Result<SaveOutcome> ParseSaveReply(const RedisReply& reply) {
  const auto& e = reply.elements;
  if (e.empty()) return Status::Internal("unexpected reply from a save script");
  SaveOutcome outcome;
  if (e[0].str == "REPLAY" && e.size() == 2) {
    outcome.kind = SaveOutcome::Kind::kReplay;
    if (!Replay::Decode(e[1].str, &outcome.replay)) return Status::Internal("unreadable request memo");
  } else if (e[0].str == "CONFLICT" && e.size() == 2) {
    outcome.kind = SaveOutcome::Kind::kConflict;
    outcome.current_version = std::stoll(e[1].str);
  } else if (e[0].str == "CLAIMED" && e.size() == 2) {
    outcome.kind = SaveOutcome::Kind::kClaimed;
    outcome.claimed = e[1].str;
  }
  return outcome;
}

}  // namespace tdkt::nomination
