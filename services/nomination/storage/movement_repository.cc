#include "services/nomination/storage/movement_repository.h"

#include <algorithm>

#include "services/nomination/domain/record_id.h"

namespace tdkt::nomination {
namespace {

// KEYS: rec, ix, req. ARGV: record, score, id, memo, ttl.
const LuaScript kCreateScript(R"lua(
local memo = redis.call('GET', KEYS[3])
if memo then return {'REPLAY', memo} end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5])
return {'OK'}
)lua");

std::string Tag(const std::string& agency) { return "mov:{" + agency + "}:"; }

}  // namespace

MovementRepository::MovementRepository(RedisClient& redis, NominationRepository& sequences)
    : redis_(redis), sequences_(sequences) {}

Result<SaveOutcome> MovementRepository::Create(const v1::Movement& m, const std::string& request_id,
                                               const std::string& fingerprint) {
  std::string agency;
  int64_t seq;
  if (!ParseRecordId("mov", m.id(), &agency, &seq)) return Status::Internal("malformed id " + m.id());
  std::string record = m.SerializeAsString();
  auto reply = redis_.Eval(kCreateScript,
                           {Tag(agency) + "rec:" + m.id(), Tag(agency) + "ix", Tag(agency) + "req:" + request_id},
                           {record, std::to_string(seq), m.id(), Replay{fingerprint, m.id(), 1}.Encode(),
                            std::to_string(7 * 24 * 3600)});
  if (!reply.ok()) return reply.status();
  SaveOutcome outcome;
  const auto& e = reply->elements;
  if (!e.empty() && e[0].str == "REPLAY" && e.size() == 2) {
    outcome.kind = SaveOutcome::Kind::kReplay;
    if (!Replay::Decode(e[1].str, &outcome.replay)) return Status::Internal("unreadable request memo");
  }
  return outcome;
}

Result<std::optional<Replay>> MovementRepository::FindReplay(const std::string& agency,
                                                            const std::string& request_id) {
  auto reply = redis_.Command({"GET", Tag(agency) + "req:" + request_id});
  if (!reply.ok()) return reply.status();
  Replay replay;
  if (reply->is_nil() || !Replay::Decode(reply->str, &replay)) return std::optional<Replay>();
  return std::optional<Replay>(std::move(replay));
}

Result<std::optional<v1::Movement>> MovementRepository::Get(const std::string& agency, const std::string& id) {
  auto reply = redis_.Command({"GET", Tag(agency) + "rec:" + id});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<v1::Movement>();
  v1::Movement m;
  if (!m.ParseFromString(reply->str)) return Status::Internal("stored movement " + id + " is unreadable");
  return std::optional<v1::Movement>(std::move(m));
}

Result<std::vector<v1::Movement>> MovementRepository::GetMany(const std::vector<IndexedId>& ids) {
  std::vector<RedisArgs> commands;
  for (const auto& item : ids) {
    std::string agency;
    int64_t seq;
    if (ParseRecordId("mov", item.id, &agency, &seq)) commands.push_back({"GET", Tag(agency) + "rec:" + item.id});
  }
  auto replies = redis_.Pipeline(commands);
  if (!replies.ok()) return replies.status();
  std::vector<v1::Movement> out;
  for (const auto& r : *replies) {
    v1::Movement m;
    if (r.type == RedisReply::Type::kString && m.ParseFromString(r.str)) out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<IndexedId>> MovementRepository::Scan(const std::vector<std::string>& agencies,
                                                        int64_t before, size_t limit) {
  std::vector<RedisArgs> commands;
  for (const auto& agency : agencies) {
    commands.push_back({"ZREVRANGEBYSCORE", Tag(agency) + "ix", "(" + std::to_string(before), "-inf",
                        "WITHSCORES", "LIMIT", "0", std::to_string(limit)});
  }
  auto replies = redis_.Pipeline(commands);
  if (!replies.ok()) return replies.status();
  std::vector<IndexedId> out;
  for (const auto& r : *replies) {
    for (size_t i = 0; i + 1 < r.elements.size(); i += 2) {
      out.push_back(IndexedId{std::stoll(r.elements[i + 1].str), r.elements[i].str});
    }
  }
  std::sort(out.begin(), out.end(), [](const IndexedId& a, const IndexedId& b) { return a.score > b.score; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace tdkt::nomination
