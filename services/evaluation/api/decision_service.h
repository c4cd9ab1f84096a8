// gRPC handlers of tdkt.evaluation.v1.DecisionService (callback API). Each handler
// authenticates and delegates to DecisionManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/evaluation/app/decision_manager.h"
#include "tdkt/evaluation/v1/decision.grpc.pb.h"

namespace tdkt::evaluation {

class DecisionService final : public v1::DecisionService::CallbackService {
 public:
  DecisionService(DecisionManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* Appraise(grpc::CallbackServerContext* c, const v1::AppraiseRequest* r,
      v1::Appraisal* out) override;
  grpc::ServerUnaryReactor* Decide(grpc::CallbackServerContext* c, const v1::DecideRequest* r,
      v1::Decision* out) override;
  grpc::ServerUnaryReactor* GetDecision(grpc::CallbackServerContext* c, const v1::GetDecisionRequest* r,
      v1::Decision* out) override;
  grpc::ServerUnaryReactor* PublishDisclosure(grpc::CallbackServerContext* c, const v1::PublishDisclosureRequest* r,
      v1::Disclosure* out) override;
  grpc::ServerUnaryReactor* ListDisclosures(grpc::CallbackServerContext* c, const v1::ListDisclosuresRequest* r,
      v1::ListDisclosuresResponse* out) override;
  grpc::ServerUnaryReactor* LodgeObjection(grpc::CallbackServerContext* c, const v1::LodgeObjectionRequest* r,
      v1::Objection* out) override;
  grpc::ServerUnaryReactor* ResolveObjection(grpc::CallbackServerContext* c, const v1::ResolveObjectionRequest* r,
      v1::Objection* out) override;
  grpc::ServerUnaryReactor* ListObjections(grpc::CallbackServerContext* c, const v1::ListObjectionsRequest* r,
      v1::ListObjectionsResponse* out) override;

 private:
  DecisionManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::evaluation
