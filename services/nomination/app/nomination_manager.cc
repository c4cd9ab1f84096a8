#include "services/nomination/app/nomination_manager.h"

#include <algorithm>
#include <set>

#include "common/access.h"
#include "common/text.h"
#include "common/vn_time.h"
#include "services/nomination/app/paging.h"
#include "services/nomination/app/request_memo.h"
#include "services/nomination/domain/details_rules.h"
#include "services/nomination/domain/dossier_rules.h"
#include "services/nomination/domain/lifecycle.h"
#include "services/nomination/domain/record_id.h"
#include "services/nomination/storage/federation_store.h"
#include "services/nomination/storage/redis_nomination_repository.h"

namespace tdkt::nomination {
namespace {

constexpr auto kWriters = {Role::kOfficer, Role::kNode};
constexpr int64_t kChangesKept = 1000000;  // The change feed keeps about the newest million moves.

// Who adds documents and notes to a candidate's file: the unit's officer,
// the council's secretary, and the node's other services (evaluation)
// acting for the council.
constexpr auto kFileKeepers = {Role::kOfficer, Role::kCouncilSecretary, Role::kNode};

v1::AuditEntry NewAudit(const Caller& caller, const std::string& action, const std::string& request_id) {
  v1::AuditEntry audit;
  *audit.mutable_at() = Now();
  audit.set_actor(caller.subject);
  audit.set_actor_role(RoleName(caller.role));
  audit.set_actor_agency(caller.agency);
  audit.set_action(action);
  audit.set_request_id(request_id);
  return audit;
}

bool Matches(const v1::Nomination& n, const v1::ListNominationsRequest& q) {
  const auto& d = n.details();
  if (q.state() != v1::NOMINATION_STATE_UNSPECIFIED && n.state() != q.state()) return false;
  if (q.kind() != v1::NOMINATION_KIND_UNSPECIFIED && d.kind() != q.kind()) return false;
  if (!q.field().empty() && std::find(d.fields().begin(), d.fields().end(), q.field()) == d.fields().end()) {
    return false;
  }
  if (q.year() != 0 && VietnamYear(d.discovered_at().seconds()) != q.year()) return false;
  if (!q.text().empty() && !text::MatchesAllWords(text::Fold(d.name() + " " + d.achievements()), q.text())) {
    return false;
  }
  return true;
}

}  // namespace

NominationManager::NominationManager(NominationRepository& repository, MovementRepository& movements,
                                     AgencyDirectory& agencies)
    : repository_(repository), movements_(movements), agencies_(agencies) {}

Result<std::string> NominationManager::AgencyOfId(const Caller& caller, const std::string& id) {
  std::string agency;
  int64_t seq;
  if (!ParseRecordId("nom", id, &agency, &seq)) {
    return Status::InvalidArgument("id", "'" + id.substr(0, 80) + "' is not a nomination id (like nom-79-42)");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *agencies_.Tree(), agency));
  return agency;
}

Status NominationManager::CheckDetails(const Caller& caller, v1::NominationDetails& details, bool new_record) {
  auto tree = agencies_.Tree();
  TDKT_RETURN_IF_ERROR(NormalizeDetails(
      details, [&](const std::string& a) { return tree->Find(a) != nullptr; },
      [&](const std::string& code, const std::string& a) { return agencies_.FieldKnown(code, a); },
      Now().seconds()));
  if (new_record && !tree->Find(details.agency_id())->merged_into.empty()) {
    return Status::InvalidArgument("details.agency_id", "agency '" + details.agency_id() + "' was merged into '" +
                                   tree->Find(details.agency_id())->merged_into + "'; record it there");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, details.agency_id()));
  if (!details.movement_id().empty()) {
    std::string movement_agency;
    int64_t seq;
    if (!ParseRecordId("mov", details.movement_id(), &movement_agency, &seq)) {
      return Status::InvalidArgument("details.movement_id", "is not a movement id (like mov-79-3)");
    }
    auto movement = movements_.Get(movement_agency, details.movement_id());
    if (!movement.ok()) return movement.status();
    if (!movement->has_value()) {
      return Status::InvalidArgument("details.movement_id", "no emulation movement has the id '" + details.movement_id() + "'");
    }
    if (!tree->IsWithin((*movement)->agency_id(), details.agency_id())) {
      return Status::InvalidArgument("details.movement_id", "the movement was launched by agency '" +
                                     (*movement)->agency_id() + "', which does not cover agency '" +
                                     details.agency_id() + "'");
    }
  }
  return Status::Ok();
}

