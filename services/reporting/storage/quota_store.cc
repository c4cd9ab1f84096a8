#include "services/reporting/storage/quota_store.h"

#include "common/request_fingerprint.h"

namespace tdkt::reporting {

namespace {

// KEYS: memo, rules hash. ARGV: bytes, fingerprint.
// Returns {1, version} when written, {0, memo} when the request id is taken.
// The memo is "<fingerprint>\n<version>\n<bytes>": what the first call wrote.
const LuaScript kSetRules(R"lua(
local memo = redis.call('GET', KEYS[1])
if memo then return {0, memo} end
local v = redis.call('HINCRBY', KEYS[2], 'v', 1)
redis.call('HSET', KEYS[2], 'd', ARGV[1])
redis.call('SET', KEYS[1], ARGV[2] .. '\n' .. v .. '\n' .. ARGV[1], 'EX', 604800)
return {1, tostring(v)}
)lua");

Status Corrupt(const std::string& key) { return Status::Internal("stored report data is unreadable: " + key); }

}  // namespace

Result<std::optional<rv1::QuotaRules>> QuotaStore::Get(const std::string& period) {
  auto reply = redis_.Command({"HMGET", "rep:{quota}:rules:" + period, "v", "d"});
  if (!reply.ok()) return reply.status();
  if (reply->elements.size() != 2 || reply->elements[1].is_nil()) return std::optional<rv1::QuotaRules>();
  rv1::QuotaRules rules;
  if (!rules.ParseFromString(reply->elements[1].str)) return Corrupt("rep:{quota}:rules:" + period);
  rules.set_version(std::stoll(reply->elements[0].str));
  return std::optional<rv1::QuotaRules>(std::move(rules));
}

Result<rv1::QuotaRules> QuotaStore::Set(const std::string& request_id, rv1::QuotaRules rules) {
  rules.set_version(0);
  const std::string bytes = rules.SerializeAsString();
  const std::string fingerprint = RequestFingerprint("quota", bytes);
  const std::string memo_key = "rep:{quota}:req:" + request_id;
  auto reply = redis_.Eval(kSetRules, {memo_key, "rep:{quota}:rules:" + rules.plan_period()}, {bytes, fingerprint});
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Unavailable("redis: " + reply->str);
  if (reply->elements.size() != 2) return Status::Internal("unexpected answer from the quota write script");
  const std::string& answer = reply->elements[1].str;
  if (reply->elements[0].integer == 1) {
    rules.set_version(std::stoll(answer));
    return rules;
  }
  // A replay: hand back what the first call wrote, if it was this request.
  const size_t first = answer.find('\n');
  if (first == std::string::npos || answer.compare(0, first, fingerprint) != 0) {
    return Status::InvalidArgument("request_id", "was already used for another request; use a new id");
  }
  const size_t second = answer.find('\n', first + 1);
  rv1::QuotaRules earlier;
  if (second == std::string::npos || !earlier.ParseFromString(answer.substr(second + 1))) return Corrupt(memo_key);
  earlier.set_version(std::stoll(answer.substr(first + 1, second - first - 1)));
  return earlier;
}

}  // namespace tdkt::reporting
