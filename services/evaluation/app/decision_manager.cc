#include "services/evaluation/app/decision_manager.h"

#include "common/log.h"
#include "common/page_request.h"
#include "common/vn_time.h"
#include "services/evaluation/domain/agenda.h"
#include "services/evaluation/domain/decision_rules.h"
#include "services/evaluation/domain/eligibility.h"
#include "services/nomination/domain/details_rules.h"

namespace tdkt::evaluation {
namespace nv1 = ::tdkt::nomination::v1;

namespace {

std::string MinutesUri(const std::string& session_id) { return "tdkt://evaluation/sessions/" + session_id + "/minutes"; }

bool IsRefusal(const Status& s) {
  return s.code() == Code::kFailedPrecondition || s.code() == Code::kInvalidArgument ||
         s.code() == Code::kPermissionDenied || s.code() == Code::kNotFound;
}

}  // namespace

Status DecisionManager::Note(const std::string& nomination_id, const std::string& note_id, const std::string& kind,
                             const std::string& text) {
  nv1::AddHistoryNoteRequest note;
  note.set_request_id(note_id);
  note.set_id(nomination_id);
  note.set_kind(kind);
  note.set_text(text.size() > 2000 ? text.substr(0, 1990) + " …" : text);
  auto noted = ctx_.nominations.ApplyOnce(note, &NominationClient::AddHistoryNote);
  return noted.ok() ? Status::Ok() : noted.status();
}

Result<v1::Appraisal> DecisionManager::Appraise(const Caller& caller, const v1::AppraiseRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "record an appraisal"));
  v1::Appraisal a = request.appraisal();
  if (a.session_id().empty()) return Status::InvalidArgument("appraisal.session_id", "say which session");
  auto session = sessions_.Load(caller, a.session_id());
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  if (!FindAgendaItem(*session, a.nomination_id())) {
    return Status::InvalidArgument("appraisal.nomination_id", "is not on this session's agenda");
  }
  if (a.checklist().empty()) return Status::InvalidArgument("appraisal.checklist", "list at least one item checked");
  bool all_satisfied = true;
  for (int i = 0; i < a.checklist_size(); ++i) {
    auto* item = a.mutable_checklist(i);
    const std::string field = "appraisal.checklist[" + std::to_string(i) + "]";
    std::string text = item->text(), note = item->note();
    TDKT_RETURN_IF_ERROR(nomination::NormalizeLine(field + ".text", text, 300, true));
    TDKT_RETURN_IF_ERROR(nomination::NormalizeText(field + ".note", note, 1000, false));
    item->set_text(text);
    item->set_note(note);
    all_satisfied = all_satisfied && item->satisfied();
  }
  if (a.result() != v1::APPRAISAL_PASSED && a.result() != v1::APPRAISAL_FAILED) {
    return Status::InvalidArgument("appraisal.result", "choose passed or failed");
  }
  if (a.result() == v1::APPRAISAL_PASSED && !all_satisfied) {
    return Status::InvalidArgument("appraisal.result", "cannot be passed while a checklist item is not satisfied");
  }
  std::string comments = a.comments();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeText("appraisal.comments", comments, 4000, false));
  a.set_comments(comments);
  auto decided = ctx_.decisions.GetDecision(a.session_id(), a.nomination_id());
  if (!decided.ok()) return decided.status();
  if (decided->has_value()) return Status::FailedPrecondition("this nominee was already decided; the appraisal is closed");
  return IdempotentThen<v1::Appraisal>(
      ctx_, caller, "Appraise", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<v1::Appraisal> {
        a.set_appraised_by(caller.subject);
        *a.mutable_appraised_at() = ctx_.Now();
        TDKT_RETURN_IF_ERROR(ctx_.decisions.PutAppraisal(a, memo));
        return a;
      },
      [&](const v1::Appraisal& done) -> Status {
        // Named after the request, so a retry after a crash notes once.
        std::string note_id = "ev-appraisal:" + RequestFingerprint("appraisal-note:" + caller.subject, request);
        if (request.request_id().empty()) {  // No retry protection asked for: each call notes.
          auto n = ctx_.store.Next("appraisal-note");
          if (!n.ok()) return n.status();
          note_id = "ev-appraisal:" + std::to_string(*n);
        }
        return Note(done.nomination_id(), note_id, "appraisal",
                    std::string("Thẩm định (phiên ") + done.session_id() + "): " +
                        (done.result() == v1::APPRAISAL_PASSED ? "đạt" : "không đạt") +
                        (done.comments().empty() ? "" : ". " + done.comments()));
      });
}