namespace {
void SetCurrentAgency(const AgencyTree& tree, v1::Nomination& n) {
  n.set_current_agency_id(tree.Successor(n.details().agency_id()));
}
}  // namespace

Result<v1::Nomination> NominationManager::Present(Result<v1::Nomination> record) {
  if (record.ok()) SetCurrentAgency(*agencies_.Tree(), *record);
  return record;
}

Result<v1::Nomination> NominationManager::Replayed(const Replay& replay, const std::string& fingerprint) {
  TDKT_RETURN_IF_ERROR(CheckSameRequest(replay, fingerprint));
  std::string agency;
  int64_t seq;
  if (!ParseRecordId("nom", replay.id, &agency, &seq)) return Status::Internal("request memo names no record");
  auto found = repository_.Get(agency, replay.id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::Internal("request memo names a missing record " + replay.id);
  return std::move(**found);
}

SaveExtras NominationManager::ForwardingOf(const v1::Nomination* previous, v1::Nomination& next) {
  SaveExtras extras;
  if (!previous) return extras;
  const bool state_changed = previous->state() != next.state();
  if (state_changed) {
    // The node's change feed, in the same atomic step as the move, so the
    // node's other services (campaign-media) never miss one.
    extras.events.push_back({RedisNominationRepository::ChangesKey(),
                             {{"id", next.id()},
                              {"agency", next.details().agency_id()},
                              {"version", std::to_string(next.version())},
                              {"from", std::to_string(previous->state())},
                              {"to", std::to_string(next.state())},
                              {"reason", next.state_reason()},
                              {"at", std::to_string(next.updated_at().seconds())}},
                             kChangesKept});
  }
  if (has_parent_ && state_changed && next.state() == v1::PROPOSED) {
    // A new proposal: whatever an earlier one came to is replaced.
    next.clear_upward();
    next.mutable_upward()->set_state(v1::UpwardStatus::QUEUED);
    *next.mutable_upward()->mutable_updated_at() = next.updated_at();
    extras.events.push_back({FederationStore::UplinkKey(),
                             {{"id", next.id()}, {"version", std::to_string(next.version())}}});
  }
  if (!next.has_origin()) return extras;
  auto tell_child = [&](v1::NominationState state, const std::string& reason, const v1::Recognition& decision) {
    extras.events.push_back({FederationStore::DownKey(next.origin().child_agency()),
                             {{"parent_record_id", next.id()},
                              {"child_record_id", next.origin().child_record_id()},
                              {"state", std::to_string(state)},
                              {"reason", reason},
                              {"recognition", decision.SerializeAsString()}}});
  };
  const auto s = next.state();
  if (state_changed && (s == v1::RECOGNISED || s == v1::RETURNED || s == v1::REJECTED || s == v1::PROPOSED)) {
    tell_child(s, next.state_reason(), next.recognition());
  }
  // A record this node received and proposed further up: what the level
  // above decided is relayed down to the child it came from, so the outcome
  // reaches the unit that first proposed it, however many levels up.
  const auto up = next.upward().state();
  if (up != previous->upward().state()) {
    if (up == v1::UpwardStatus::RECOGNISED) tell_child(v1::RECOGNISED, next.upward().reason(), next.upward().recognition());
    if (up == v1::UpwardStatus::RETURNED) tell_child(v1::RETURNED, next.upward().reason(), next.upward().recognition());
    if (up == v1::UpwardStatus::REJECTED) tell_child(v1::REJECTED, next.upward().reason(), next.upward().recognition());
  }
  return extras;
}

Result<v1::Nomination> NominationManager::Store(const v1::Nomination* previous, const v1::Nomination& next_in,
                                                const v1::AuditEntry& audit, const std::string& request_id,
                                                const std::string& fingerprint) {
  v1::Nomination next = next_in;
  SaveExtras extras = ForwardingOf(previous, next);
  auto outcome = repository_.Save(previous, next, audit, request_id, fingerprint, audit.action(), extras);
  if (!outcome.ok()) return outcome.status();
  switch (outcome->kind) {
    case SaveOutcome::Kind::kSaved: return next;
    case SaveOutcome::Kind::kClaimed: return Status::Internal("unexpected claim in a save of " + next.id());
    case SaveOutcome::Kind::kReplay: return Replayed(outcome->replay, fingerprint);
    case SaveOutcome::Kind::kConflict:
      return Status::Aborted("someone else changed nomination " + next.id() + " (now version " +
                             std::to_string(outcome->current_version) + "); reload it and apply your change again");
  }
  return Status::Internal("unknown save outcome");
}

Result<v1::Nomination> NominationManager::Create(const Caller& caller, v1::CreateNominationRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "record candidates"));
  TDKT_RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  const std::string fingerprint = Fingerprint("create", request);
  TDKT_RETURN_IF_ERROR(CheckDetails(caller, *request.mutable_details(), true));
  const std::string agency = request.details().agency_id();
  // No separate look-up of the request id: the save script finds a replay
  // atomically and returns the first result (the sequence number taken here
  // is then simply unused). One Redis round trip per create.
  auto sequence = repository_.NextSequence();
  if (!sequence.ok()) return sequence.status();
  auto tree = agencies_.Tree();
  v1::Nomination n;
  n.set_id(MakeRecordId("nom", agency, *sequence));
  n.set_version(1);
  *n.mutable_details() = std::move(*request.mutable_details());
  n.set_state(v1::DISCOVERED);
  *n.mutable_created_at() = Now();
  *n.mutable_updated_at() = n.created_at();
  n.set_created_by(caller.subject);
  n.set_updated_by(caller.subject);
  n.set_agency_name_at_creation(tree->Find(agency)->name);
  v1::AuditEntry audit = NewAudit(caller, "create", request.request_id());
  audit.set_agency_name(n.agency_name_at_creation());
  audit.set_version(1);
  audit.set_to_state(v1::DISCOVERED);
  return Present(Store(nullptr, n, audit, request.request_id(), fingerprint));
}

