#include "services/evaluation/app/session_manager.h"

#include <algorithm>
#include <set>

#include "common/page_request.h"
#include "common/vn_time.h"
#include "services/evaluation/domain/agenda.h"
#include "services/evaluation/domain/ballot_code.h"
#include "services/evaluation/domain/council_rules.h"
#include "services/evaluation/domain/criteria_rules.h"
#include "services/evaluation/domain/minutes.h"
#include "services/evaluation/domain/recusal.h"
#include "services/evaluation/domain/tally.h"
#include "services/nomination/domain/details_rules.h"

namespace tdkt::evaluation {
namespace nv1 = ::tdkt::nomination::v1;

namespace {

constexpr const char* kScheduled = "scheduled";
constexpr const char* kOpen = "open";
constexpr const char* kClosed = "closed";

bool IsReaderRole(Role role) { return role != Role::kMediaEditor; }

}  // namespace

Result<v1::Session> SessionManager::LoadReadable(const Caller& caller, const std::string& id) {
  if (id.empty()) return Status::InvalidArgument("session_id", "say which session");
  auto session = ctx_.sessions.Get(id);
  if (!session.ok()) return session.status();
  for (const auto& m : session->members()) {
    if (m.subject() == caller.subject &&
        (caller.role == Role::kCouncilMember || caller.role == Role::kCouncilSecretary)) {
      // A member may act for a unit below the council's agency (outside the
      // reach of RequireWithin); a namesake login of another province may not.
      auto tree = ctx_.nominations.Tree();
      if (!tree.ok()) return tree.status();
      if ((*tree)->IsWithin(session->agency_id(), caller.agency)) return session;
      break;
    }
  }
  if (!IsReaderRole(caller.role)) {
    return Status::PermissionDenied("the role '" + RoleName(caller.role) + "' may not see council sessions");
  }
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  return session;
}

Result<v1::Session> SessionManager::LoadForStaff(const Caller& caller, const std::string& id, const char* action) {
  TDKT_RETURN_IF_ERROR(RequireStaff(caller, action));
  auto session = LoadReadable(caller, id);
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  return session;
}

Result<v1::Session> SessionManager::Load(const Caller& caller, const std::string& id) {
  return LoadReadable(caller, id);
}

Result<v1::CouncilMember> SessionManager::RequireMember(const Caller& caller, const v1::Session& session) {
  if (caller.role != Role::kCouncilMember && caller.role != Role::kCouncilSecretary) {
    return Status::PermissionDenied("only council members may do this; your role is '" + RoleName(caller.role) + "'");
  }
  for (const auto& m : session.members()) if (m.subject() == caller.subject) return m;
  return Status::PermissionDenied("you are not a member of the council holding session " + session.id());
}

Result<v1::Session> SessionManager::UpdateWithRetry(const std::string& id,
                                                    const std::function<Status(v1::Session&)>& change,
                                                    const std::vector<IndexOp>& also, const MemoWriter& memo) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto session = ctx_.sessions.Get(id);
    if (!session.ok()) return session.status();
    TDKT_RETURN_IF_ERROR(change(*session));
    Status stored = ctx_.sessions.Update(*session, also, memo);
    if (stored.ok()) return session;
    if (stored.code() != Code::kAborted) return stored;
  }
  return Status::Aborted("the session is being changed by many people at once; retry");
}

Status SessionManager::FillBallotCounts(v1::Session& session) {
  for (auto& item : *session.mutable_agenda()) {
    auto n = ctx_.sessions.BallotCount(session.id(), item.nomination_id());
    if (!n.ok()) return n.status();
    item.set_ballots_cast(*n);
  }
  return Status::Ok();
}

