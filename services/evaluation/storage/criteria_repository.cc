#include "services/evaluation/storage/criteria_repository.h"

#include <algorithm>

namespace tdkt::evaluation {

namespace {

std::string SetKey(const std::string& agency, const std::string& movement) {
  return "ev:crit:" + (agency.empty() ? std::string("-") : agency) + ":" + (movement.empty() ? "-" : movement);
}

// KEYS: set hash, [memo]. ARGV: expected head, bytes, then AppendMemoArgs'.
const LuaScript kPublishScript(R"lua(
local head = redis.call('HGET', KEYS[1], 'head') or '0'
if head ~= ARGV[1] then return 0 end
local next = tostring(tonumber(head) + 1)
redis.call('HSET', KEYS[1], 'head', next, next, ARGV[2])
if ARGV[3] == '1' then redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[5]) end
return 1
)lua");

}  // namespace

Result<std::vector<v1::CriteriaSet>> CriteriaRepository::Versions(const std::string& agency,
                                                                  const std::string& movement) {
  auto reply = store_.redis().Command({"HGETALL", SetKey(agency, movement)});
  if (!reply.ok()) return reply.status();
  std::vector<v1::CriteriaSet> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    if (reply->elements[i].str == "head") continue;
    v1::CriteriaSet set;
    if (!set.ParseFromString(reply->elements[i + 1].str)) return Status::Internal("stored criteria set is unreadable");
    out.push_back(std::move(set));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version() < b.version(); });
  return out;
}

Status CriteriaRepository::Publish(v1::CriteriaSet& set, int64_t expected_version, const MemoWriter& memo) {
  set.set_version(expected_version + 1);
  RedisArgs keys = {SetKey(set.agency_id(), set.movement_id())};
  RedisArgs args = {std::to_string(expected_version), set.SerializeAsString()};
  AppendMemoArgs(memo.For(set), &keys, &args);
  auto reply = store_.redis().Eval(kPublishScript, keys, args);
  if (!reply.ok()) return reply.status();
  if (reply->integer != 1) {
    return Status::Aborted("another version of this criteria set was published meanwhile; read it again and retry");
  }
  return Status::Ok();
}

Result<std::string> CriteriaRepository::NewRuleId() {
  auto n = store_.Next("rule");
  if (!n.ok()) return n.status();
  return "rule-" + std::to_string(*n);
}

Status CriteriaRepository::PutRule(const v1::EligibilityRule& rule, const MemoWriter& memo) {
  return store_.Apply({IndexOp::PutField("ev:rules", rule.id(), rule.SerializeAsString())}, memo.For(rule));
}

Result<std::vector<v1::EligibilityRule>> CriteriaRepository::Rules() {
  auto reply = store_.redis().Command({"HGETALL", "ev:rules"});
  if (!reply.ok()) return reply.status();
  std::vector<v1::EligibilityRule> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    v1::EligibilityRule rule;
    if (!rule.ParseFromString(reply->elements[i + 1].str)) return Status::Internal("stored rule is unreadable");
    out.push_back(std::move(rule));
  }
  // Rule ids are "rule-<n>": order by n so listings are stable.
  auto number = [](const std::string& id) { return std::stoll(id.substr(id.find('-') + 1)); };
  std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return number(a.id()) < number(b.id()); });
  return out;
}

Result<bool> CriteriaRepository::HasRules() {
  auto reply = store_.redis().Command({"EXISTS", "ev:rules"});
  if (!reply.ok()) return reply.status();
  return reply->integer == 1;
}

}  // namespace tdkt::evaluation
