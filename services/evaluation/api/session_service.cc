#include "services/evaluation/api/session_service.h"

#include "common/rpc_handler.h"

namespace tdkt::evaluation {

grpc::ServerUnaryReactor* SessionService::CreateSession(grpc::CallbackServerContext* c, const v1::CreateSessionRequest* r,
    v1::Session* out) {
  return HandleUnary(c, "CreateSession", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::AddAgendaItem(grpc::CallbackServerContext* c, const v1::AddAgendaItemRequest* r,
    v1::Session* out) {
  return HandleUnary(c, "AddAgendaItem", verifier_, out, [&](const Caller& caller) { return manager_.AddAgendaItem(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::OpenSession(grpc::CallbackServerContext* c, const v1::OpenSessionRequest* r,
    v1::Session* out) {
  return HandleUnary(c, "OpenSession", verifier_, out, [&](const Caller& caller) { return manager_.Open(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::DeclareConflict(grpc::CallbackServerContext* c, const v1::DeclareConflictRequest* r,
    v1::Session* out) {
  return HandleUnary(c, "DeclareConflict", verifier_, out, [&](const Caller& caller) { return manager_.DeclareConflict(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::ScoreNominee(grpc::CallbackServerContext* c, const v1::ScoreNomineeRequest* r,
    v1::ScoreSheetAck* out) {
  return HandleUnary(c, "ScoreNominee", verifier_, out, [&](const Caller& caller) { return manager_.Score(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::CastBallot(grpc::CallbackServerContext* c, const v1::CastBallotRequest* r,
    v1::BallotReceipt* out) {
  return HandleUnary(c, "CastBallot", verifier_, out, [&](const Caller& caller) { return manager_.Cast(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::CloseSession(grpc::CallbackServerContext* c, const v1::CloseSessionRequest* r,
    v1::Session* out) {
  return HandleUnary(c, "CloseSession", verifier_, out, [&](const Caller& caller) { return manager_.Close(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::GetSession(grpc::CallbackServerContext* c, const v1::GetSessionRequest* r,
    v1::Session* out) {
  return HandleUnary(c, "GetSession", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::ListSessions(grpc::CallbackServerContext* c, const v1::ListSessionsRequest* r,
    v1::ListSessionsResponse* out) {
  return HandleUnary(c, "ListSessions", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::GetResults(grpc::CallbackServerContext* c, const v1::GetResultsRequest* r,
    v1::SessionResults* out) {
  return HandleUnary(c, "GetResults", verifier_, out, [&](const Caller& caller) { return manager_.Results(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::ListBallots(grpc::CallbackServerContext* c, const v1::ListBallotsRequest* r,
    v1::ListBallotsResponse* out) {
  return HandleUnary(c, "ListBallots", verifier_, out, [&](const Caller& caller) { return manager_.Ballots(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::VerifyReceipt(grpc::CallbackServerContext* c, const v1::VerifyReceiptRequest* r,
    v1::VerifyReceiptResponse* out) {
  return HandleUnary(c, "VerifyReceipt", verifier_, out, [&](const Caller& caller) { return manager_.Verify(caller, *r); });
}

grpc::ServerUnaryReactor* SessionService::GetMinutes(grpc::CallbackServerContext* c, const v1::GetMinutesRequest* r,
    v1::Minutes* out) {
  return HandleUnary(c, "GetMinutes", verifier_, out, [&](const Caller& caller) { return manager_.Minutes(caller, *r); });
}

}  // namespace tdkt::evaluation