Result<v1::BatchCreateNominationsResponse> NominationManager::BatchCreate(
    const Caller& caller, v1::BatchCreateNominationsRequest request) {
  constexpr int kMaxRows = 1000;
  constexpr size_t kMaxReportedErrors = 50;
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "record candidates"));
  TDKT_RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  if (request.request_id().size() > kMaxRequestIdChars - 5) {
    return Status::InvalidArgument("request_id", "at most 123 characters for a batch");
  }
  if (request.rows().empty() || request.rows_size() > kMaxRows) {
    return Status::InvalidArgument("rows", "send between 1 and 1000 candidates per batch");
  }
  // Check every row before recording any, and report every bad row. The
  // rows are checked on a copy: Create() fingerprints the rows as sent, so
  // that retrying the batch matches the first attempt.
  const auto original_rows = request.rows();
  std::string problems;
  size_t bad_rows = 0;
  for (int i = 0; i < request.rows_size(); ++i) {
    Status st = CheckDetails(caller, *request.mutable_rows(i), true);
    if (st.ok()) continue;
    // Access and infrastructure problems concern the whole batch, not a row.
    if (st.code() != Code::kInvalidArgument) return st;
    if (++bad_rows <= kMaxReportedErrors) {
      problems += (problems.empty() ? "" : "; ") + std::string("row ") + std::to_string(i + 1) + ": " + st.ToString();
    }
  }
  if (bad_rows > 0) {
    if (bad_rows > kMaxReportedErrors) problems += "; and " + std::to_string(bad_rows - kMaxReportedErrors) + " more bad rows";
    return Status::InvalidArgument("rows", std::to_string(bad_rows) + " of " + std::to_string(request.rows_size()) +
                                   " rows are wrong, nothing was recorded: " + problems);
  }
  // All rows are valid: record them. Should Redis fail half-way, retrying
  // the same batch completes it without duplicates (per-row request ids).
  v1::BatchCreateNominationsResponse response;
  for (int i = 0; i < request.rows_size(); ++i) {
    v1::CreateNominationRequest row;
    row.set_request_id(request.request_id() + "#" + std::to_string(i + 1));
    *row.mutable_details() = original_rows.Get(i);
    auto created = Create(caller, std::move(row));
    if (!created.ok()) {
      return Status(created.status().code() == Code::kInvalidArgument
                        ? Status::InvalidArgument("rows", "row " + std::to_string(i + 1) + ": " + created.status().ToString())
                        : created.status());
    }
    *response.add_nominations() = std::move(*created);
  }
  return response;
}

