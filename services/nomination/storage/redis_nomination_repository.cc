#include "services/nomination/storage/redis_nomination_repository.h"

#include <set>

#include "services/nomination/domain/record_id.h"
#include "services/nomination/storage/redis_records.h"

namespace tdkt::nomination {
namespace {

constexpr int64_t kSequenceBlock = 64;
constexpr int kRequestTtlSeconds = 7 * 24 * 3600;

// Checks the version, then writes record, indexes, audit entry, request
// memo and outbox event in one atomic step; optionally claims a permanent
// key first and adds more stream entries (SaveExtras).
// KEYS: rec, audit, req, outbox, [claim], <n_extra stream keys>,
//       <n_remove index keys>, <index keys to add>
// ARGV: expected_version, new_version, record, audit, memo, ttl,
//       n_remove, score, id, event_type, state,
//       has_claim, claim_value, n_extra, then per extra stream:
//       maxlen (0 = no trimming), n_fields, name1, value1, ...
const LuaScript kSaveScript(R"lua(
local memo = redis.call('GET', KEYS[3])
if memo then return {'REPLAY', memo} end
local k = 5
if ARGV[12] == '1' then
  local claimed = redis.call('GET', KEYS[5])
  if claimed then return {'CLAIMED', claimed} end
  k = 6
end
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return {'CONFLICT', tostring(current)} end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[4])
redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6])
redis.call('XADD', KEYS[4], '*', 'type', ARGV[10], 'id', ARGV[9], 'version', ARGV[2], 'state', ARGV[11])
if ARGV[12] == '1' then redis.call('SET', KEYS[5], ARGV[13]) end
local a = 15
for s = 1, tonumber(ARGV[14]) do
  local maxlen = ARGV[a]
  local n = tonumber(ARGV[a + 1])
  local fields = {}
  for j = 1, 2 * n do fields[j] = ARGV[a + 1 + j] end
  a = a + 2 * n + 2
  if maxlen ~= '0' then
    redis.call('XADD', KEYS[k], 'MAXLEN', '~', maxlen, '*', unpack(fields))
  else
    redis.call('XADD', KEYS[k], '*', unpack(fields))
  end
  k = k + 1
end
local n_remove = tonumber(ARGV[7])
for i = k, k + n_remove - 1 do redis.call('ZREM', KEYS[i], ARGV[9]) end
for i = k + n_remove, #KEYS do redis.call('ZADD', KEYS[i], ARGV[8], ARGV[9]) end
return {'OK'}
)lua");

std::string Tag(const std::string& agency) { return "nom:{" + agency + "}:"; }

std::string IndexKey(const std::string& agency, const std::string& index) {
  return Tag(agency) + "ix:" + index;
}

std::string IndexName(const IndexFilter& f) {
  switch (f.type) {
    case IndexFilter::Type::kAll: return "all";
    case IndexFilter::Type::kState: return "state:" + f.value;
    case IndexFilter::Type::kField: return "field:" + f.value;
  }
  return "all";
}

// Every index a record belongs to.
std::set<std::string> IndexesOf(const v1::Nomination& n) {
  std::set<std::string> out{"all", "state:" + std::to_string(n.state())};
  for (const auto& f : n.details().fields()) out.insert("field:" + f);
  return out;
}

}  // namespace

std::string Replay::Encode() const { return fingerprint + " " + id + " " + std::to_string(version); }

bool Replay::Decode(const std::string& text, Replay* out) {
  auto first = text.find(' ');
  auto last = text.rfind(' ');
  if (first == std::string::npos || last == first) return false;
  out->fingerprint = text.substr(0, first);
  out->id = text.substr(first + 1, last - first - 1);
  out->version = std::atoll(text.c_str() + last + 1);
  return true;
}

RedisNominationRepository::RedisNominationRepository(RedisClient& redis) : redis_(redis) {}

std::string RedisNominationRepository::RecordKey(const std::string& agency, const std::string& id) {
  return Tag(agency) + "rec:" + id;
}

std::string RedisNominationRepository::OutboxKey(const std::string& agency) {
  return Tag(agency) + "outbox";
}

Result<int64_t> RedisNominationRepository::NextSequence() {
  std::lock_guard<std::mutex> lock(sequence_mutex_);
  if (next_sequence_ >= sequence_end_) {
    auto reply = redis_.Command({"INCRBY", "nom:seq", std::to_string(kSequenceBlock)});
    if (!reply.ok()) return reply.status();
    sequence_end_ = reply->integer + 1;
    next_sequence_ = sequence_end_ - kSequenceBlock;
  }
  return next_sequence_++;
}

Result<std::optional<v1::Nomination>> RedisNominationRepository::Get(const std::string& agency,
                                                                     const std::string& id) {
  auto reply = redis_.Command({"HGET", RecordKey(agency, id), "d"});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<v1::Nomination>();
  v1::Nomination n;
  if (!n.ParseFromString(reply->str)) return Status::Internal("stored record " + id + " is unreadable");
  return std::optional<v1::Nomination>(std::move(n));
}

Result<std::vector<v1::Nomination>> RedisNominationRepository::GetMany(const std::vector<IndexedId>& ids) {
  std::vector<RedisArgs> commands;
  for (const auto& item : ids) {
    std::string agency;
    int64_t seq;
    if (!ParseRecordId("nom", item.id, &agency, &seq)) continue;
    commands.push_back({"HGET", RecordKey(agency, item.id), "d"});
  }
  auto replies = redis_.Pipeline(commands);
  if (!replies.ok()) return replies.status();
  return ParseRecords<v1::Nomination>(*replies);
}

