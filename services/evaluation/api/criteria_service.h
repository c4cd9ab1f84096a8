// gRPC handlers of tdkt.evaluation.v1.CriteriaService (callback API). Each handler
// authenticates and delegates to CriteriaManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/evaluation/app/criteria_manager.h"
#include "tdkt/evaluation/v1/criteria.grpc.pb.h"

namespace tdkt::evaluation {

class CriteriaService final : public v1::CriteriaService::CallbackService {
 public:
  CriteriaService(CriteriaManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* PublishCriteriaSet(grpc::CallbackServerContext* c, const v1::PublishCriteriaSetRequest* r,
      v1::CriteriaSet* out) override;
  grpc::ServerUnaryReactor* GetCriteriaSet(grpc::CallbackServerContext* c, const v1::GetCriteriaSetRequest* r,
      v1::CriteriaSet* out) override;
  grpc::ServerUnaryReactor* ListCriteriaVersions(grpc::CallbackServerContext* c, const v1::ListCriteriaVersionsRequest* r,
      v1::ListCriteriaVersionsResponse* out) override;
  grpc::ServerUnaryReactor* ResolveCriteria(grpc::CallbackServerContext* c, const v1::ResolveCriteriaRequest* r,
      v1::ResolvedCriteria* out) override;
  grpc::ServerUnaryReactor* PutEligibilityRule(grpc::CallbackServerContext* c, const v1::PutEligibilityRuleRequest* r,
      v1::EligibilityRule* out) override;
  grpc::ServerUnaryReactor* ListEligibilityRules(grpc::CallbackServerContext* c, const v1::ListEligibilityRulesRequest* r,
      v1::ListEligibilityRulesResponse* out) override;
  grpc::ServerUnaryReactor* CheckEligibility(grpc::CallbackServerContext* c, const v1::CheckEligibilityRequest* r,
      v1::EligibilityReport* out) override;
  grpc::ServerUnaryReactor* RecordAward(grpc::CallbackServerContext* c, const v1::RecordAwardRequest* r,
      v1::AwardRecord* out) override;
  grpc::ServerUnaryReactor* SetHeadcount(grpc::CallbackServerContext* c, const v1::SetHeadcountRequest* r,
      v1::Headcount* out) override;

 private:
  CriteriaManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::evaluation