Result<v1::Nomination> NominationManager::Get(const Caller& caller, const v1::GetNominationRequest& request) {
  auto agency = AgencyOfId(caller, request.id());
  if (!agency.ok()) return agency.status();
  auto found = repository_.Get(*agency, request.id());
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no nomination has the id '" + request.id() + "'");
  return Present(std::move(**found));
}

Result<v1::Nomination> NominationManager::Mutate(const Caller& caller, const std::string& request_id,
                                                 const std::string& id, int64_t expected_version,
                                                 const std::string& fingerprint, const std::string& action,
                                                 const Change& change) {
  TDKT_RETURN_IF_ERROR(CheckRequestId(request_id));
  auto agency = AgencyOfId(caller, id);
  if (!agency.ok()) return agency.status();
  auto replay = repository_.FindReplay(*agency, request_id);
  if (!replay.ok()) return replay.status();
  if (replay->has_value()) return Replayed(**replay, fingerprint);
  auto found = repository_.Get(*agency, id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no nomination has the id '" + id + "'");
  const v1::Nomination& current = **found;
  if (expected_version <= 0) {
    return Status::InvalidArgument("expected_version", "give the version you read (it starts at 1)");
  }
  if (expected_version != current.version()) {
    return Status::Aborted("nomination " + id + " is at version " + std::to_string(current.version()) +
                           ", not " + std::to_string(expected_version) +
                           ": someone else changed it; reload it and apply your change again");
  }
  v1::Nomination next = current;
  v1::AuditEntry audit = NewAudit(caller, action, request_id);
  audit.set_from_state(current.state());
  if (const AgencyUnit* unit = agencies_.Tree()->Find(current.details().agency_id())) {
    audit.set_agency_name(unit->name);
  }
  TDKT_RETURN_IF_ERROR(change(next, audit));
  next.set_version(current.version() + 1);
  *next.mutable_updated_at() = audit.at();
  next.set_updated_by(caller.subject);
  audit.set_version(next.version());
  audit.set_to_state(next.state());
  return Store(&current, next, audit, request_id, fingerprint);
}

Result<v1::Nomination> NominationManager::Update(const Caller& caller, v1::UpdateNominationRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "change candidates"));
  const std::string fingerprint = Fingerprint("update", request);
  TDKT_RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  TDKT_RETURN_IF_ERROR(CheckDetails(caller, *request.mutable_details(), false));
  return Present(Mutate(caller, request.request_id(), request.id(), request.expected_version(), fingerprint, "update",
                [&](v1::Nomination& next, v1::AuditEntry& audit) {
                  if (IsFinal(next.state())) {
                    return Status::FailedPrecondition("a candidate that is " + StateName(next.state()) +
                                                      " can no longer be edited");
                  }
                  if (request.details().agency_id() != next.details().agency_id()) {
                    return Status::InvalidArgument("details.agency_id",
                                                   "the agency of a candidate cannot change; withdraw it and record it anew");
                  }
                  *next.mutable_details() = request.details();
                  return Status::Ok();
                }));
}

