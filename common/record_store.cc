#include "common/record_store.h"

namespace tdkt {

namespace {

// KEYS: [record], [memo], one key per change. ARGV: expected_version ('' for
// no record: RecordStore::Apply), record, memo flag ('1' with a memo key),
// memo value, memo seconds, then per change: kind, score or field, member.
// Every key's type is checked before anything is written, so a wrong-type
// key changes nothing either.
const LuaScript kStoreManyScript(R"lua(
local has_record = ARGV[1] ~= ''
local k = 1
if has_record then
  local current = redis.call('HGET', KEYS[1], 'v') or '0'
  if current ~= ARGV[1] then return 0 end
  k = 2
end
local memo_key = nil
if ARGV[3] == '1' then
  memo_key = KEYS[k]
  local t = redis.call('TYPE', memo_key).ok
  if t ~= 'none' and t ~= 'string' then return redis.error_reply('memo key ' .. memo_key .. ' is a ' .. t) end
  k = k + 1
end
local want = {['z+'] = 'zset', ['z-'] = 'zset', ['s+'] = 'set', ['l+'] = 'list',
              ['='] = 'string', ['=nx'] = 'string', ['h='] = 'hash'}
local a = 6
for i = k, #KEYS do
  local w = want[ARGV[a]]
  if not w then return redis.error_reply('unknown change ' .. tostring(ARGV[a])) end
  local t = redis.call('TYPE', KEYS[i]).ok
  if t ~= 'none' and t ~= w then return redis.error_reply('key ' .. KEYS[i] .. ' is a ' .. t .. ', not a ' .. w) end
  a = a + 3
end
if has_record then redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'd', ARGV[2]) end
if memo_key then redis.call('SET', memo_key, ARGV[4], 'EX', ARGV[5]) end
a = 6
for i = k, #KEYS do
  local op = ARGV[a]
  if op == 'z+' then redis.call('ZADD', KEYS[i], ARGV[a + 1], ARGV[a + 2])
  elseif op == 'z-' then redis.call('ZREM', KEYS[i], ARGV[a + 2])
  elseif op == 's+' then redis.call('SADD', KEYS[i], ARGV[a + 2])
  elseif op == 'l+' then redis.call('RPUSH', KEYS[i], ARGV[a + 2])
  elseif op == '=' then redis.call('SET', KEYS[i], ARGV[a + 2])
  elseif op == '=nx' then redis.call('SET', KEYS[i], ARGV[a + 2], 'NX')
  else redis.call('HSET', KEYS[i], ARGV[a + 1], ARGV[a + 2]) end
  a = a + 3
end
return 1
)lua");

// Deletes the memo only while it is still the pending claim.
const LuaScript kAbandonScript(R"lua(
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 8) == 'pending\n' then redis.call('DEL', KEYS[1]) end
return 1
)lua");

constexpr const char* kPending = "pending";

std::string MemoValue(const std::string& fingerprint, const google::protobuf::Message& answer) {
  return fingerprint + "\n" + answer.SerializeAsString();
}

const char* KindCode(IndexOp::Kind kind) {
  switch (kind) {
    case IndexOp::Kind::kAdd: return "z+";
    case IndexOp::Kind::kRemove: return "z-";
    case IndexOp::Kind::kAddToSet: return "s+";
    case IndexOp::Kind::kAppend: return "l+";
    case IndexOp::Kind::kPut: return "=";
    case IndexOp::Kind::kPutIfAbsent: return "=nx";
    case IndexOp::Kind::kPutField: return "h=";
  }
  return "?";
}

// Runs kStoreManyScript; `record_key` empty: no record (Apply).
Result<RedisReply> StoreMany(RedisClient& redis, const std::string& record_key, const std::string& expected_version,
                             const std::string& record, const std::vector<IndexOp>& ops, const MemoWrite& memo) {
  RedisArgs keys;
  if (!record_key.empty()) keys.push_back(record_key);
  RedisArgs args = {expected_version, record};
  AppendMemoArgs(memo, &keys, &args);
  for (const auto& op : ops) {
    keys.push_back(op.key);
    args.insert(args.end(), {KindCode(op.kind), op.kind == IndexOp::Kind::kPutField ? op.field : std::to_string(op.score),
                             op.member});
  }
  return redis.Eval(kStoreManyScript, keys, args);
}

}  // namespace

Status RecordStore::Load(const std::string& key, const std::string& what, google::protobuf::Message* out,
                         int64_t* version) {
  auto reply = redis_.Command({"HMGET", key, "v", "d"});
  if (!reply.ok()) return reply.status();
  if (reply->elements.size() != 2 || reply->elements[0].is_nil()) return Status::NotFound(what + " does not exist");
  if (!out->ParseFromString(reply->elements[1].str)) return Status::Internal("stored " + what + " is unreadable");
  if (version) *version = std::stoll(reply->elements[0].str);
  return Status::Ok();
}

Result<std::vector<std::string>> RecordStore::LoadMany(const std::vector<std::string>& keys) {
  std::vector<RedisArgs> commands;
  for (const auto& k : keys) commands.push_back({"HGET", k, "d"});
  auto replies = redis_.Pipeline(commands);
  if (!replies.ok()) return replies.status();
  std::vector<std::string> out;
  for (const auto& r : *replies) {
    if (r.type == RedisReply::Type::kString) out.push_back(r.str);
  }
  return out;
}

