#include "services/nomination/api/nomination_service.h"

#include "common/rpc_handler.h"

namespace tdkt::nomination {

grpc::ServerUnaryReactor* NominationService::CreateNomination(grpc::CallbackServerContext* c,
                                                              const v1::CreateNominationRequest* r,
                                                              v1::Nomination* out) {
  return HandleUnary(c, "CreateNomination", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::BatchCreateNominations(grpc::CallbackServerContext* c,
                                                                    const v1::BatchCreateNominationsRequest* r,
                                                                    v1::BatchCreateNominationsResponse* out) {
  return HandleUnary(c, "BatchCreateNominations", verifier_, out, [&](const Caller& caller) { return manager_.BatchCreate(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::GetNomination(grpc::CallbackServerContext* c,
                                                           const v1::GetNominationRequest* r, v1::Nomination* out) {
  return HandleUnary(c, "GetNomination", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::UpdateNomination(grpc::CallbackServerContext* c,
                                                              const v1::UpdateNominationRequest* r,
                                                              v1::Nomination* out) {
  return HandleUnary(c, "UpdateNomination", verifier_, out, [&](const Caller& caller) { return manager_.Update(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::TransitionNomination(grpc::CallbackServerContext* c,
                                                                  const v1::TransitionNominationRequest* r,
                                                                  v1::Nomination* out) {
  return HandleUnary(c, "TransitionNomination", verifier_, out, [&](const Caller& caller) { return manager_.Transition(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::SetFosteringPlan(grpc::CallbackServerContext* c,
                                                              const v1::SetFosteringPlanRequest* r,
                                                              v1::Nomination* out) {
  return HandleUnary(c, "SetFosteringPlan", verifier_, out, [&](const Caller& caller) { return manager_.SetFosteringPlan(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::AddFollowUp(grpc::CallbackServerContext* c,
                                                         const v1::AddFollowUpRequest* r, v1::Nomination* out) {
  return HandleUnary(c, "AddFollowUp", verifier_, out, [&](const Caller& caller) { return manager_.AddFollowUp(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::ListNominations(grpc::CallbackServerContext* c,
                                                             const v1::ListNominationsRequest* r,
                                                             v1::ListNominationsResponse* out) {
  return HandleUnary(c, "ListNominations", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r, c->deadline()); });
}

grpc::ServerUnaryReactor* NominationService::GetHistory(grpc::CallbackServerContext* c,
                                                        const v1::GetHistoryRequest* r, v1::GetHistoryResponse* out) {
  return HandleUnary(c, "GetHistory", verifier_, out, [&](const Caller& caller) { return manager_.History(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::AddAttachment(grpc::CallbackServerContext* c,
                                                           const v1::AddAttachmentRequest* r, v1::Nomination* out) {
  return HandleUnary(c, "AddAttachment", verifier_, out, [&](const Caller& caller) { return manager_.AddAttachment(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::AddHistoryNote(grpc::CallbackServerContext* c,
                                                            const v1::AddHistoryNoteRequest* r, v1::Nomination* out) {
  return HandleUnary(c, "AddHistoryNote", verifier_, out, [&](const Caller& caller) { return manager_.AddHistoryNote(caller, *r); });
}

grpc::ServerUnaryReactor* NominationService::ListChanges(grpc::CallbackServerContext* c,
                                                         const v1::ListChangesRequest* r, v1::ListChangesResponse* out) {
  return HandleUnary(c, "ListChanges", verifier_, out, [&](const Caller& caller) { return manager_.ListChanges(caller, *r); });
}

}  // namespace tdkt::nomination
