// Use cases of the nomination lifecycle: who may do what, input rules, the
// state machine, idempotency and optimistic concurrency. Talks to storage
// only through the repository interfaces; knows nothing of gRPC.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "common/auth.h"
#include "common/status.h"
#include "services/nomination/storage/agency_directory.h"
#include "services/nomination/storage/movement_repository.h"
#include "services/nomination/storage/nomination_repository.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::nomination {

class NominationManager {
 public:
  NominationManager(NominationRepository& repository, MovementRepository& movements,
                    AgencyDirectory& agencies);

  Result<v1::Nomination> Create(const Caller& caller, v1::CreateNominationRequest request);
  Result<v1::BatchCreateNominationsResponse> BatchCreate(const Caller& caller,
                                                         v1::BatchCreateNominationsRequest request);
  Result<v1::Nomination> Get(const Caller& caller, const v1::GetNominationRequest& request);
  Result<v1::Nomination> Update(const Caller& caller, v1::UpdateNominationRequest request);
  Result<v1::Nomination> Transition(const Caller& caller, v1::TransitionNominationRequest request);
  Result<v1::Nomination> SetFosteringPlan(const Caller& caller, v1::SetFosteringPlanRequest request);
  Result<v1::Nomination> AddFollowUp(const Caller& caller, v1::AddFollowUpRequest request);
  Result<v1::Nomination> AddAttachment(const Caller& caller, v1::AddAttachmentRequest request);
  Result<v1::Nomination> AddHistoryNote(const Caller& caller, v1::AddHistoryNoteRequest request);
  // Stops with DEADLINE_EXCEEDED when `deadline` passes mid-way.
  Result<v1::ListNominationsResponse> List(const Caller& caller, const v1::ListNominationsRequest& request,
                                           std::chrono::system_clock::time_point deadline);
  Result<v1::GetHistoryResponse> History(const Caller& caller, const v1::GetHistoryRequest& request);
  // The node's feed of lifecycle moves (node and admin callers only).
  Result<v1::ListChangesResponse> ListChanges(const Caller& caller, const v1::ListChangesRequest& request);

  // Upward forwarding (federation_manager.h). With a parent, a move to
  // PROPOSED also queues the record on the uplink stream and marks it
  // upward QUEUED, in the same save; a record received from a child
  // (has origin) that moves to RECOGNISED, RETURNED, REJECTED or PROPOSED
  // queues that outcome for the child, in the same save.
  void SetHasParent(bool has_parent) { has_parent_ = has_parent; }
  // Records on `id` a new upward status and an audit entry (action
  // "upward", reason `note`) as this node (`node`, role node). Idempotent
  // by `request_id`; retries version conflicts. A RECEIVED status does not
  // overwrite an outcome that arrived first.
  Result<v1::Nomination> NoteUpward(const Caller& node, const std::string& id, const v1::UpwardStatus& status,
                                    const std::string& note, const std::string& request_id);

 private:
  using Change = std::function<Status(v1::Nomination& next, v1::AuditEntry& audit)>;
  // The write path shared by every change of an existing record: access,
  // replay of a known request id, version check, `change`, atomic save.
  Result<v1::Nomination> Mutate(const Caller& caller, const std::string& request_id, const std::string& id,
                                int64_t expected_version, const std::string& fingerprint,
                                const std::string& action, const Change& change);
  // Parses the id and checks the caller may see its agency.
  Result<std::string> AgencyOfId(const Caller& caller, const std::string& id);
  // Normalises and checks details. New candidates may not be recorded under
  // a merged unit; existing records of a merged unit stay editable.
  Status CheckDetails(const Caller& caller, v1::NominationDetails& details, bool new_record);
  // Fills the fields computed on reading (current_agency_id).
  Result<v1::Nomination> Present(Result<v1::Nomination> record);
  // Answers a retried request: the record it created or changed, as it is now.
  Result<v1::Nomination> Replayed(const Replay& replay, const std::string& fingerprint);
  Result<v1::Nomination> Store(const v1::Nomination* previous, const v1::Nomination& next,
                               const v1::AuditEntry& audit, const std::string& request_id,
                               const std::string& fingerprint);

  // The stream events a save of `next` adds; may mark `next` upward QUEUED.
  SaveExtras ForwardingOf(const v1::Nomination* previous, v1::Nomination& next);

  NominationRepository& repository_;
  MovementRepository& movements_;
  AgencyDirectory& agencies_;
  bool has_parent_ = false;  // Set once at start-up, before any request.
};

}  // namespace tdkt::nomination