Status DecisionManager::CheckAllowed(const v1::Session& session, const v1::AgendaItem& item,
                                     const v1::Decision& decision) {
  DecisionFacts facts;
  facts.session_state = session.state();
  facts.now = ctx_.clock.NowSeconds();
  if (session.state() != v1::CLOSED || decision.outcome() == v1::RETURN || decision.outcome() == v1::REJECT) {
    return CheckDecisionAllowed(decision.outcome(), facts);
  }
  auto results = sessions_.ResultsOf(session);
  if (!results.ok()) return results.status();
  for (const auto& r : results->items()) {
    if (r.nomination_id() != item.nomination_id()) continue;
    facts.tally_passed = r.tally().passed();
    facts.required_unmet.assign(r.scores().required_unmet().begin(), r.scores().required_unmet().end());
    // Required criteria count only when the rubric was used for this nominee.
    if (r.scores().members_scored() == 0) facts.required_unmet.clear();
  }
  auto appraisal = ctx_.decisions.GetAppraisal(session.id(), item.nomination_id());
  if (!appraisal.ok()) return appraisal.status();
  facts.appraised = appraisal->has_value();
  if (facts.appraised) facts.appraisal = (*appraisal)->result();
  auto nomination = ctx_.nominations.Get(item.nomination_id());
  if (!nomination.ok()) return nomination.status();
  int year = VietnamYear(ctx_.clock.NowSeconds());
  if (decision.decision_date().size() >= 4) year = std::stoi(decision.decision_date().substr(0, 4));
  auto report = criteria_.EligibilityOf(*nomination, item.title_code(), year);
  if (!report.ok()) return report.status();
  facts.eligible = report->eligible();
  for (const auto& r : report->results()) {
    if (!r.passed()) {
      facts.ineligible_reason = r.reason() + " (" + r.rule().legal_source() + ")";
      break;
    }
  }
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  facts.needs_disclosure = NeedsDisclosure(decision.outcome(), (*tree)->Depth(session.agency_id()));
  auto disclosure = ctx_.decisions.DisclosureOf(session.id(), item.nomination_id());
  if (!disclosure.ok()) return disclosure.status();
  facts.disclosed = disclosure->has_value();
  if (facts.disclosed) facts.disclosure_ends_at = (*disclosure)->ends_at().seconds();
  auto objections = ctx_.decisions.Objections(session.id(), item.nomination_id());
  if (!objections.ok()) return objections.status();
  for (const auto& o : *objections) {
    if (o.status() == v1::OPEN) ++facts.open_objections;
    if (o.status() == v1::UPHELD) ++facts.upheld_objections;
  }
  return CheckDecisionAllowed(decision.outcome(), facts);
}