Result<std::optional<Replay>> RedisNominationRepository::FindReplay(const std::string& agency,
                                                                   const std::string& request_id) {
  return ReadMemo(redis_, Tag(agency) + "req:" + request_id);
}

Result<SaveOutcome> RedisNominationRepository::Save(const v1::Nomination* previous, const v1::Nomination& next,
                                                    const v1::AuditEntry& audit, const std::string& request_id,
                                                    const std::string& fingerprint, const std::string& event_type,
                                                    const SaveExtras& extras) {
  std::string agency;
  int64_t seq = 0;
  if (!ParseRecordId("nom", next.id(), &agency, &seq)) return Status::Internal("malformed id " + next.id());
  std::set<std::string> after = IndexesOf(next);
  std::set<std::string> before = previous ? IndexesOf(*previous) : std::set<std::string>{};
  RedisArgs keys{RecordKey(agency, next.id()), Tag(agency) + "audit:" + next.id(),
                 Tag(agency) + "req:" + request_id, OutboxKey(agency)};
  const bool has_claim = !extras.claim_key.empty();
  if (has_claim) keys.push_back(extras.claim_key);
  for (const auto& event : extras.events) keys.push_back(event.stream_key);
  size_t n_remove = 0;
  for (const auto& ix : before) {
    if (!after.count(ix)) {
      keys.push_back(IndexKey(agency, ix));
      ++n_remove;
    }
  }
  for (const auto& ix : after) {
    if (!before.count(ix)) keys.push_back(IndexKey(agency, ix));
  }
  std::string record = next.SerializeAsString();
  RedisArgs args{std::to_string(previous ? previous->version() : 0),
                 std::to_string(next.version()),
                 record,
                 audit.SerializeAsString(),
                 Replay{fingerprint, next.id(), next.version()}.Encode(),
                 std::to_string(kRequestTtlSeconds),
                 std::to_string(n_remove),
                 std::to_string(seq),
                 next.id(),
                 event_type,
                 std::to_string(next.state()),
                 has_claim ? "1" : "0",
                 extras.claim_value,
                 std::to_string(extras.events.size())};
  for (const auto& event : extras.events) {
    args.push_back(std::to_string(event.maxlen));
    args.push_back(std::to_string(event.fields.size()));
    for (const auto& [name, value] : event.fields) {
      args.push_back(name);
      args.push_back(value);
    }
  }
  auto reply = redis_.Eval(kSaveScript, keys, args);
  if (!reply.ok()) return reply.status();
  return ParseSaveReply(*reply);
}

Result<std::vector<IndexedId>> RedisNominationRepository::Scan(const std::vector<std::string>& agencies,
                                                               const IndexFilter& filter, int64_t before,
                                                               size_t limit) {
  std::vector<std::string> keys;
  keys.reserve(agencies.size());
  for (const auto& agency : agencies) keys.push_back(IndexKey(agency, IndexName(filter)));
  return ScanNewestFirst(redis_, keys, before, limit);
}

Result<std::map<int, int64_t>> RedisNominationRepository::CountByState(const std::vector<std::string>& agencies) {
  // One ZCARD per agency and state, pipelined in batches: a central node
  // covers some 3,400 units, ~34,000 cheap commands per refresh.
  constexpr size_t kBatch = 2000;
  std::map<int, int64_t> counts;
  std::vector<RedisArgs> batch;
  std::vector<int> states;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    auto replies = redis_.Pipeline(batch);
    if (!replies.ok()) return replies.status();
    for (size_t i = 0; i < replies->size() && i < states.size(); ++i) {
      if ((*replies)[i].integer > 0) counts[states[i]] += (*replies)[i].integer;
    }
    batch.clear();
    states.clear();
    return Status::Ok();
  };
  for (const auto& agency : agencies) {
    for (int state = v1::NominationState_MIN + 1; state <= v1::NominationState_MAX; ++state) {
      batch.push_back({"ZCARD", IndexKey(agency, "state:" + std::to_string(state))});
      states.push_back(state);
      if (batch.size() >= kBatch) TDKT_RETURN_IF_ERROR(flush());
    }
  }
  TDKT_RETURN_IF_ERROR(flush());
  return counts;
}

Result<std::vector<ChangeEntry>> RedisNominationRepository::Changes(const std::string& after, size_t limit) {
  auto reply = redis_.Command({"XRANGE", ChangesKey(), after.empty() ? "-" : "(" + after, "+", "COUNT",
                               std::to_string(limit)});
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Internal("Redis error: " + reply->str);
  std::vector<ChangeEntry> out;
  for (const auto& entry : reply->elements) {
    if (entry.elements.size() != 2) continue;
    ChangeEntry change;
    change.cursor = entry.elements[0].str;
    const auto& fields = entry.elements[1].elements;
    for (size_t i = 0; i + 1 < fields.size(); i += 2) change.fields.emplace_back(fields[i].str, fields[i + 1].str);
    out.push_back(std::move(change));
  }
  return out;
}

Result<std::vector<v1::AuditEntry>> RedisNominationRepository::History(const std::string& agency,
                                                                      const std::string& id, int64_t offset,
                                                                      int64_t limit) {
  auto reply = redis_.Command({"LRANGE", Tag(agency) + "audit:" + id, std::to_string(offset),
                               std::to_string(offset + limit - 1)});
  if (!reply.ok()) return reply.status();
  std::vector<v1::AuditEntry> out;
  for (const auto& e : reply->elements) {
    v1::AuditEntry entry;
    if (!entry.ParseFromString(e.str)) return Status::Internal("audit entry of " + id + " is unreadable");
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace tdkt::nomination
