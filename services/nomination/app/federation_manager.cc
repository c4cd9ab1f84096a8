#include "services/nomination/app/federation_manager.h"

#include <chrono>

#include "common/log.h"
#include "services/nomination/app/request_memo.h"
#include "services/nomination/domain/details_rules.h"
#include "services/nomination/domain/lifecycle.h"
#include "services/nomination/domain/record_id.h"

namespace tdkt::nomination {
namespace {

constexpr int kHistoryPage = 500;
constexpr int kDefaultPollMax = 100;
constexpr int kMaxPollMax = 500;
constexpr size_t kMaxMessageIdChars = 100;

// The upward state a parent record's state becomes on the child.
v1::UpwardStatus::State UpwardOf(v1::NominationState state) {
  switch (state) {
    case v1::RECOGNISED: return v1::UpwardStatus::RECOGNISED;
    case v1::RETURNED: return v1::UpwardStatus::RETURNED;
    case v1::REJECTED: return v1::UpwardStatus::REJECTED;
    case v1::PROPOSED: return v1::UpwardStatus::PROPOSED;
    default: return v1::UpwardStatus::UPWARD_UNSPECIFIED;
  }
}

// "recognised by 12/QĐ-TTg of 2026-05-04", "returned: <reason>".
std::string DescribeOutcome(const v1::Outcome& o) {
  std::string text = "outcome from the parent: " + StateName(o.state());
  if (o.state() == v1::PROPOSED) text += " further up";
  if (!o.recognition().decision_number().empty() &&
      (o.state() == v1::RECOGNISED || o.state() == v1::PROPOSED)) {
    text += " by " + o.recognition().decision_number();
    if (!o.recognition().decision_date().empty()) text += " of " + o.recognition().decision_date();
  }
  if (!o.reason().empty()) text += ": " + o.reason();
  return text;
}

}  // namespace

FederationManager::FederationManager(NominationManager& manager, NominationRepository& repository,
                                     FederationStore& store, AgencyDirectory& agencies,
                                     const federation::FederationConfig& config, const federation::SigningKey& key,
                                     ParentLink* parent)
    : manager_(manager),
      repository_(repository),
      store_(store),
      agencies_(agencies),
      config_(config),
      key_(key),
      parent_(parent) {}

FederationManager::~FederationManager() { StopPoller(); }

Status FederationManager::Initialize() {
  if (!config_.enabled()) return Status::Ok();
  auto children = config_.ChildKeys();
  if (!children.ok()) return children.status();
  children_keys_ = std::move(*children);
  auto parent = config_.ParentKey();
  if (!parent.ok()) return parent.status();
  parent_keys_ = std::move(*parent);
  return Status::Ok();
}

int64_t FederationManager::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Caller FederationManager::NodeCallerFor(const std::string& record_id) const {
  // The node acts on records it stores itself, whatever unit they are of
  // (a province officer may record a commune's candidate at another node).
  std::string agency;
  int64_t seq;
  if (!ParseRecordId("nom", record_id, &agency, &seq)) agency = config_.agency;
  return Caller{"node:" + config_.agency, Role::kNode, agency};
}

// ---------------------------------------------------------------- parent side

Result<fv1::Receipt> FederationManager::Duplicate(const fv1::Envelope& envelope, const InboxEntry& entry,
                                                  const std::string& digest, const v1::Nomination& child) {
  if (entry.digest != digest) {
    // A resend may carry a later version of the same child record: the
    // child got no answer to the first send (the parent died, the deadline
    // passed) and its record changed meanwhile (an attachment, a note).
    // The sender is authenticated and owns the record, so that is the same
    // proposal, recorded once; anything else under a used id is refused.
    std::string agency;
    int64_t seq;
    bool same_proposal = false;
    if (ParseRecordId("nom", entry.record_id, &agency, &seq)) {
      auto recorded = repository_.Get(agency, entry.record_id);
      if (!recorded.ok()) return recorded.status();
      const v1::Origin* origin = recorded->has_value() ? &(*recorded)->origin() : nullptr;
      same_proposal = origin && origin->child_agency() == envelope.sender_agency() &&
                      origin->child_record_id() == child.id() && child.version() > origin->record().version();
    }
    if (!same_proposal) {
      return Status::InvalidArgument("message_id", "message id " + envelope.message_id() +
                                     " was already used for another payload; nothing was recorded");
    }
  }
  fv1::Receipt receipt;
  receipt.set_message_id(envelope.message_id());
  receipt.set_duplicate(true);
  receipt.set_recorded_as(entry.record_id);
  return receipt;
}

Result<fv1::Receipt> FederationManager::ReceiveProposal(const fv1::Envelope& envelope) {
  federation::OpenOptions open;
  open.recipient_agency = config_.agency;
  open.expected_kind = "proposal";
  open.now_unix_ms = NowMs();
  TDKT_RETURN_IF_ERROR(federation::Open(envelope, children_keys_, open));
  const std::string& sender = envelope.sender_agency();
  if (envelope.message_id().size() > kMaxMessageIdChars) {
    return Status::InvalidArgument("message_id", "at most 100 characters");
  }
  const std::string request_id = "recv/" + envelope.message_id();
  if (!CheckRequestId(request_id).ok()) {
    return Status::InvalidArgument("message_id", "use printable ASCII characters only");
  }
  v1::ProposalPayload payload;
  if (!payload.ParseFromString(envelope.payload())) {
    return Status::InvalidArgument("payload", "is not a readable proposal (tdkt.nomination.v1.ProposalPayload)");
  }
  const v1::Nomination& child = payload.nomination();
  const std::string& unit = child.details().agency_id();
  if (child.id().empty()) return Status::InvalidArgument("payload.nomination.id", "the proposal names no record");
  if (child.details().name().empty()) {
    return Status::InvalidArgument("payload.nomination.details.name", "the proposal names no candidate");
  }
  auto tree = agencies_.Tree();
  const AgencyUnit* found_unit = tree->Find(unit);
  if (!found_unit) {
    return Status::PermissionDenied("unit '" + unit.substr(0, 40) + "' of the proposal is not in this node's hierarchy");
  }
  if (!tree->IsWithin(sender, unit)) {
    return Status::PermissionDenied("unit '" + unit + "' of the proposal lies outside the subtree of the sending node " +
                                    sender + "; a node proposes only candidates of its own units");
  }
  // A message id seen before is found by the save's claim (kClaimed below),
  // in the same atomic step that would record it.
  const std::string digest = federation::PayloadDigest(envelope.payload());

  auto sequence = repository_.NextSequence();
  if (!sequence.ok()) return sequence.status();
  v1::Nomination n;
  n.set_id(MakeRecordId("nom", unit, *sequence));
  n.set_version(1);
  *n.mutable_details() = child.details();
  n.set_state(v1::SUBMITTED);
  n.set_state_reason("proposed by the node of " + sender + " (its record " + child.id() + ")");
  if (child.has_fostering_plan()) *n.mutable_fostering_plan() = child.fostering_plan();
  *n.mutable_follow_ups() = child.follow_ups();
  *n.mutable_attachments() = child.attachments();
  *n.mutable_created_at() = Now();
  *n.mutable_updated_at() = n.created_at();
  n.set_created_by("node:" + sender);
  n.set_updated_by("node:" + sender);
  n.set_agency_name_at_creation(found_unit->name);
  v1::Origin* origin = n.mutable_origin();
  origin->set_child_agency(sender);
  origin->set_child_record_id(child.id());
  *origin->mutable_record() = child;
  *origin->mutable_history() = payload.history();
  origin->set_message_id(envelope.message_id());
  *origin->mutable_received_at() = n.created_at();

  v1::AuditEntry audit;
  *audit.mutable_at() = n.created_at();
  audit.set_actor("node:" + sender);
  audit.set_actor_role(RoleName(Role::kNode));
  audit.set_actor_agency(sender);
  audit.set_action("received");
  audit.set_from_state(v1::NOMINATION_STATE_UNSPECIFIED);
  audit.set_to_state(v1::SUBMITTED);
  audit.set_version(1);
  audit.set_reason("received from the node of " + sender + ", its record " + child.id() + " (message " +
                   envelope.message_id() + ")");
  audit.set_request_id(request_id);
  audit.set_agency_name(found_unit->name);

  SaveExtras extras;
  extras.claim_key = FederationStore::InboxKey(envelope.message_id());
  extras.claim_value = InboxEntry{digest, n.id()}.Encode();
  auto saved = repository_.Save(nullptr, n, audit, request_id, digest, "received", extras);
  if (!saved.ok()) return saved.status();
  switch (saved->kind) {
    case SaveOutcome::Kind::kSaved: break;
    case SaveOutcome::Kind::kClaimed: {
      InboxEntry entry;
      if (!InboxEntry::Decode(saved->claimed, &entry)) return Status::Internal("unreadable inbox entry");
      return Duplicate(envelope, entry, digest, child);
    }
    case SaveOutcome::Kind::kReplay:
      return Duplicate(envelope, InboxEntry{saved->replay.fingerprint, saved->replay.id}, digest, child);
    case SaveOutcome::Kind::kConflict: return Status::Aborted("record id " + n.id() + " is taken; send again");
  }
  log::Info("proposal received", {{"from", sender}, {"child_record", child.id()}, {"record", n.id()}});
  fv1::Receipt receipt;
  receipt.set_message_id(envelope.message_id());
  receipt.set_recorded_as(n.id());
  return receipt;
}

Result<fv1::Envelope> FederationManager::PollOutcomes(const fv1::Envelope& envelope) {
  federation::OpenOptions open;
  open.recipient_agency = config_.agency;
  open.expected_kind = "outcome-poll";
  open.now_unix_ms = NowMs();
  TDKT_RETURN_IF_ERROR(federation::Open(envelope, children_keys_, open));
  v1::OutcomePoll poll;
  if (!poll.ParseFromString(envelope.payload())) {
    return Status::InvalidArgument("payload", "is not a readable outcome poll (tdkt.nomination.v1.OutcomePoll)");
  }
  if (!poll.after_entry_id().empty() && !IsStreamId(poll.after_entry_id())) {
    return Status::InvalidArgument("payload.after_entry_id", "must be a stream entry id like 1733040000000-0");
  }
  if (poll.max() < 0 || poll.max() > kMaxPollMax) {
    return Status::InvalidArgument("payload.max", "ask for 1 to 500 outcomes (0 means 100)");
  }
  const int max = poll.max() == 0 ? kDefaultPollMax : poll.max();
  auto entries = store_.Outcomes(envelope.sender_agency(), poll.after_entry_id(), max);
  if (!entries.ok()) return entries.status();
  v1::OutcomeBatch batch;
  for (const auto& entry : *entries) {
    v1::Outcome* o = batch.add_outcomes();
    o->set_entry_id(entry.id);
    auto field = [&](const char* name) {
      auto it = entry.fields.find(name);
      return it == entry.fields.end() ? std::string() : it->second;
    };
    o->set_child_record_id(field("child_record_id"));
    o->set_parent_record_id(field("parent_record_id"));
    o->set_state(static_cast<v1::NominationState>(std::atoi(field("state").c_str())));
    o->set_reason(field("reason"));
    o->mutable_recognition()->ParseFromString(field("recognition"));
  }
  return federation::Seal(key_,
                          config_.agency + "/outcomes/" + envelope.sender_agency() + "/" +
                              (poll.after_entry_id().empty() ? "0-0" : poll.after_entry_id()),
                          config_.agency, envelope.sender_agency(), "outcomes", batch.SerializeAsString(), NowMs());
}

// ----------------------------------------------------------------- child side

Status FederationManager::SendProposal(const federation::QueuedItem& item) {
  if (!parent_ || !config_.parent) return Status::FailedPrecondition("this node has no parent node to propose to");
  auto it = item.fields.find("id");
  const std::string id = it == item.fields.end() ? std::string() : it->second;
  std::string agency;
  int64_t seq;
  if (!ParseRecordId("nom", id, &agency, &seq)) {
    return Status::InvalidArgument("id", "the queued proposal names no nomination ('" + id.substr(0, 80) + "')");
  }
  auto found = repository_.Get(agency, id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("the proposed nomination " + id + " no longer exists");
  v1::ProposalPayload payload;
  *payload.mutable_nomination() = std::move(**found);
  for (int64_t offset = 0;; offset += kHistoryPage) {
    auto page = repository_.History(agency, id, offset, kHistoryPage);
    if (!page.ok()) return page.status();
    for (auto& e : *page) *payload.add_history() = std::move(e);
    if (page->size() < static_cast<size_t>(kHistoryPage)) break;
  }
  const std::string message_id = federation::MessageId(config_.agency, "proposals", item.entry_id);
  // Superseded before delivery: the record left PROPOSED (returned,
  // rejected), or was proposed again, which queued a newer entry that will
  // carry it. Sending this one would give the parent a candidate that is no
  // longer proposed, or the same one twice.
  const auto queued = item.fields.find("version");
  const int64_t queued_version = queued == item.fields.end() ? 0 : std::atoll(queued->second.c_str());
  int64_t last_proposed = 0;
  for (const auto& e : payload.history()) {
    if (e.action() == "transition" && e.to_state() == v1::PROPOSED) last_proposed = std::max(last_proposed, e.version());
  }
  if (payload.nomination().state() != v1::PROPOSED || last_proposed > queued_version) {
    log::Info("queued proposal superseded before delivery; not sent",
              {{"id", id}, {"message_id", message_id}, {"state", StateName(payload.nomination().state())}});
    return Status::Ok();
  }
  fv1::Envelope envelope = federation::Seal(key_, message_id, config_.agency, config_.parent->agency, "proposal",
                                            payload.SerializeAsString(), NowMs());
  auto receipt = parent_->ReceiveProposal(envelope);
  // A refusal counts toward the Uplink's dead-letter limit; NoteDeadLetter
  // marks the record when the limit is reached.
  if (!receipt.ok()) return receipt.status();
  v1::UpwardStatus received;
  received.set_state(v1::UpwardStatus::RECEIVED);
  received.set_parent_record_id(receipt->recorded_as());
  auto noted = manager_.NoteUpward(NodeCallerFor(id), id, received,
                                   "received by the parent node as " + receipt->recorded_as(), "fwd/" + message_id);
  if (!noted.ok() && noted.status().code() != Code::kNotFound) return noted.status();
  return Status::Ok();
}

void FederationManager::NoteDeadLetter(const federation::DeadLetter& letter) {
  auto it = letter.fields.find("id");
  if (it == letter.fields.end()) return;
  const std::string& id = it->second;
  const std::string message_id = federation::MessageId(config_.agency, "proposals", letter.entry_id);
  v1::UpwardStatus dead;
  dead.set_state(v1::UpwardStatus::DEAD_LETTER);
  dead.set_reason(letter.reason);
  auto noted = manager_.NoteUpward(NodeCallerFor(id), id, dead,
                                   "the parent node refused the proposal " + std::to_string(config_.max_refusals) +
                                       " times; it is not sent again: " + letter.reason,
                                   "dead/" + message_id);
  if (!noted.ok()) log::Warn("cannot note a dead-lettered proposal", {{"id", id}, {"error", noted.status().ToString()}});
}

Status FederationManager::ApplyOutcome(const v1::Outcome& outcome) {
  v1::UpwardStatus status;
  status.set_state(UpwardOf(outcome.state()));
  status.set_parent_record_id(outcome.parent_record_id());
  status.set_reason(outcome.reason());
  if (outcome.has_recognition() && !outcome.recognition().decision_number().empty()) {
    *status.mutable_recognition() = outcome.recognition();
  }
  auto noted = manager_.NoteUpward(NodeCallerFor(outcome.child_record_id()), outcome.child_record_id(), status, DescribeOutcome(outcome),
                                   "outcome-" + outcome.entry_id());
  if (noted.ok()) return Status::Ok();
  // A record this node cannot find or may not touch is skipped, not retried
  // forever: the outcome stays readable at the parent.
  if (noted.status().code() == Code::kNotFound || noted.status().code() == Code::kInvalidArgument ||
      noted.status().code() == Code::kPermissionDenied) {
    log::Warn("outcome from the parent skipped", {{"child_record", outcome.child_record_id()},
                                                   {"error", noted.status().ToString()}});
    return Status::Ok();
  }
  return noted.status();
}

Result<int> FederationManager::PollOnce() {
  if (!parent_ || !config_.parent) return 0;
  int applied = 0;
  auto stored_cursor = store_.Cursor();
  if (!stored_cursor.ok()) return stored_cursor.status();
  std::string cursor = *stored_cursor;
  for (;;) {
    v1::OutcomePoll poll;
    poll.set_after_entry_id(cursor);
    poll.set_max(kDefaultPollMax);
    const int64_t now = NowMs();
    fv1::Envelope request = federation::Seal(key_, config_.agency + "/outcome-poll/" + std::to_string(now),
                                             config_.agency, config_.parent->agency, "outcome-poll",
                                             poll.SerializeAsString(), now);
    auto answer = parent_->PollOutcomes(request);
    if (!answer.ok()) return answer.status();
    federation::OpenOptions open;
    open.recipient_agency = config_.agency;
    open.expected_kind = "outcomes";
    open.now_unix_ms = NowMs();
    TDKT_RETURN_IF_ERROR(federation::Open(*answer, parent_keys_, open));
    v1::OutcomeBatch batch;
    if (!batch.ParseFromString(answer->payload())) return Status::Internal("the parent's outcomes are unreadable");
    for (const auto& outcome : batch.outcomes()) {
      if (!IsStreamId(outcome.entry_id())) return Status::Internal("the parent sent an outcome without entry id");
      TDKT_RETURN_IF_ERROR(ApplyOutcome(outcome));
      TDKT_RETURN_IF_ERROR(store_.SetCursor(outcome.entry_id()));
      cursor = outcome.entry_id();
      ++applied;
    }
    if (batch.outcomes_size() < kDefaultPollMax) return applied;
  }
}

void FederationManager::StartPoller(int interval_ms) {
  StopPoller();
  {
    std::lock_guard<std::mutex> lock(poller_mutex_);
    poller_stop_ = false;
  }
  poller_ = std::thread([this, interval_ms] {
    bool failing = false;
    std::unique_lock<std::mutex> lock(poller_mutex_);
    while (!poller_stop_) {
      lock.unlock();
      auto polled = PollOnce();
      if (!polled.ok() && !failing) {
        log::Warn("cannot fetch outcomes from the parent node; trying again every interval",
                  {{"parent", config_.parent ? config_.parent->agency : ""}, {"error", polled.status().ToString()}});
      } else if (polled.ok() && failing) {
        log::Info("parent node answers again", {{"parent", config_.parent ? config_.parent->agency : ""}});
      }
      failing = !polled.ok();
      lock.lock();
      poller_wake_.wait_for(lock, std::chrono::milliseconds(interval_ms), [this] { return poller_stop_; });
    }
  });
}

void FederationManager::StopPoller() {
  {
    std::lock_guard<std::mutex> lock(poller_mutex_);
    poller_stop_ = true;
  }
  poller_wake_.notify_all();
  if (poller_.joinable()) poller_.join();
}

}  // namespace tdkt::nomination