Result<v1::Session> SessionManager::Create(const Caller& caller, const v1::CreateSessionRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireStaff(caller, "schedule a council session"));
  if (request.council_id().empty()) return Status::InvalidArgument("council_id", "say which council meets");
  std::string title = request.title();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeLine("title", title, 200, true));
  const int64_t now = ctx_.clock.NowSeconds();
  if (!request.has_written_vote_deadline() || request.written_vote_deadline().seconds() <= now) {
    return Status::InvalidArgument("written_vote_deadline",
                                   "give the time until which absent members may vote in writing; it must be in the future");
  }
  auto council = ctx_.councils.Get(request.council_id());
  if (!council.ok()) return council.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, council->agency_id()));
  if (!WithinTerm(*council, FormatVietnamTime(now, "%Y-%m-%d"))) {
    return Status::FailedPrecondition("the council's term (" + council->term_start() + " to " + council->term_end() +
                                      ") does not include today");
  }
  return Idempotent<v1::Session>(ctx_, caller, "CreateSession", request.request_id(), request,
                                 [&](const MemoWriter& memo) -> Result<v1::Session> {
                                   auto id = ctx_.sessions.NewId(council->agency_id());
                                   if (!id.ok()) return id.status();
                                   v1::Session s;
                                   s.set_id(*id);
                                   s.set_council_id(council->id());
                                   s.set_agency_id(council->agency_id());
                                   s.set_title(title);
                                   s.set_state(v1::SCHEDULED);
                                   *s.mutable_members() = council->members();
                                   *s.mutable_thresholds() = council->thresholds();
                                   s.set_quorum_percent(council->quorum_percent());
                                   s.set_disclosure_working_days(council->disclosure_working_days());
                                   *s.mutable_written_vote_deadline() = request.written_vote_deadline();
                                   s.set_normalise_scores(request.normalise_scores());
                                   s.set_created_by(caller.subject);
                                   s.set_version(1);
                                   TDKT_RETURN_IF_ERROR(ctx_.sessions.Create(s, memo));
                                   return s;
                                 });
}

Result<v1::Session> SessionManager::AddAgendaItem(const Caller& caller, const v1::AddAgendaItemRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireStaff(caller, "prepare a session's agenda"));
  if (request.nomination_id().empty()) return Status::InvalidArgument("nomination_id", "say which nomination");
  if (!IsSlug(request.title_code())) {
    return Status::InvalidArgument("title_code", "give the title's code: lower-case letters, digits and dashes");
  }
  std::string title_name = request.title_name();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeLine("title_name", title_name, 200, true));
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  if (session->state() != v1::SCHEDULED) {
    return Status::FailedPrecondition("nominees can be added only before the session opens");
  }
  // "Already on the agenda" is checked in the write, after the request id:
  // a retry of an add that went through gets its answer back, not a refusal.
  auto nomination = ctx_.nominations.Get(request.nomination_id());
  if (!nomination.ok()) return nomination.status();
  if (nomination->state() != nv1::SUBMITTED) {
    return Status::FailedPrecondition("nomination " + nomination->id() +
                                      " is not submitted for evaluation; only submitted nominations go on an agenda");
  }
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  if (!(*tree)->IsWithin(session->agency_id(), nomination->current_agency_id())) {
    return Status::FailedPrecondition("nomination " + nomination->id() + " belongs to a unit outside agency " +
                                      session->agency_id() + ", whose council this is");
  }
  auto criteria = criteria_.ResolveFor(*nomination, session->agency_id());
  if (!criteria.ok()) return criteria.status();
  v1::AgendaItem item;
  item.set_nomination_id(nomination->id());
  item.set_nominee_name(nomination->details().name());
  item.set_nominee_agency_id(nomination->current_agency_id());
  item.set_title_code(request.title_code());
  item.set_title_name(title_name);
  item.set_criteria_agency_id(criteria->set().agency_id());
  item.set_criteria_movement_id(criteria->set().movement_id());
  item.set_criteria_version(criteria->set().version());
  for (const auto& c : criteria->applicable()) item.add_criteria_codes(c.code());
  std::vector<v1::CouncilMember> members(session->members().begin(), session->members().end());
  std::vector<IndexOp> recusals;
  for (auto& r : AutomaticRecusals(members, nomination->details())) {
    recusals.push_back(SessionRepository::Recusal(session->id(), item.nomination_id(), r.subject()));
    *item.add_recusals() = std::move(r);
  }
  return Idempotent<v1::Session>(ctx_, caller, "AddAgendaItem", request.request_id(), request,
                                 [&](const MemoWriter& memo) -> Result<v1::Session> {
                                   // The agenda item and its recusal set in one step: the ballot
                                   // box opens only later, so the recusals are in place before any
                                   // ballot, and a refused change leaves neither behind.
                                   return UpdateWithRetry(
                                       session->id(),
                                       [&](v1::Session& s) {
                                         if (s.state() != v1::SCHEDULED) {
                                           return Status::FailedPrecondition(
                                               "nominees can be added only before the session opens");
                                         }
                                         if (FindAgendaItem(s, item.nomination_id())) {
                                           return Status::AlreadyExists("nomination " + item.nomination_id() +
                                                                        " is already on the agenda");
                                         }
                                         *s.add_agenda() = item;
                                         return Status::Ok();
                                       },
                                       recusals, memo);
                                 });
}