Result<v1::Decision> DecisionManager::Carry(const Caller& caller, const v1::Session& session,
                                            const v1::AgendaItem& item, v1::Decision decision) {
  const std::string key = session.id() + ":" + item.nomination_id();
  nv1::TransitionNominationRequest move;
  move.set_request_id("ev-decide:" + key);
  move.set_id(item.nomination_id());
  switch (decision.outcome()) {
    case v1::RECOGNISE:
      move.set_to_state(nv1::RECOGNISED);
      move.set_reason("Công nhận: " + decision.form() + ", Quyết định số " + decision.decision_number() + " ngày " +
                      decision.decision_date() + " (phiên " + session.id() + ")");
      break;
    case v1::PROPOSE:
      move.set_to_state(nv1::PROPOSED);
      move.set_reason("Đề nghị cấp trên khen thưởng: " + decision.form() + " (phiên " + session.id() + ")" +
                      (decision.reason().empty() ? "" : ". " + decision.reason()));
      break;
    case v1::REJECT:
      move.set_to_state(nv1::REJECTED);
      move.set_reason(decision.reason() + " (phiên " + session.id() + ")");
      break;
    default:
      move.set_to_state(nv1::RETURNED);
      move.set_reason(decision.reason() + " (phiên " + session.id() + ")");
  }
  // The nomination's history names the node as the actor; say who decided.
  move.set_reason(move.reason() + "; người ghi quyết định: " + decision.decided_by());
  if (decision.outcome() == v1::RECOGNISE || decision.outcome() == v1::PROPOSE) {
    nv1::Recognition* r = move.mutable_recognition();
    r->set_decision_number(decision.decision_number());
    r->set_decision_date(decision.decision_date());
    r->set_form(decision.form());
    r->set_title_code(item.title_code());
    r->set_decided_by_agency(session.agency_id());
    r->set_session_id(session.id());
  }
  auto moved = ctx_.nominations.ApplyOnce(move, &NominationClient::Transition);
  if (!moved.ok()) {
    if (IsRefusal(moved.status())) (void)ctx_.decisions.DropPendingDecision(session.id(), item.nomination_id());
    return moved.status();
  }
  decision.set_nomination_version(moved->version());
  if (decision.outcome() == v1::RECOGNISE) {
    v1::AwardRecord award;
    award.set_nominee_key(NomineeKey(moved->details()));
    award.set_nomination_id(moved->id());
    award.set_title_code(item.title_code());
    award.set_year(std::stoi(decision.decision_date().substr(0, 4)));
    award.set_agency_id(moved->current_agency_id());
    award.set_decision_number(decision.decision_number());
    TDKT_RETURN_IF_ERROR(ctx_.awards.Record(award));
    // An empty achievement text identifies nothing; marking it would block
    // every later nominee without one.
    if (!moved->details().achievements().empty()) {
      TDKT_RETURN_IF_ERROR(
          ctx_.awards.MarkCommended(AchievementFingerprint(moved->details()), decision.decision_number()));
    }
  }
  TDKT_RETURN_IF_ERROR(ctx_.decisions.FinishDecision(decision));
  log::Info("decision recorded", {{"session", session.id()},
                                  {"nomination", item.nomination_id()},
                                  {"outcome", v1::DecisionOutcome_Name(decision.outcome())},
                                  {"by", caller.subject}});
  nv1::AddAttachmentRequest attach;
  attach.set_request_id("ev-minutes:" + key);
  attach.set_id(item.nomination_id());
  attach.mutable_attachment()->set_title("Biên bản họp Hội đồng Thi đua - Khen thưởng, phiên " + session.id());
  attach.mutable_attachment()->set_uri(MinutesUri(session.id()));
  attach.mutable_attachment()->set_kind("minutes");
  auto attached = ctx_.nominations.ApplyOnce(attach, &NominationClient::AddAttachment);
  if (!attached.ok()) return attached.status();
  return decision;
}

Result<v1::Decision> DecisionManager::Decide(const Caller& caller, const v1::DecideRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "record a decision"));
  v1::Decision decision = request.decision();
  decision.clear_decided_by();
  decision.clear_decided_at();
  decision.clear_nomination_version();
  TDKT_RETURN_IF_ERROR(NormalizeDecision(decision));
  if (decision.session_id().empty()) return Status::InvalidArgument("decision.session_id", "say which session");
  auto session = sessions_.Load(caller, decision.session_id());
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  const v1::AgendaItem* item = FindAgendaItem(*session, decision.nomination_id());
  if (!item) return Status::InvalidArgument("decision.nomination_id", "is not on this session's agenda");
  const bool commends = decision.outcome() == v1::RECOGNISE || decision.outcome() == v1::PROPOSE;
  if (commends && decision.form().empty()) decision.set_form(item->title_name());
  const std::string fingerprint = RequestFingerprint("Decide", decision);
  // The memo is not written in a step of its own here: a decision is stored
  // in steps (pending, then done) and a retry of the same decision finishes
  // whichever step a crash interrupted, writing nothing twice.
  return Idempotent<v1::Decision>(ctx_, caller, "Decide", request.request_id(), request,
                                  [&](const MemoWriter&) -> Result<v1::Decision> {
    auto existing = ctx_.decisions.GetDecision(session->id(), item->nomination_id());
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) {
      const auto& stored = **existing;
      if (stored.fingerprint != fingerprint) {
        return Status::FailedPrecondition("this nominee already has a decision (" +
                                          v1::DecisionOutcome_Name(stored.decision.outcome()) + ")");
      }
      // The same decision again: finish whatever step a failure interrupted.
      return Carry(caller, *session, *item, stored.decision);
    }
    TDKT_RETURN_IF_ERROR(CheckAllowed(*session, *item, decision));
    decision.set_decided_by(caller.subject);
    *decision.mutable_decided_at() = ctx_.Now();
    auto begun = ctx_.decisions.BeginDecision(decision, fingerprint);
    if (!begun.ok()) return begun.status();
    if (begun->fingerprint != fingerprint) {
      return Status::FailedPrecondition("another decision for this nominee was recorded meanwhile");
    }
    return Carry(caller, *session, *item, begun->decision);
  });
}

