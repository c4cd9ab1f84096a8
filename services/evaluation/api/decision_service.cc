#include "services/evaluation/api/decision_service.h"

#include "common/rpc_handler.h"

namespace tdkt::evaluation {

grpc::ServerUnaryReactor* DecisionService::Appraise(grpc::CallbackServerContext* c, const v1::AppraiseRequest* r,
    v1::Appraisal* out) {
  return HandleUnary(c, "Appraise", verifier_, out, [&](const Caller& caller) { return manager_.Appraise(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::Decide(grpc::CallbackServerContext* c, const v1::DecideRequest* r,
    v1::Decision* out) {
  return HandleUnary(c, "Decide", verifier_, out, [&](const Caller& caller) { return manager_.Decide(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::GetDecision(grpc::CallbackServerContext* c, const v1::GetDecisionRequest* r,
    v1::Decision* out) {
  return HandleUnary(c, "GetDecision", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::PublishDisclosure(grpc::CallbackServerContext* c, const v1::PublishDisclosureRequest* r,
    v1::Disclosure* out) {
  return HandleUnary(c, "PublishDisclosure", verifier_, out, [&](const Caller& caller) { return manager_.Disclose(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::ListDisclosures(grpc::CallbackServerContext* c, const v1::ListDisclosuresRequest* r,
    v1::ListDisclosuresResponse* out) {
  return HandleUnary(c, "ListDisclosures", verifier_, out, [&](const Caller& caller) { return manager_.ListDisclosures(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::LodgeObjection(grpc::CallbackServerContext* c, const v1::LodgeObjectionRequest* r,
    v1::Objection* out) {
  return HandleUnary(c, "LodgeObjection", verifier_, out, [&](const Caller& caller) { return manager_.Lodge(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::ResolveObjection(grpc::CallbackServerContext* c, const v1::ResolveObjectionRequest* r,
    v1::Objection* out) {
  return HandleUnary(c, "ResolveObjection", verifier_, out, [&](const Caller& caller) { return manager_.Resolve(caller, *r); });
}

grpc::ServerUnaryReactor* DecisionService::ListObjections(grpc::CallbackServerContext* c, const v1::ListObjectionsRequest* r,
    v1::ListObjectionsResponse* out) {
  return HandleUnary(c, "ListObjections", verifier_, out, [&](const Caller& caller) { return manager_.ListObjections(caller, *r); });
}

}  // namespace tdkt::evaluation