Result<v1::Session> SessionManager::Open(const Caller& caller, const v1::OpenSessionRequest& request) {
  auto session = LoadForStaff(caller, request.session_id(), "open a council session");
  if (!session.ok()) return session.status();
  if (session->state() != v1::SCHEDULED) return Status::FailedPrecondition("the session was already opened");
  if (session->agenda().empty()) return Status::FailedPrecondition("the agenda is empty; add nominees first");
  std::set<std::string> members;
  for (const auto& m : session->members()) members.insert(m.subject());
  std::set<std::string> present;
  for (int i = 0; i < request.present_size(); ++i) {
    const std::string& subject = request.present(i);
    const std::string field = "present[" + std::to_string(i) + "]";
    if (!members.count(subject)) {
      return Status::InvalidArgument(field, "'" + subject + "' is not a member of this council");
    }
    if (!present.insert(subject).second) return Status::InvalidArgument(field, "'" + subject + "' is listed twice");
  }
  TDKT_RETURN_IF_ERROR(CheckQuorum(static_cast<int>(present.size()), static_cast<int>(members.size()),
                                   session->quorum_percent()));
  Status switched = ctx_.sessions.SwitchState(session->id(), kScheduled, kOpen);
  if (!switched.ok()) {
    // An earlier Open opened the ballot box and stopped before the record
    // said so (a crash): finish that opening instead of refusing for ever.
    auto state = ctx_.sessions.State(session->id());
    if (!state.ok()) return state.status();
    if (*state != kOpen) return switched;
  }
  return UpdateWithRetry(session->id(), [&](v1::Session& s) {
    if (s.state() != v1::SCHEDULED) return Status::FailedPrecondition("the session was already opened");
    s.set_state(v1::IN_PROGRESS);
    s.clear_present();
    for (const auto& p : present) s.add_present(p);
    *s.mutable_opened_at() = ctx_.Now();
    return Status::Ok();
  });
}

Result<v1::Session> SessionManager::DeclareConflict(const Caller& caller, const v1::DeclareConflictRequest& request) {
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  auto member = RequireMember(caller, *session);
  if (!member.ok()) return member.status();
  if (!FindAgendaItem(*session, request.nomination_id())) {
    return Status::InvalidArgument("nomination_id", "is not on this session's agenda");
  }
  std::string note = request.note();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeText("note", note, 1000, true));
  auto outcome = ctx_.sessions.Recuse(session->id(), request.nomination_id(), caller.subject);
  if (!outcome.ok()) return outcome.status();
  if (*outcome == SessionRepository::RecuseOutcome::kClosed) {
    return Status::FailedPrecondition("the session is closed; conflicts must be declared before it closes");
  }
  if (*outcome == SessionRepository::RecuseOutcome::kAlreadyVoted) {
    return Status::FailedPrecondition("you already cast a ballot on this nominee; a conflict must be declared before voting");
  }
  return UpdateWithRetry(session->id(), [&](v1::Session& s) {
    for (auto& item : *s.mutable_agenda()) {
      if (item.nomination_id() != request.nomination_id()) continue;
      for (auto& r : *item.mutable_recusals()) {
        if (r.subject() == caller.subject) {  // Already recused: keep the first reason, add the note.
          if (r.note().empty()) r.set_note(note);
          return Status::Ok();
        }
      }
      v1::Recusal* r = item.add_recusals();
      r->set_subject(caller.subject);
      r->set_full_name(member->full_name());
      r->set_reason(v1::DECLARED_CONFLICT);
      r->set_note(note);
    }
    return Status::Ok();
  });
}