Result<v1::Decision> DecisionManager::Get(const Caller& caller, const v1::GetDecisionRequest& request) {
  auto session = sessions_.Load(caller, request.session_id());
  if (!session.ok()) return session.status();
  auto stored = ctx_.decisions.GetDecision(session->id(), request.nomination_id());
  if (!stored.ok()) return stored.status();
  if (!stored->has_value() || !(*stored)->done) return Status::NotFound("no decision for this nominee yet");
  return (*stored)->decision;
}

Result<v1::Disclosure> DecisionManager::Disclose(const Caller& caller, const v1::PublishDisclosureRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireStaff(caller, "publish the list of proposed exemplars"));
  auto session = sessions_.Load(caller, request.session_id());
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  if (session->state() != v1::CLOSED) {
    return Status::FailedPrecondition("the list can be made public only after the session closes");
  }
  auto results = sessions_.ResultsOf(*session);
  if (!results.ok()) return results.status();
  std::vector<std::string> chosen(request.nomination_ids().begin(), request.nomination_ids().end());
  if (chosen.empty()) {
    for (const auto& r : results->items()) if (r.tally().passed()) chosen.push_back(r.nomination_id());
  }
  if (chosen.empty()) return Status::FailedPrecondition("no nominee of this session passed the ballot");
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  v1::Disclosure disclosure;
  for (size_t i = 0; i < chosen.size(); ++i) {
    const v1::AgendaItem* item = FindAgendaItem(*session, chosen[i]);
    const std::string field = "nomination_ids[" + std::to_string(i) + "]";
    if (!item) return Status::InvalidArgument(field, "is not on this session's agenda");
    for (const auto& r : results->items()) {
      if (r.nomination_id() == chosen[i] && !r.tally().passed()) {
        return Status::InvalidArgument(field, "did not pass the ballot and cannot be proposed");
      }
    }
    v1::DisclosedNominee* n = disclosure.add_nominees();
    n->set_nomination_id(item->nomination_id());
    n->set_nominee_name(item->nominee_name());
    const AgencyUnit* unit = (*tree)->Find(item->nominee_agency_id());
    n->set_agency_name(unit ? unit->name : item->nominee_agency_id());
    n->set_title_name(item->title_name());
  }
  return IdempotentThen<v1::Disclosure>(
      ctx_, caller, "PublishDisclosure", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<v1::Disclosure> {
        // Checked after the request id, so a retry gets its disclosure back.
        for (const auto& n : disclosure.nominees()) {
          auto already = ctx_.decisions.DisclosureOf(session->id(), n.nomination_id());
          if (!already.ok()) return already.status();
          if (already->has_value()) {
            return Status::AlreadyExists(n.nomination_id() + " is already on disclosure " + (*already)->id());
          }
        }
        auto id = ctx_.decisions.NewId("cb", session->agency_id());
        if (!id.ok()) return id.status();
        disclosure.set_id(*id);
        disclosure.set_session_id(session->id());
        disclosure.set_agency_id(session->agency_id());
        *disclosure.mutable_starts_at() = ctx_.Now();
        disclosure.mutable_ends_at()->set_seconds(
            DisclosureEnd(disclosure.starts_at().seconds(), session->disclosure_working_days(), ctx_.holidays));
        disclosure.set_published_by(caller.subject);
        TDKT_RETURN_IF_ERROR(ctx_.decisions.CreateDisclosure(disclosure, memo));
        return disclosure;
      },
      [&](const v1::Disclosure& done) -> Status {
        for (const auto& n : done.nominees()) {
          TDKT_RETURN_IF_ERROR(Note(n.nomination_id(), "ev-disclosure:" + done.id() + ":" + n.nomination_id(),
                                    "disclosure",
                                    "Công khai danh sách đề nghị (" + done.id() + ") đến " +
                                        FormatVietnamTime(done.ends_at().seconds(), "%Y-%m-%d %H:%M") +
                                        " (giờ Việt Nam)"));
        }
        return Status::Ok();
      });
}

Result<v1::ListDisclosuresResponse> DecisionManager::ListDisclosures(const Caller& caller,
                                                                     const v1::ListDisclosuresRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, agency));
  v1::ListDisclosuresResponse out;
  const int64_t now = ctx_.clock.NowSeconds();
  int64_t cursor = *before;
  int64_t last_added = 0;
  // Filtering open ones may skip entries: read in chunks until the page fills.
  for (;;) {
    std::vector<int64_t> cursors;
    auto chunk = ctx_.decisions.ListDisclosures(agency, cursor, *size + 1, &cursors);
    if (!chunk.ok()) return chunk.status();
    for (size_t i = 0; i < chunk->size(); ++i) {
      cursor = cursors[i];
      if (request.open_only() && (*chunk)[i].ends_at().seconds() <= now) continue;
      if (out.disclosures_size() == *size) {  // One more exists: there is a next page.
        out.set_next_page_token(std::to_string(last_added));
        return out;
      }
      *out.add_disclosures() = (*chunk)[i];
      last_added = cursors[i];
    }
    if (static_cast<int>(chunk->size()) <= *size) break;
  }
  return out;
}