Result<v1::Nomination> NominationManager::Transition(const Caller& caller, v1::TransitionNominationRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kCouncilSecretary, Role::kNode},
                                   "change the lifecycle state of candidates"));
  const std::string fingerprint = Fingerprint("transition", request);
  TDKT_RETURN_IF_ERROR(NormalizeText("reason", *request.mutable_reason(), kMaxLongTextChars, false));
  if (request.has_recognition()) {
    auto tree = agencies_.Tree();
    TDKT_RETURN_IF_ERROR(NormalizeRecognition(*request.mutable_recognition(), request.to_state(),
                                              [&](const std::string& a) { return tree->Find(a) != nullptr; }));
    // A council secretary records the decisions of their own agency's
    // council; a node acting for another council names it.
    if (request.recognition().decided_by_agency().empty()) {
      request.mutable_recognition()->set_decided_by_agency(caller.agency);
    }
  }
  return Present(Mutate(caller, request.request_id(), request.id(), request.expected_version(), fingerprint, "transition",
                [&](v1::Nomination& next, v1::AuditEntry& audit) {
                  TDKT_RETURN_IF_ERROR(CheckTransition(next.state(), request.to_state(), caller.role, request.reason()));
                  next.set_state(request.to_state());
                  next.set_state_reason(request.reason());
                  // Moves without a decision keep the last one: a recognised
                  // exemplar that replicates is still recognised by it.
                  if (request.has_recognition()) *next.mutable_recognition() = request.recognition();
                  audit.set_reason(request.reason());
                  return Status::Ok();
                }));
}

Result<v1::Nomination> NominationManager::SetFosteringPlan(const Caller& caller, v1::SetFosteringPlanRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "set fostering plans"));
  const std::string fingerprint = Fingerprint("foster", request);
  TDKT_RETURN_IF_ERROR(NormalizeFosteringPlan(*request.mutable_plan()));
  return Present(Mutate(caller, request.request_id(), request.id(), request.expected_version(), fingerprint, "foster",
                [&](v1::Nomination& next, v1::AuditEntry&) {
                  if (IsFinal(next.state())) {
                    return Status::FailedPrecondition("a candidate that is " + StateName(next.state()) +
                                                      " can no longer be fostered");
                  }
                  *next.mutable_fostering_plan() = request.plan();
                  return Status::Ok();
                }));
}

Result<v1::Nomination> NominationManager::AddFollowUp(const Caller& caller, v1::AddFollowUpRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "record follow-ups"));
  const std::string fingerprint = Fingerprint("follow_up", request);
  TDKT_RETURN_IF_ERROR(NormalizeFollowUp(*request.mutable_follow_up()));
  request.mutable_follow_up()->set_author(caller.subject);
  return Present(Mutate(caller, request.request_id(), request.id(), request.expected_version(), fingerprint, "follow_up",
                [&](v1::Nomination& next, v1::AuditEntry&) {
                  if (!next.has_fostering_plan()) {
                    return Status::FailedPrecondition("set a fostering plan before recording follow-ups");
                  }
                  if (static_cast<size_t>(next.follow_ups_size()) >= 1000) {
                    return Status::FailedPrecondition("this candidate already has 1000 follow-ups");
                  }
                  *next.add_follow_ups() = request.follow_up();
                  return Status::Ok();
                }));
}

Result<v1::Nomination> NominationManager::AddAttachment(const Caller& caller, v1::AddAttachmentRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kFileKeepers, "attach documents to candidates"));
  const std::string fingerprint = Fingerprint("attach", request);
  TDKT_RETURN_IF_ERROR(NormalizeAttachment(*request.mutable_attachment()));
  v1::Attachment& attachment = *request.mutable_attachment();
  return Present(Mutate(caller, request.request_id(), request.id(), request.expected_version(), fingerprint, "attach",
                [&](v1::Nomination& next, v1::AuditEntry& audit) {
                  // Any state: a revocation decision, say, belongs to a
                  // revoked candidate's file.
                  if (next.attachments_size() >= kMaxAttachments) {
                    return Status::FailedPrecondition("this candidate already has " + std::to_string(kMaxAttachments) +
                                                      " attachments");
                  }
                  *attachment.mutable_added_at() = audit.at();
                  attachment.set_added_by(caller.subject);
                  *next.add_attachments() = attachment;
                  audit.set_reason(attachment.title());
                  return Status::Ok();
                }));
}

Result<v1::Nomination> NominationManager::AddHistoryNote(const Caller& caller, v1::AddHistoryNoteRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kFileKeepers, "record notes in the history of candidates"));
  const std::string fingerprint = Fingerprint("note", request);
  TDKT_RETURN_IF_ERROR(NormalizeHistoryNote(request.kind(), *request.mutable_text()));
  // The note lives in the audit trail only; the record just gets a new
  // version, so that notes are ordered with the changes and a writer that
  // read before the note sees the conflict. Notes are allowed in every state.
  return Present(Mutate(caller, request.request_id(), request.id(), request.expected_version(), fingerprint,
                        request.kind(), [&](v1::Nomination&, v1::AuditEntry& audit) {
                          audit.set_reason(request.text());
                          return Status::Ok();
                        }));
}

