#include "services/evaluation/api/criteria_service.h"

#include "common/rpc_handler.h"

namespace tdkt::evaluation {

grpc::ServerUnaryReactor* CriteriaService::PublishCriteriaSet(grpc::CallbackServerContext* c, const v1::PublishCriteriaSetRequest* r,
    v1::CriteriaSet* out) {
  return HandleUnary(c, "PublishCriteriaSet", verifier_, out, [&](const Caller& caller) { return manager_.Publish(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::GetCriteriaSet(grpc::CallbackServerContext* c, const v1::GetCriteriaSetRequest* r,
    v1::CriteriaSet* out) {
  return HandleUnary(c, "GetCriteriaSet", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::ListCriteriaVersions(grpc::CallbackServerContext* c, const v1::ListCriteriaVersionsRequest* r,
    v1::ListCriteriaVersionsResponse* out) {
  return HandleUnary(c, "ListCriteriaVersions", verifier_, out, [&](const Caller& caller) { return manager_.ListVersions(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::ResolveCriteria(grpc::CallbackServerContext* c, const v1::ResolveCriteriaRequest* r,
    v1::ResolvedCriteria* out) {
  return HandleUnary(c, "ResolveCriteria", verifier_, out, [&](const Caller& caller) { return manager_.Resolve(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::PutEligibilityRule(grpc::CallbackServerContext* c, const v1::PutEligibilityRuleRequest* r,
    v1::EligibilityRule* out) {
  return HandleUnary(c, "PutEligibilityRule", verifier_, out, [&](const Caller& caller) { return manager_.PutRule(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::ListEligibilityRules(grpc::CallbackServerContext* c, const v1::ListEligibilityRulesRequest* r,
    v1::ListEligibilityRulesResponse* out) {
  return HandleUnary(c, "ListEligibilityRules", verifier_, out, [&](const Caller& caller) { return manager_.ListRules(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::CheckEligibility(grpc::CallbackServerContext* c, const v1::CheckEligibilityRequest* r,
    v1::EligibilityReport* out) {
  return HandleUnary(c, "CheckEligibility", verifier_, out, [&](const Caller& caller) { return manager_.Check(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::RecordAward(grpc::CallbackServerContext* c, const v1::RecordAwardRequest* r,
    v1::AwardRecord* out) {
  return HandleUnary(c, "RecordAward", verifier_, out, [&](const Caller& caller) { return manager_.RecordAward(caller, *r); });
}

grpc::ServerUnaryReactor* CriteriaService::SetHeadcount(grpc::CallbackServerContext* c, const v1::SetHeadcountRequest* r,
    v1::Headcount* out) {
  return HandleUnary(c, "SetHeadcount", verifier_, out, [&](const Caller& caller) { return manager_.SetHeadcount(caller, *r); });
}

}  // namespace tdkt::evaluation
