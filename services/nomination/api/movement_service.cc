#include "services/nomination/api/movement_service.h"

#include "common/rpc_handler.h"

namespace tdkt::nomination {

grpc::ServerUnaryReactor* MovementService::CreateMovement(grpc::CallbackServerContext* c,
                                                          const v1::CreateMovementRequest* r, v1::Movement* out) {
  return HandleUnary(c, "CreateMovement", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* MovementService::GetMovement(grpc::CallbackServerContext* c,
                                                       const v1::GetMovementRequest* r, v1::Movement* out) {
  return HandleUnary(c, "GetMovement", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* MovementService::ListMovements(grpc::CallbackServerContext* c,
                                                         const v1::ListMovementsRequest* r,
                                                         v1::ListMovementsResponse* out) {
  return HandleUnary(c, "ListMovements", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r, c->deadline()); });
}

}  // namespace tdkt::nomination
