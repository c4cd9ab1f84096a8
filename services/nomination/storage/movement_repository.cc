#include "services/nomination/storage/movement_repository.h"


#include "services/nomination/domain/record_id.h"
#include "services/nomination/storage/redis_records.h"

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
  return ParseSaveReply(*reply);
}

Result<std::optional<Replay>> MovementRepository::FindReplay(const std::string& agency,
                                                            const std::string& request_id) {
  return ReadMemo(redis_, Tag(agency) + "req:" + request_id);
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
  return ParseRecords<v1::Movement>(*replies);
}

Result<std::vector<IndexedId>> MovementRepository::Scan(const std::vector<std::string>& agencies,
                                                        int64_t before, size_t limit) {
  std::vector<std::string> keys;
  keys.reserve(agencies.size());
  for (const auto& agency : agencies) keys.push_back(Tag(agency) + "ix");
  return ScanNewestFirst(redis_, keys, before, limit);
}

}  // namespace tdkt::nomination