Result<v1::ScoreSheetAck> SessionManager::Score(const Caller& caller, const v1::ScoreNomineeRequest& request) {
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  auto member = RequireMember(caller, *session);
  if (!member.ok()) return member.status();
  const v1::AgendaItem* item = FindAgendaItem(*session, request.nomination_id());
  if (!item) return Status::InvalidArgument("nomination_id", "is not on this session's agenda");
  if (session->state() != v1::IN_PROGRESS) {
    return Status::FailedPrecondition(session->state() == v1::CLOSED ? "the session is closed; scores are frozen"
                                                                     : "the session has not opened yet");
  }
  if (IsRecused(*item, caller.subject)) {
    return Status::PermissionDenied("you are recused for this nominee and cannot score it");
  }
  auto criteria = CriteriaOf(*session);
  if (!criteria.ok()) return criteria.status();
  const NomineeCriteria& nc = (*criteria)[item->nomination_id()];
  auto versions = ctx_.criteria.Versions(item->criteria_agency_id(), item->criteria_movement_id());
  if (!versions.ok()) return versions.status();
  int max_score = 10;
  for (const auto& v : *versions) if (v.version() == item->criteria_version()) max_score = v.max_score();
  std::vector<v1::CriterionScore> scores(request.scores().begin(), request.scores().end());
  TDKT_RETURN_IF_ERROR(CheckScoreSheet(scores, nc.applicable, max_score));
  auto stored = ctx_.sessions.PutScores(session->id(), item->nomination_id(), caller.subject, request);
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::FailedPrecondition("the session is closed; scores are frozen");
  v1::ScoreSheetAck ack;
  ack.set_session_id(session->id());
  ack.set_nomination_id(item->nomination_id());
  ack.set_criteria_scored(request.scores_size());
  return ack;
}

Result<v1::BallotReceipt> SessionManager::Cast(const Caller& caller, const v1::CastBallotRequest& request) {
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  auto member = RequireMember(caller, *session);
  if (!member.ok()) return member.status();
  const v1::AgendaItem* item = FindAgendaItem(*session, request.nomination_id());
  if (!item) return Status::InvalidArgument("nomination_id", "is not on this session's agenda");
  if (request.choice() != v1::AGREE && request.choice() != v1::DISAGREE && request.choice() != v1::ABSTAIN) {
    return Status::InvalidArgument("choice", "choose agree, disagree or abstain");
  }
  if (session->state() == v1::SCHEDULED) return Status::FailedPrecondition("the ballot has not opened yet");
  if (session->state() == v1::CLOSED) return Status::FailedPrecondition("the ballot is closed");
  if (IsRecused(*item, caller.subject)) {
    return Status::PermissionDenied("you are recused for this nominee and cannot vote on it");
  }
  const bool present = std::find(session->present().begin(), session->present().end(), caller.subject) !=
                       session->present().end();
  if (!present && ctx_.clock.NowSeconds() > session->written_vote_deadline().seconds()) {
    return Status::FailedPrecondition("you were absent and the deadline for written votes has passed");
  }
  auto secret = NewBallotSecret();
  if (!secret.ok()) return secret.status();
  auto outcome = ctx_.sessions.CastBallot(session->id(), item->nomination_id(), caller.subject, secret->code,
                                          static_cast<int>(request.choice()));
  if (!outcome.ok()) return outcome.status();
  switch (*outcome) {
    case SessionRepository::CastOutcome::kCast: break;
    case SessionRepository::CastOutcome::kClosed: return Status::FailedPrecondition("the ballot is closed");
    case SessionRepository::CastOutcome::kRecused:
      return Status::PermissionDenied("you are recused for this nominee and cannot vote on it");
    case SessionRepository::CastOutcome::kAlreadyVoted:
      return Status::FailedPrecondition("you already cast your ballot on this nominee; a ballot cannot be changed");
  }
  v1::BallotReceipt receipt;
  receipt.set_session_id(session->id());
  receipt.set_nomination_id(item->nomination_id());
  receipt.set_ballot_code(secret->code);
  receipt.set_secret(secret->secret);
  return receipt;
}

Result<std::map<std::string, NomineeCriteria>> SessionManager::CriteriaOf(const v1::Session& session) {
  std::map<std::string, NomineeCriteria> out;
  for (const auto& item : session.agenda()) {
    auto versions = ctx_.criteria.Versions(item.criteria_agency_id(), item.criteria_movement_id());
    if (!versions.ok()) return versions.status();
    NomineeCriteria nc;
    for (const auto& v : *versions) {
      if (v.version() != item.criteria_version()) continue;
      nc.pass_score = v.pass_score();
      std::set<std::string> codes(item.criteria_codes().begin(), item.criteria_codes().end());
      for (const auto& c : v.criteria()) if (codes.count(c.code())) nc.applicable.push_back(c);
    }
    out[item.nomination_id()] = std::move(nc);
  }
  return out;
}

