#include "services/evaluation/api/council_service.h"

#include "common/rpc_handler.h"

namespace tdkt::evaluation {

grpc::ServerUnaryReactor* CouncilService::CreateCouncil(grpc::CallbackServerContext* c, const v1::CreateCouncilRequest* r,
    v1::Council* out) {
  return HandleUnary(c, "CreateCouncil", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* CouncilService::UpdateCouncil(grpc::CallbackServerContext* c, const v1::UpdateCouncilRequest* r,
    v1::Council* out) {
  return HandleUnary(c, "UpdateCouncil", verifier_, out, [&](const Caller& caller) { return manager_.Update(caller, *r); });
}

grpc::ServerUnaryReactor* CouncilService::GetCouncil(grpc::CallbackServerContext* c, const v1::GetCouncilRequest* r,
    v1::Council* out) {
  return HandleUnary(c, "GetCouncil", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* CouncilService::ListCouncils(grpc::CallbackServerContext* c, const v1::ListCouncilsRequest* r,
    v1::ListCouncilsResponse* out) {
  return HandleUnary(c, "ListCouncils", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r); });
}

}  // namespace tdkt::evaluation