Status RecordStore::Store(const std::string& key, int64_t expected_version, const google::protobuf::Message& record,
                          const std::string& index_key, const std::string& index_member, int64_t index_score) {
  std::vector<IndexOp> indexes;
  if (!index_key.empty()) indexes.push_back(IndexOp::Add(index_key, index_member, index_score));
  return Store(key, expected_version, record, indexes);
}

void AppendMemoArgs(const MemoWrite& memo, RedisArgs* keys, RedisArgs* args) {
  args->insert(args->end(), {memo.empty() ? "0" : "1", memo.value, std::to_string(kMemoSeconds)});
  if (!memo.empty()) keys->push_back(memo.key);
}

Status RecordStore::Store(const std::string& key, int64_t expected_version, const google::protobuf::Message& record,
                          const std::vector<IndexOp>& indexes, const MemoWrite& memo) {
  auto reply = StoreMany(redis_, key, std::to_string(expected_version), record.SerializeAsString(), indexes, memo);
  if (!reply.ok()) return reply.status();
  if (reply->integer != 1) {
    return Status::Aborted("the record was changed by someone else meanwhile; read it again and retry");
  }
  return Status::Ok();
}

Status RecordStore::Apply(const std::vector<IndexOp>& ops, const MemoWrite& memo) {
  auto reply = StoreMany(redis_, "", "", "", ops, memo);
  return reply.ok() ? Status::Ok() : reply.status();
}

MemoWrite MemoWriter::For(const google::protobuf::Message& answer) const {
  if (key_.empty()) return MemoWrite{};
  return MemoWrite{key_, MemoValue(fingerprint_, answer)};
}

Result<bool> RecordStore::ClaimOnce(const std::string& name) {
  auto reply = redis_.Command({"SET", prefix_ + ":once:" + name, "1", "NX"});
  if (!reply.ok()) return reply.status();
  return !reply->is_nil();
}

Result<int64_t> RecordStore::Next(const std::string& sequence) {
  auto reply = redis_.Command({"INCR", prefix_ + ":seq:" + sequence});
  if (!reply.ok()) return reply.status();
  return static_cast<int64_t>(reply->integer);
}

Result<std::vector<std::pair<std::string, int64_t>>> RecordStore::Newest(const std::string& index_key,
                                                                         int64_t before, int limit) {
  std::string max = before > 0 ? "(" + std::to_string(before) : "+inf";
  auto reply = redis_.Command(
      {"ZREVRANGEBYSCORE", index_key, max, "-inf", "WITHSCORES", "LIMIT", "0", std::to_string(limit)});
  if (!reply.ok()) return reply.status();
  std::vector<std::pair<std::string, int64_t>> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    out.emplace_back(reply->elements[i].str, std::stoll(reply->elements[i + 1].str));
  }
  return out;
}

std::string RequestMemo::Key(const std::string& subject, const std::string& request_id) const {
  return prefix_ + ":req:" + subject + ":" + request_id;
}

Result<RequestMemo::Claim> RequestMemo::Begin(const std::string& subject, const std::string& request_id,
                                              const std::string& fingerprint) {
  if (request_id.empty()) return Claim{};  // No id: the caller asked for no retry protection.
  if (request_id.size() > 128) {
    return Status::InvalidArgument("request_id", "must be at most 128 characters");
  }
  const std::string key = Key(subject, request_id);
  auto set = redis_.Command({"SET", key, std::string(kPending) + "\n" + fingerprint, "NX", "EX", "60"});
  if (!set.ok()) return set.status();
  if (!set->is_nil()) return Claim{};  // Claimed: first time.
  auto stored = redis_.Command({"GET", key});
  if (!stored.ok()) return stored.status();
  const std::string& value = stored->str;
  size_t first = value.find('\n');
  std::string head = value.substr(0, first);
  std::string rest = first == std::string::npos ? "" : value.substr(first + 1);
  if (head == kPending) {
    if (rest != fingerprint) {
      return Status::InvalidArgument("request_id", "was already used for a different request; use a new id");
    }
    return Status::Aborted("the same request is still being processed; retry in a moment");
  }
  if (head != fingerprint) {
    return Status::InvalidArgument("request_id", "was already used for a different request; use a new id");
  }
  return Claim{true, rest};
}

Status RequestMemo::Finish(const std::string& subject, const std::string& request_id, const std::string& fingerprint,
                           const google::protobuf::Message& answer) {
  if (request_id.empty() || drop_finish_) return Status::Ok();
  auto set = redis_.Command(
      {"SET", Key(subject, request_id), MemoValue(fingerprint, answer), "EX", std::to_string(kMemoSeconds)});
  return set.ok() ? Status::Ok() : set.status();
}

void RequestMemo::Abandon(const std::string& subject, const std::string& request_id) {
  if (request_id.empty() || drop_finish_) return;
  (void)redis_.Eval(kAbandonScript, {Key(subject, request_id)}, {});
}

MemoWriter RequestMemo::Writer(const std::string& subject, const std::string& request_id,
                               const std::string& fingerprint) const {
  if (request_id.empty()) return MemoWriter();
  return MemoWriter(Key(subject, request_id), fingerprint);
}

}  // namespace tdkt
