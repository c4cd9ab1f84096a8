// gRPC handlers of tdkt.evaluation.v1.SessionService (callback API). Each handler
// authenticates and delegates to SessionManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/evaluation/app/session_manager.h"
#include "tdkt/evaluation/v1/session.grpc.pb.h"

namespace tdkt::evaluation {

class SessionService final : public v1::SessionService::CallbackService {
 public:
  SessionService(SessionManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* CreateSession(grpc::CallbackServerContext* c, const v1::CreateSessionRequest* r,
      v1::Session* out) override;
  grpc::ServerUnaryReactor* AddAgendaItem(grpc::CallbackServerContext* c, const v1::AddAgendaItemRequest* r,
      v1::Session* out) override;
  grpc::ServerUnaryReactor* OpenSession(grpc::CallbackServerContext* c, const v1::OpenSessionRequest* r,
      v1::Session* out) override;
  grpc::ServerUnaryReactor* DeclareConflict(grpc::CallbackServerContext* c, const v1::DeclareConflictRequest* r,
      v1::Session* out) override;
  grpc::ServerUnaryReactor* ScoreNominee(grpc::CallbackServerContext* c, const v1::ScoreNomineeRequest* r,
      v1::ScoreSheetAck* out) override;
  grpc::ServerUnaryReactor* CastBallot(grpc::CallbackServerContext* c, const v1::CastBallotRequest* r,
      v1::BallotReceipt* out) override;
  grpc::ServerUnaryReactor* CloseSession(grpc::CallbackServerContext* c, const v1::CloseSessionRequest* r,
      v1::Session* out) override;
  grpc::ServerUnaryReactor* GetSession(grpc::CallbackServerContext* c, const v1::GetSessionRequest* r,
      v1::Session* out) override;
  grpc::ServerUnaryReactor* ListSessions(grpc::CallbackServerContext* c, const v1::ListSessionsRequest* r,
      v1::ListSessionsResponse* out) override;
  grpc::ServerUnaryReactor* GetResults(grpc::CallbackServerContext* c, const v1::GetResultsRequest* r,
      v1::SessionResults* out) override;
  grpc::ServerUnaryReactor* ListBallots(grpc::CallbackServerContext* c, const v1::ListBallotsRequest* r,
      v1::ListBallotsResponse* out) override;
  grpc::ServerUnaryReactor* VerifyReceipt(grpc::CallbackServerContext* c, const v1::VerifyReceiptRequest* r,
      v1::VerifyReceiptResponse* out) override;
  grpc::ServerUnaryReactor* GetMinutes(grpc::CallbackServerContext* c, const v1::GetMinutesRequest* r,
      v1::Minutes* out) override;

 private:
  SessionManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::evaluation