Result<v1::Tally> SessionManager::TallyOf(const v1::Session& session, const v1::AgendaItem& item) {
  auto ballots = ctx_.sessions.Ballots(session.id(), item.nomination_id());
  if (!ballots.ok()) return ballots.status();
  auto voters = ctx_.sessions.Voters(session.id(), item.nomination_id());
  if (!voters.ok()) return voters.status();
  TallyInput input;
  for (const auto& [code, choice] : *ballots) input.choices.push_back(static_cast<v1::BallotChoice>(choice));
  std::set<std::string> participants(session.present().begin(), session.present().end());
  participants.insert(voters->begin(), voters->end());
  for (const auto& m : session.members()) {
    if (IsRecused(item, m.subject())) continue;
    ++input.eligible;
    if (participants.count(m.subject())) ++input.participating;
  }
  std::vector<v1::VoteThreshold> thresholds(session.thresholds().begin(), session.thresholds().end());
  input.threshold = ThresholdFor(thresholds, item.title_code());
  return CountBallots(input);
}

Result<v1::SessionResults> SessionManager::Compute(const v1::Session& session, bool with_tally) {
  ScoreSheets sheets;
  for (const auto& item : session.agenda()) {
    auto scores = ctx_.sessions.Scores(session.id(), item.nomination_id());
    if (!scores.ok()) return scores.status();
    auto& per_member = sheets[item.nomination_id()];
    for (const auto& [member, sheet] : *scores) {
      if (IsRecused(item, member)) continue;  // A recusal declared after scoring voids the sheet.
      per_member[member].assign(sheet.scores().begin(), sheet.scores().end());
    }
  }
  auto criteria = CriteriaOf(session);
  if (!criteria.ok()) return criteria.status();
  auto summaries = Summarise(sheets, *criteria, session.normalise_scores());
  v1::SessionResults results;
  results.set_session_id(session.id());
  results.set_state(session.state());
  results.set_frozen(with_tally);
  for (const auto& item : session.agenda()) {
    v1::ItemResult* r = results.add_items();
    r->set_nomination_id(item.nomination_id());
    r->set_nominee_name(item.nominee_name());
    r->set_title_code(item.title_code());
    *r->mutable_scores() = summaries[item.nomination_id()];
    if (with_tally) {
      auto tally = TallyOf(session, item);
      if (!tally.ok()) return tally.status();
      *r->mutable_tally() = *tally;
    }
  }
  return results;
}

Result<v1::SessionResults> SessionManager::ResultsOf(const v1::Session& session) {
  if (session.state() != v1::CLOSED) return Compute(session, false);
  auto frozen = ctx_.sessions.Results(session.id());
  if (!frozen.ok()) return frozen.status();
  if (frozen->has_value()) return **frozen;
  // Closed but not yet frozen (the closing process stopped half-way):
  // nothing can change any more, so computing now gives the same figures.
  auto computed = Compute(session, true);
  if (!computed.ok()) return computed.status();
  TDKT_RETURN_IF_ERROR(ctx_.sessions.PutResults(session.id(), *computed));
  return computed;
}

Result<v1::Session> SessionManager::Close(const Caller& caller, const v1::CloseSessionRequest& request) {
  auto session = LoadForStaff(caller, request.session_id(), "close a council session");
  if (!session.ok()) return session.status();
  if (session->state() == v1::SCHEDULED) return Status::FailedPrecondition("the session has not opened yet");
  if (session->state() == v1::CLOSED) return Status::FailedPrecondition("the session is already closed");
  // The ballot box closes first, atomically: no ballot or score gets in after.
  Status switched = ctx_.sessions.SwitchState(session->id(), kOpen, kClosed);
  if (!switched.ok()) return Status::FailedPrecondition("the session is already closed");
  auto closed = UpdateWithRetry(session->id(), [&](v1::Session& s) {
    s.set_state(v1::CLOSED);
    *s.mutable_closed_at() = ctx_.Now();
    return Status::Ok();
  });
  if (!closed.ok()) return closed.status();
  TDKT_RETURN_IF_ERROR(FillBallotCounts(*closed));
  auto results = Compute(*closed, true);
  if (!results.ok()) return results.status();
  TDKT_RETURN_IF_ERROR(ctx_.sessions.PutResults(closed->id(), *results));
  return closed;
}

Result<v1::Session> SessionManager::Get(const Caller& caller, const v1::GetSessionRequest& request) {
  if (request.id().empty()) return Status::InvalidArgument("id", "say which session");
  auto session = LoadReadable(caller, request.id());
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(FillBallotCounts(*session));
  return session;
}