Result<v1::Objection> DecisionManager::Lodge(const Caller& caller, const v1::LodgeObjectionRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kSupervisor, Role::kInspector}, "lodge an objection"));
  auto session = sessions_.Load(caller, request.session_id());
  if (!session.ok()) return session.status();
  if (!FindAgendaItem(*session, request.nomination_id())) {
    return Status::InvalidArgument("nomination_id", "is not on this session's agenda");
  }
  std::string reasons = request.reasons();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeText("reasons", reasons, 4000, true));
  auto decided = ctx_.decisions.GetDecision(session->id(), request.nomination_id());
  if (!decided.ok()) return decided.status();
  if (decided->has_value()) {
    return Status::FailedPrecondition("this nominee was already decided; raise the matter as a complaint instead");
  }
  return IdempotentThen<v1::Objection>(
      ctx_, caller, "LodgeObjection", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<v1::Objection> {
        auto id = ctx_.decisions.NewId("kn", session->agency_id());
        if (!id.ok()) return id.status();
        v1::Objection o;
        o.set_id(*id);
        o.set_session_id(session->id());
        o.set_nomination_id(request.nomination_id());
        o.set_reasons(reasons);
        o.set_lodged_by(caller.subject);
        o.set_lodged_by_role(RoleName(caller.role));
        *o.mutable_lodged_at() = ctx_.Now();
        o.set_status(v1::OPEN);
        TDKT_RETURN_IF_ERROR(ctx_.decisions.CreateObjection(o, memo));
        return o;
      },
      [&](const v1::Objection& o) -> Status {
        return Note(o.nomination_id(), "ev-objection:" + o.id(), "objection_lodged",
                    "Kiến nghị " + o.id() + " của " + o.lodged_by() + " (" + o.lodged_by_role() + "): " + o.reasons());
      });
}

Result<v1::Objection> DecisionManager::Resolve(const Caller& caller, const v1::ResolveObjectionRequest& request) {
  // The office, not the council whose result is objected to, decides.
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "resolve an objection"));
  if (request.objection_id().empty()) return Status::InvalidArgument("objection_id", "say which objection");
  std::string resolution = request.resolution();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeText("resolution", resolution, 4000, true));
  int64_t version = 0;
  auto objection = ctx_.decisions.GetObjection(request.objection_id(), &version);
  if (!objection.ok()) return objection.status();
  auto session = sessions_.Load(caller, objection->session_id());
  if (!session.ok()) return session.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, session->agency_id()));
  return IdempotentThen<v1::Objection>(
      ctx_, caller, "ResolveObjection", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<v1::Objection> {
        if (objection->status() != v1::OPEN) return Status::FailedPrecondition("the objection was already resolved");
        v1::Objection o = *objection;
        o.set_status(request.upheld() ? v1::UPHELD : v1::DISMISSED);
        o.set_resolution(resolution);
        o.set_resolved_by(caller.subject);
        *o.mutable_resolved_at() = ctx_.Now();
        TDKT_RETURN_IF_ERROR(ctx_.decisions.UpdateObjection(o, version, memo));
        return o;
      },
      [&](const v1::Objection& o) -> Status {
        return Note(o.nomination_id(), "ev-objection-resolved:" + o.id(), "objection_resolved",
                    "Kiến nghị " + o.id() + (o.status() == v1::UPHELD ? " được chấp nhận" : " không được chấp nhận") +
                        ": " + o.resolution());
      });
}

Result<v1::ListObjectionsResponse> DecisionManager::ListObjections(const Caller& caller,
                                                                   const v1::ListObjectionsRequest& request) {
  auto session = sessions_.Load(caller, request.session_id());
  if (!session.ok()) return session.status();
  v1::ListObjectionsResponse out;
  for (const auto& item : session->agenda()) {
    if (!request.nomination_id().empty() && item.nomination_id() != request.nomination_id()) continue;
    auto objections = ctx_.decisions.Objections(session->id(), item.nomination_id());
    if (!objections.ok()) return objections.status();
    for (auto& o : *objections) *out.add_objections() = std::move(o);
  }
  return out;
}

}  // namespace tdkt::evaluation
