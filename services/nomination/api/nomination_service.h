// gRPC handlers of tdkt.nomination.v1.NominationService (callback API).
// Each handler authenticates and delegates to NominationManager.
#pragma once

#include "common/auth.h"
#include "services/nomination/app/nomination_manager.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"

namespace tdkt::nomination {

class NominationService final : public v1::NominationService::CallbackService {
 public:
  NominationService(NominationManager& manager, const TokenVerifier& verifier)
      : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* CreateNomination(grpc::CallbackServerContext* c, const v1::CreateNominationRequest* r,
                                             v1::Nomination* out) override;
  grpc::ServerUnaryReactor* BatchCreateNominations(grpc::CallbackServerContext* c,
                                                   const v1::BatchCreateNominationsRequest* r,
                                                   v1::BatchCreateNominationsResponse* out) override;
  grpc::ServerUnaryReactor* GetNomination(grpc::CallbackServerContext* c, const v1::GetNominationRequest* r,
                                          v1::Nomination* out) override;
  grpc::ServerUnaryReactor* UpdateNomination(grpc::CallbackServerContext* c, const v1::UpdateNominationRequest* r,
                                             v1::Nomination* out) override;
  grpc::ServerUnaryReactor* TransitionNomination(grpc::CallbackServerContext* c,
                                                 const v1::TransitionNominationRequest* r,
                                                 v1::Nomination* out) override;
  grpc::ServerUnaryReactor* SetFosteringPlan(grpc::CallbackServerContext* c, const v1::SetFosteringPlanRequest* r,
                                             v1::Nomination* out) override;
  grpc::ServerUnaryReactor* AddFollowUp(grpc::CallbackServerContext* c, const v1::AddFollowUpRequest* r,
                                        v1::Nomination* out) override;
  grpc::ServerUnaryReactor* ListNominations(grpc::CallbackServerContext* c, const v1::ListNominationsRequest* r,
                                            v1::ListNominationsResponse* out) override;
  grpc::ServerUnaryReactor* GetHistory(grpc::CallbackServerContext* c, const v1::GetHistoryRequest* r,
                                       v1::GetHistoryResponse* out) override;
  grpc::ServerUnaryReactor* AddAttachment(grpc::CallbackServerContext* c, const v1::AddAttachmentRequest* r,
                                          v1::Nomination* out) override;
  grpc::ServerUnaryReactor* AddHistoryNote(grpc::CallbackServerContext* c, const v1::AddHistoryNoteRequest* r,
                                           v1::Nomination* out) override;
  grpc::ServerUnaryReactor* ListChanges(grpc::CallbackServerContext* c, const v1::ListChangesRequest* r,
                                        v1::ListChangesResponse* out) override;

 private:
  NominationManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::nomination
