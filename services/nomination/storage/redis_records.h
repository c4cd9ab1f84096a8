// Storage pieces shared by the Redis repositories of this service: walking
// sequence-scored indexes newest first, request memos, save-script replies
// and decoding stored protobuf records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/redis_client.h"
#include "services/nomination/storage/nomination_repository.h"

namespace tdkt::nomination {

// Up to `limit` members with score < `before` over all `index_keys`,
// highest score first. Large key sets go in bounded pipelines.
Result<std::vector<IndexedId>> ScanNewestFirst(RedisClient& redis, const std::vector<std::string>& index_keys,
                                               int64_t before, size_t limit);

// The memo stored under `key` by a save script, if any.
Result<std::optional<Replay>> ReadMemo(RedisClient& redis, const std::string& key);

// Reads a save script's reply: {'OK'}, {'REPLAY', memo} or {'CONFLICT', version}.
Result<SaveOutcome> ParseSaveReply(const RedisReply& reply);

// Parses the string replies of `replies` as `Record`s, skipping missing ones.
template <typename Record>
std::vector<Record> ParseRecords(const std::vector<RedisReply>& replies) {
  std::vector<Record> out;
  out.reserve(replies.size());
  for (const auto& r : replies) {
    Record record;
    if (r.type == RedisReply::Type::kString && record.ParseFromString(r.str)) out.push_back(std::move(record));
  }
  return out;
}

}  // namespace tdkt::nomination
