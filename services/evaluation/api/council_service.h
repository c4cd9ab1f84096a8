// gRPC handlers of tdkt.evaluation.v1.CouncilService (callback API). Each handler
// authenticates and delegates to CouncilManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/evaluation/app/council_manager.h"
#include "tdkt/evaluation/v1/council.grpc.pb.h"

namespace tdkt::evaluation {

class CouncilService final : public v1::CouncilService::CallbackService {
 public:
  CouncilService(CouncilManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* CreateCouncil(grpc::CallbackServerContext* c, const v1::CreateCouncilRequest* r,
      v1::Council* out) override;
  grpc::ServerUnaryReactor* UpdateCouncil(grpc::CallbackServerContext* c, const v1::UpdateCouncilRequest* r,
      v1::Council* out) override;
  grpc::ServerUnaryReactor* GetCouncil(grpc::CallbackServerContext* c, const v1::GetCouncilRequest* r,
      v1::Council* out) override;
  grpc::ServerUnaryReactor* ListCouncils(grpc::CallbackServerContext* c, const v1::ListCouncilsRequest* r,
      v1::ListCouncilsResponse* out) override;

 private:
  CouncilManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::evaluation