Result<v1::ListSessionsResponse> SessionManager::List(const Caller& caller, const v1::ListSessionsRequest& request) {
  if (!IsReaderRole(caller.role)) {
    return Status::PermissionDenied("the role '" + RoleName(caller.role) + "' may not see council sessions");
  }
  if (request.council_id().empty()) return Status::InvalidArgument("council_id", "say which council's sessions to list");
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  auto council = ctx_.councils.Get(request.council_id());
  if (!council.ok()) return council.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, council->agency_id()));
  std::vector<int64_t> cursors;
  auto sessions = ctx_.sessions.ListByCouncil(council->id(), *before, *size + 1, &cursors);
  if (!sessions.ok()) return sessions.status();
  v1::ListSessionsResponse out;
  for (int i = 0; i < static_cast<int>(sessions->size()) && i < *size; ++i) *out.add_sessions() = (*sessions)[i];
  if (static_cast<int>(sessions->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

Result<v1::SessionResults> SessionManager::Results(const Caller& caller, const v1::GetResultsRequest& request) {
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  auto results = ResultsOf(*session);
  if (!results.ok()) return results.status();
  // Recused members see no scores of the nominees they are recused from.
  for (int i = 0; i < results->items_size(); ++i) {
    const v1::AgendaItem* item = FindAgendaItem(*session, results->items(i).nomination_id());
    if (item && IsRecused(*item, caller.subject)) results->mutable_items(i)->clear_scores();
  }
  return results;
}

Result<v1::ListBallotsResponse> SessionManager::Ballots(const Caller& caller, const v1::ListBallotsRequest& request) {
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  const v1::AgendaItem* item = FindAgendaItem(*session, request.nomination_id());
  if (!item) return Status::InvalidArgument("nomination_id", "is not on this session's agenda");
  if (session->state() != v1::CLOSED) {
    return Status::FailedPrecondition("ballots are shown only after the session closes");
  }
  auto ballots = ctx_.sessions.Ballots(session->id(), item->nomination_id());
  if (!ballots.ok()) return ballots.status();
  v1::ListBallotsResponse out;
  for (const auto& [code, choice] : *ballots) {  // std::map: ordered by code.
    v1::StoredBallot* b = out.add_ballots();
    b->set_ballot_code(code);
    b->set_choice(static_cast<v1::BallotChoice>(choice));
  }
  auto tally = TallyOf(*session, *item);
  if (!tally.ok()) return tally.status();
  *out.mutable_tally() = *tally;
  return out;
}

Result<v1::VerifyReceiptResponse> SessionManager::Verify(const Caller&, const v1::VerifyReceiptRequest& request) {
  if (request.session_id().empty()) return Status::InvalidArgument("session_id", "say which session");
  if (request.nomination_id().empty()) return Status::InvalidArgument("nomination_id", "say which nominee");
  if (request.secret().size() != 64 || request.secret().find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Status::InvalidArgument("secret", "is not a receipt secret (64 hexadecimal characters)");
  }
  const std::string code = BallotCodeOf(request.secret());
  auto choice = ctx_.sessions.BallotByCode(request.session_id(), request.nomination_id(), code);
  if (!choice.ok()) return choice.status();
  v1::VerifyReceiptResponse out;
  out.set_ballot_code(code);
  out.set_counted(choice->has_value());
  if (choice->has_value()) out.set_choice(static_cast<v1::BallotChoice>(**choice));
  return out;
}

Result<v1::Minutes> SessionManager::Minutes(const Caller& caller, const v1::GetMinutesRequest& request) {
  auto session = LoadReadable(caller, request.session_id());
  if (!session.ok()) return session.status();
  if (request.format() != v1::MINUTES_FORMAT_UNSPECIFIED && request.format() != v1::TEXT &&
      request.format() != v1::HTML) {
    return Status::InvalidArgument("format", "choose TEXT or HTML");
  }
  MinutesInput input;
  input.session = *session;
  auto council = ctx_.councils.Get(session->council_id());
  if (council.ok()) input.council_name = council->name();
  auto results = ResultsOf(*session);
  if (!results.ok()) return results.status();
  input.results = std::move(*results);
  for (const auto& item : session->agenda()) {
    auto decision = ctx_.decisions.GetDecision(session->id(), item.nomination_id());
    if (!decision.ok()) return decision.status();
    if (decision->has_value() && (*decision)->done) input.decisions.push_back((*decision)->decision);
  }
  v1::Minutes out;
  out.set_session_id(session->id());
  if (request.format() == v1::HTML) {
    out.set_content_type("text/html; charset=utf-8");
    out.set_content(RenderMinutesHtml(input));
  } else {
    out.set_content_type("text/plain; charset=utf-8");
    out.set_content(RenderMinutesText(input));
  }
  return out;
}

}  // namespace tdkt::evaluation
