#include "services/reporting/storage/quota_store.h"

namespace tdkt::reporting {

namespace {

// KEYS: memo, rules hash. ARGV: bytes.
const LuaScript kSetRules(R"lua(
local memo = redis.call('GET', KEYS[1])
if memo then return {0, memo} end
local v = redis.call('HINCRBY', KEYS[2], 'v', 1)
redis.call('HSET', KEYS[2], 'd', ARGV[1])
redis.call('SET', KEYS[1], v, 'EX', 604800)
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
  auto reply = redis_.Eval(kSetRules, {"rep:{quota}:req:" + request_id, "rep:{quota}:rules:" + rules.plan_period()},
                           {rules.SerializeAsString()});
  if (!reply.ok()) return reply.status();
  auto stored = Get(rules.plan_period());
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::Internal("quota rules vanished");
  return **stored;
}

}  // namespace tdkt::reporting