Result<v1::ListNominationsResponse> NominationManager::List(const Caller& caller,
                                                            const v1::ListNominationsRequest& request,
                                                            std::chrono::system_clock::time_point deadline) {
  auto page_size = CheckPageSize(request.page_size(), 50, 200);
  if (!page_size.ok()) return page_size.status();
  auto cursor = ParseSequenceToken(request.page_token());
  if (!cursor.ok()) return cursor.status();
  if (!v1::NominationKind_IsValid(request.kind())) return Status::InvalidArgument("kind", "is not a known kind");
  if (!v1::NominationState_IsValid(request.state())) return Status::InvalidArgument("state", "is not a known state");
  if (request.year() != 0 && (request.year() < 1900 || request.year() > 2200)) {
    return Status::InvalidArgument("year", "must be a year between 1900 and 2200, or 0 for all years");
  }
  v1::ListNominationsRequest query = request;
  TDKT_RETURN_IF_ERROR(NormalizeText("text", *query.mutable_text(), 200, false));
  TDKT_RETURN_IF_ERROR(NormalizeText("field", *query.mutable_field(), 80, false));
  auto tree = agencies_.Tree();
  std::string root = query.agency_id().empty() ? caller.agency : query.agency_id();
  if (!tree->Find(root)) return Status::InvalidArgument("agency_id", "no agency has the code '" + root.substr(0, 40) + "'");
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, root));

  // Walk the most selective index; check the other filters on the records.
  IndexFilter index;
  if (query.state() != v1::NOMINATION_STATE_UNSPECIFIED) {
    index = {IndexFilter::Type::kState, std::to_string(query.state())};
  } else if (!query.field().empty()) {
    index = {IndexFilter::Type::kField, query.field()};
  }
  const std::vector<std::string> subtree = tree->Subtree(root);
  auto page = CollectPage<v1::Nomination>(
      *cursor, *page_size, "nom", deadline,
      [&](int64_t before, size_t batch) { return repository_.Scan(subtree, index, before, batch); },
      [&](const std::vector<IndexedId>& ids) { return repository_.GetMany(ids); },
      [&](const v1::Nomination& n) { return Matches(n, query); });
  if (!page.ok()) return page.status();
  v1::ListNominationsResponse response;
  // One hierarchy snapshot for the whole page, not one look-up per record.
  for (auto& n : page->records) {
    SetCurrentAgency(*tree, n);
    *response.add_nominations() = std::move(n);
  }
  response.set_next_page_token(page->next_page_token);
  return response;
}

Result<v1::GetHistoryResponse> NominationManager::History(const Caller& caller, const v1::GetHistoryRequest& request) {
  auto page_size = CheckPageSize(request.page_size(), 100, 500);
  if (!page_size.ok()) return page_size.status();
  auto offset = ParseSequenceToken(request.page_token());
  if (!offset.ok()) return offset.status();
  int64_t start = request.page_token().empty() ? 0 : *offset;
  auto agency = AgencyOfId(caller, request.id());
  if (!agency.ok()) return agency.status();
  auto entries = repository_.History(*agency, request.id(), start, *page_size + 1);
  if (!entries.ok()) return entries.status();
  if (entries->empty() && start == 0) return Status::NotFound("no nomination has the id '" + request.id() + "'");
  v1::GetHistoryResponse response;
  if (entries->size() > static_cast<size_t>(*page_size)) {
    entries->pop_back();
    response.set_next_page_token(std::to_string(start + *page_size));
  }
  for (auto& e : *entries) *response.add_entries() = std::move(e);
  return response;
}

