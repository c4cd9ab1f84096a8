// gRPC handlers of tdkt.nomination.v1.MovementService (callback API).
#pragma once

#include "common/auth.h"
#include "services/nomination/app/movement_manager.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"

namespace tdkt::nomination {

class MovementService final : public v1::MovementService::CallbackService {
 public:
  MovementService(MovementManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}
  grpc::ServerUnaryReactor* CreateMovement(grpc::CallbackServerContext* c, const v1::CreateMovementRequest* r,
                                           v1::Movement* out) override;
  grpc::ServerUnaryReactor* GetMovement(grpc::CallbackServerContext* c, const v1::GetMovementRequest* r,
                                        v1::Movement* out) override;
  grpc::ServerUnaryReactor* ListMovements(grpc::CallbackServerContext* c, const v1::ListMovementsRequest* r,
                                          v1::ListMovementsResponse* out) override;

 private:
  MovementManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::nomination
