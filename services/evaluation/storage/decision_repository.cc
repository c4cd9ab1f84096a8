#include "services/evaluation/storage/decision_repository.h"

namespace tdkt::evaluation {

namespace {

std::string SessionKey(const std::string& session, const std::string& part) {
  return "ev:ses:{" + session + "}:" + part;
}

// KEYS: decision hash. ARGV: fingerprint, bytes.
const LuaScript kBeginScript(R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'step', 'pending', 'fp', ARGV[1], 'd', ARGV[2])
end
return redis.call('HMGET', KEYS[1], 'step', 'fp', 'd')
)lua");

// KEYS: decision hash. Only a pending decision may be dropped.
const LuaScript kDropScript(R"lua(
if redis.call('HGET', KEYS[1], 'step') == 'pending' then redis.call('DEL', KEYS[1]) end
return 1
)lua");

}  // namespace

Status DecisionRepository::PutAppraisal(const v1::Appraisal& appraisal, const MemoWriter& memo) {
  return store_.Apply({IndexOp::Put(SessionKey(appraisal.session_id(), "appraisal:" + appraisal.nomination_id()),
                                    appraisal.SerializeAsString())},
                      memo.For(appraisal));
}

Result<std::optional<v1::Appraisal>> DecisionRepository::GetAppraisal(const std::string& session,
                                                                      const std::string& nomination) {
  auto reply = store_.redis().Command({"GET", SessionKey(session, "appraisal:" + nomination)});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<v1::Appraisal>();
  v1::Appraisal appraisal;
  if (!appraisal.ParseFromString(reply->str)) return Status::Internal("stored appraisal is unreadable");
  return std::optional<v1::Appraisal>(std::move(appraisal));
}

namespace {
Result<DecisionRepository::StoredDecision> ParseDecision(const RedisReply& reply) {
  DecisionRepository::StoredDecision out;
  if (reply.elements.size() != 3 || reply.elements[2].is_nil()) return Status::NotFound("no decision");
  out.done = reply.elements[0].str == "done";
  out.fingerprint = reply.elements[1].str;
  if (!out.decision.ParseFromString(reply.elements[2].str)) return Status::Internal("stored decision is unreadable");
  return out;
}
}  // namespace

Result<std::optional<DecisionRepository::StoredDecision>> DecisionRepository::GetDecision(
    const std::string& session, const std::string& nomination) {
  auto reply = store_.redis().Command({"HMGET", SessionKey(session, "decision:" + nomination), "step", "fp", "d"});
  if (!reply.ok()) return reply.status();
  if (reply->elements.size() != 3 || reply->elements[2].is_nil()) return std::optional<StoredDecision>();
  auto parsed = ParseDecision(*reply);
  if (!parsed.ok()) return parsed.status();
  return std::optional<StoredDecision>(std::move(*parsed));
}

Result<DecisionRepository::StoredDecision> DecisionRepository::BeginDecision(const v1::Decision& decision,
                                                                             const std::string& fingerprint) {
  auto reply = store_.redis().Eval(kBeginScript,
                                   {SessionKey(decision.session_id(), "decision:" + decision.nomination_id())},
                                   {fingerprint, decision.SerializeAsString()});
  if (!reply.ok()) return reply.status();
  return ParseDecision(*reply);
}

Status DecisionRepository::FinishDecision(const v1::Decision& decision) {
  auto reply = store_.redis().Command({"HSET", SessionKey(decision.session_id(), "decision:" + decision.nomination_id()),
                                       "step", "done", "d", decision.SerializeAsString()});
  return reply.ok() ? Status::Ok() : reply.status();
}

Status DecisionRepository::DropPendingDecision(const std::string& session, const std::string& nomination) {
  auto reply = store_.redis().Eval(kDropScript, {SessionKey(session, "decision:" + nomination)}, {});
  return reply.ok() ? Status::Ok() : reply.status();
}

Result<std::string> DecisionRepository::NewId(const std::string& prefix, const std::string& agency) {
  auto n = store_.Next(prefix);
  if (!n.ok()) return n.status();
  return prefix + "-" + agency + "-" + std::to_string(*n);
}

Status DecisionRepository::CreateDisclosure(const v1::Disclosure& disclosure, const MemoWriter& memo) {
  auto n = store_.Next("disclosure-order");
  if (!n.ok()) return n.status();
  std::vector<IndexOp> ops = {IndexOp::Add("ev:discs:" + disclosure.agency_id(), disclosure.id(), *n)};
  for (const auto& nominee : disclosure.nominees()) {
    ops.push_back(IndexOp::PutField(SessionKey(disclosure.session_id(), "disclosed"), nominee.nomination_id(),
                                    disclosure.id()));
  }
  return store_.Store("ev:disc:" + disclosure.id(), 0, disclosure, ops, memo.For(disclosure));
}

Result<v1::Disclosure> DecisionRepository::GetDisclosure(const std::string& id) {
  v1::Disclosure disclosure;
  TDKT_RETURN_IF_ERROR(store_.Load("ev:disc:" + id, "disclosure " + id, &disclosure, nullptr));
  return disclosure;
}

Result<std::optional<v1::Disclosure>> DecisionRepository::DisclosureOf(const std::string& session,
                                                                       const std::string& nomination) {
  auto reply = store_.redis().Command({"HGET", SessionKey(session, "disclosed"), nomination});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<v1::Disclosure>();
  auto disclosure = GetDisclosure(reply->str);
  if (!disclosure.ok()) return disclosure.status();
  return std::optional<v1::Disclosure>(std::move(*disclosure));
}

Result<std::vector<v1::Disclosure>> DecisionRepository::ListDisclosures(const std::string& agency, int64_t before,
                                                                        int limit, std::vector<int64_t>* cursors) {
  auto ids = store_.Newest("ev:discs:" + agency, before, limit);
  if (!ids.ok()) return ids.status();
  std::vector<v1::Disclosure> out;
  for (const auto& [id, score] : *ids) {
    auto d = GetDisclosure(id);
    if (!d.ok()) return d.status();
    out.push_back(std::move(*d));
    cursors->push_back(score);
  }
  return out;
}

Status DecisionRepository::CreateObjection(const v1::Objection& objection, const MemoWriter& memo) {
  return store_.Store(
      "ev:obj:" + objection.id(), 0, objection,
      {IndexOp::Append(SessionKey(objection.session_id(), "objections:" + objection.nomination_id()), objection.id())},
      memo.For(objection));
}

Result<v1::Objection> DecisionRepository::GetObjection(const std::string& id, int64_t* version) {
  v1::Objection objection;
  TDKT_RETURN_IF_ERROR(store_.Load("ev:obj:" + id, "objection " + id, &objection, version));
  return objection;
}

Status DecisionRepository::UpdateObjection(const v1::Objection& objection, int64_t expected_version,
                                           const MemoWriter& memo) {
  return store_.Store("ev:obj:" + objection.id(), expected_version, objection, {}, memo.For(objection));
}

Result<std::vector<v1::Objection>> DecisionRepository::Objections(const std::string& session,
                                                                  const std::string& nomination) {
  auto ids = store_.redis().Command({"LRANGE", SessionKey(session, "objections:" + nomination), "0", "-1"});
  if (!ids.ok()) return ids.status();
  std::vector<v1::Objection> out;
  for (const auto& e : ids->elements) {
    auto o = GetObjection(e.str, nullptr);
    if (!o.ok()) return o.status();
    out.push_back(std::move(*o));
  }
  return out;
}

}  // namespace tdkt::evaluation