Result<v1::Nomination> NominationManager::NoteUpward(const Caller& node, const std::string& id,
                                                    const v1::UpwardStatus& status, const std::string& note,
                                                    const std::string& request_id) {
  v1::UpwardStatus fingerprinted = status;
  fingerprinted.clear_updated_at();
  const std::string fingerprint = Fingerprint("upward", fingerprinted);
  for (int attempt = 0;; ++attempt) {
    auto agency = AgencyOfId(node, id);
    if (!agency.ok()) return agency.status();
    auto found = repository_.Get(*agency, id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return Status::NotFound("no nomination has the id '" + id + "'");
    auto result = Mutate(node, request_id, id, (*found)->version(), fingerprint, "upward",
                         [&](v1::Nomination& next, v1::AuditEntry& audit) {
                           const auto before = next.upward().state();
                           const bool outcome_known = before != v1::UpwardStatus::UPWARD_UNSPECIFIED &&
                                                      before != v1::UpwardStatus::QUEUED &&
                                                      before != v1::UpwardStatus::DEAD_LETTER;
                           if (status.state() == v1::UpwardStatus::RECEIVED && outcome_known) {
                             next.mutable_upward()->set_parent_record_id(status.parent_record_id());
                           } else {
                             *next.mutable_upward() = status;
                             if (status.parent_record_id().empty()) {
                               next.mutable_upward()->set_parent_record_id(
                                   found->value().upward().parent_record_id());
                             }
                           }
                           *next.mutable_upward()->mutable_updated_at() = audit.at();
                           audit.set_reason(note);
                           return Status::Ok();
                         });
    if (result.ok() || result.status().code() != Code::kAborted || attempt >= 5) return Present(std::move(result));
  }
}

Result<v1::ListChangesResponse> NominationManager::ListChanges(const Caller& caller,
                                                               const v1::ListChangesRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kNode, Role::kAdmin}, "read the node's change feed"));
  auto page_size = CheckPageSize(request.page_size(), 100, 1000);
  if (!page_size.ok()) return page_size.status();
  if (!request.after().empty() && !IsStreamId(request.after())) {
    return Status::InvalidArgument("after", "is not a cursor from an earlier ListChanges answer");
  }
  std::set<int> wanted;
  for (int i = 0; i < request.to_states_size(); ++i) {
    const int s = request.to_states(i);
    if (s == v1::NOMINATION_STATE_UNSPECIFIED || !v1::NominationState_IsValid(s)) {
      return Status::InvalidArgument("to_states[" + std::to_string(i) + "]", "is not a known state");
    }
    wanted.insert(s);
  }
  // The feed is node-wide; a caller sees the moves of its own subtree only.
  auto tree = agencies_.Tree();
  if (!tree->Find(caller.agency)) {
    return Status::PermissionDenied("the caller's agency '" + caller.agency.substr(0, 40) +
                                    "' is not part of this node's agency hierarchy");
  }
  v1::ListChangesResponse response;
  std::string cursor = request.after();
  // Skipped moves advance the cursor too; one call examines a bounded
  // number of entries so a rare filter never holds a call for long.
  const size_t batch = std::max<size_t>(static_cast<size_t>(*page_size), 500);
  for (int round = 0; round < 20 && response.changes_size() < *page_size; ++round) {
    auto entries = repository_.Changes(cursor, batch);
    if (!entries.ok()) return entries.status();
    for (const auto& entry : *entries) {
      v1::NominationChange change;
      change.set_cursor(entry.cursor);
      for (const auto& [name, value] : entry.fields) {
        if (name == "id") change.set_nomination_id(value);
        else if (name == "agency") change.set_agency_id(value);
        else if (name == "version") change.set_version(std::atoll(value.c_str()));
        else if (name == "from") change.set_from_state(static_cast<v1::NominationState>(std::atoi(value.c_str())));
        else if (name == "to") change.set_to_state(static_cast<v1::NominationState>(std::atoi(value.c_str())));
        else if (name == "reason") change.set_reason(value);
        else if (name == "at") change.mutable_at()->set_seconds(std::atoll(value.c_str()));
      }
      cursor = entry.cursor;
      const bool in_subtree = tree->IsWithin(caller.agency, change.agency_id());
      if (in_subtree && (wanted.empty() || wanted.count(change.to_state()))) {
        *response.add_changes() = std::move(change);
      }
      if (response.changes_size() == *page_size) break;
    }
    if (entries->size() < batch) break;
  }
  response.set_next_cursor(cursor);
  return response;
}

}  // namespace tdkt::nomination
