// Bad input to the evaluation service, table-driven: each case gets the
// right code and a message that starts with the field at fault (or, for a
// refusal that is not about one field, says what is wrong), and the data in
// Redis is exactly as before. Real nomination and evaluation servers on
// loopback, the test Redis.
#include <functional>

#include <gtest/gtest.h>

#include "tests/evaluation/evaluation_fixtures.h"

namespace tdkt::testing {
namespace {

struct BadCase {
  std::string what;
  grpc::StatusCode code;
  std::string message_starts_with;  // e.g. "council.members:" for INVALID_ARGUMENT
  std::function<grpc::Status()> call;
};

template <typename T>
using Spoil = std::function<void(T&)>;

constexpr const char* kTitle = "chien-si-thi-dua-co-so";

ev1::VoteThreshold Threshold(const std::string& title, int percent, const std::string& source) {
  ev1::VoteThreshold t;
  t.set_title_code(title);
  t.set_percent(percent);
  t.set_basis(ev1::ALL_MEMBERS);
  t.set_legal_source(source);
  return t;
}

class EvaluationBadInputTest : public ::testing::Test {
 protected:
  EvaluationServer server;
  EvaluationClient client{server};

  ev1::Council council;
  nv1::Nomination draft;      // Never submitted.
  ev1::Session scheduled;     // SCHEDULED, one nominee.
  ev1::Session open;          // IN_PROGRESS, one nominee; m1 has voted on it.
  ev1::Session closed;        // CLOSED: `passed` got 5 of 5, `failed` 0 of 5.
  nv1::Nomination passed, failed;
  ev1::Objection objection;   // OPEN, on `passed`.

  void SetUp() override {
    council = client.Council(kKhanhHoa, Members(5, kKhanhHoa));
    draft = CreateAs(server.nomination(), Role::kOfficer, kKhanhHoa, Details("Lương Văn Nháp", kBacNhaTrang));
    scheduled = client.Session(council, {client.Submitted("Mai Thị Lịch")});
    open = client.Session(council, {client.Submitted("Tạ Văn Mở")});
    ASSERT_TRUE(client.Open(open, {"m1", "m2", "m3", "m4", "m5"}, &open).ok());
    ASSERT_TRUE(client.Cast(open, open.agenda(0).nomination_id(), "m1", ev1::AGREE).ok());
    passed = client.Submitted("Cao Thị Đạt");
    failed = client.Submitted("Kiều Văn Trượt");
    closed = client.Session(council, {passed, failed});
    ASSERT_TRUE(client.Open(closed, {"m1", "m2", "m3", "m4", "m5"}).ok());
    for (const char* m : {"m1", "m2", "m3", "m4", "m5"}) {
      ASSERT_TRUE(client.Cast(closed, passed.id(), m, ev1::AGREE).ok());
      ASSERT_TRUE(client.Cast(closed, failed.id(), m, ev1::DISAGREE).ok());
    }
    ASSERT_TRUE(client.Close(closed).ok());
    ev1::LodgeObjectionRequest lodge;
    lodge.set_request_id(NextRequestId());
    lodge.set_session_id(closed.id());
    lodge.set_nomination_id(passed.id());
    lodge.set_reasons("Thành tích kê khai chưa được xác minh");
    ASSERT_TRUE(
        client.decisions->LodgeObjection(server.Context(Role::kSupervisor, kKhanhHoa).get(), lodge, &objection).ok());
  }

  std::unique_ptr<grpc::ClientContext> As(Role role, const std::string& subject = "") {
    return server.Context(role, kKhanhHoa, subject);
  }

  // CouncilService.
  grpc::Status CreateCouncil(const Spoil<ev1::CreateCouncilRequest>& spoil) {
    ev1::CreateCouncilRequest r;
    r.set_request_id(NextRequestId());
    ev1::Council* c = r.mutable_council();
    c->set_agency_id(kKhanhHoa);
    c->set_name("Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa");
    for (const auto& m : Members(3, kKhanhHoa)) *c->add_members() = m;
    c->set_term_start("2026-01-01");
    c->set_term_end("2030-12-31");
    spoil(r);
    ev1::Council out;
    return client.councils->CreateCouncil(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status UpdateCouncil(const Spoil<ev1::UpdateCouncilRequest>& spoil) {
    ev1::UpdateCouncilRequest r;
    r.set_request_id(NextRequestId());
    *r.mutable_council() = council;
    r.set_expected_version(council.version());
    spoil(r);
    ev1::Council out;
    return client.councils->UpdateCouncil(As(Role::kOfficer).get(), r, &out);
  }

  // SessionService.
  grpc::Status CreateSession(const Spoil<ev1::CreateSessionRequest>& spoil) {
    ev1::CreateSessionRequest r;
    r.set_request_id(NextRequestId());
    r.set_council_id(council.id());
    r.set_title("Phiên bình xét bổ sung");
    r.mutable_written_vote_deadline()->set_seconds(server.clock().NowSeconds() + 3600);
    spoil(r);
    ev1::Session out;
    return client.sessions->CreateSession(As(Role::kCouncilSecretary).get(), r, &out);
  }
  grpc::Status AddItem(const Spoil<ev1::AddAgendaItemRequest>& spoil) {
    ev1::AddAgendaItemRequest r;
    r.set_request_id(NextRequestId());
    r.set_session_id(scheduled.id());
    r.set_nomination_id(passed.id());  // Submitted, inside Khánh Hòa, not on this agenda.
    r.set_title_code(kTitle);
    r.set_title_name("Chiến sĩ thi đua cơ sở");
    spoil(r);
    ev1::Session out;
    return client.sessions->AddAgendaItem(As(Role::kCouncilSecretary).get(), r, &out);
  }
  grpc::Status Open(const std::vector<std::string>& present) {
    ev1::OpenSessionRequest r;
    r.set_session_id(scheduled.id());
    for (const auto& p : present) r.add_present(p);
    ev1::Session out;
    return client.sessions->OpenSession(As(Role::kCouncilSecretary).get(), r, &out);
  }
  // m2 (has not scored) scores the open session's nominee 8 on every criterion.
  grpc::Status Score(const Spoil<ev1::ScoreNomineeRequest>& spoil) {
    ev1::ScoreNomineeRequest r;
    r.set_session_id(open.id());
    r.set_nomination_id(open.agenda(0).nomination_id());
    for (const auto& code : open.agenda(0).criteria_codes()) {
      auto* s = r.add_scores();
      s->set_code(code);
      s->set_score(8);
    }
    spoil(r);
    ev1::ScoreSheetAck out;
    return client.sessions->ScoreNominee(As(Role::kCouncilMember, "m2").get(), r, &out);
  }
  // m2 (has not voted) votes on the open session's nominee.
  grpc::Status Cast(const Spoil<ev1::CastBallotRequest>& spoil) {
    ev1::CastBallotRequest r;
    r.set_session_id(open.id());
    r.set_nomination_id(open.agenda(0).nomination_id());
    r.set_choice(ev1::AGREE);
    spoil(r);
    ev1::BallotReceipt out;
    return client.sessions->CastBallot(As(Role::kCouncilMember, "m2").get(), r, &out);
  }
  grpc::Status Declare(const ev1::Session& session, const std::string& member, const Spoil<ev1::DeclareConflictRequest>& spoil) {
    ev1::DeclareConflictRequest r;
    r.set_session_id(session.id());
    r.set_nomination_id(session.agenda(0).nomination_id());
    r.set_note("Người được đề nghị là người thân của tôi");
    spoil(r);
    ev1::Session out;
    return client.sessions->DeclareConflict(As(Role::kCouncilMember, member).get(), r, &out);
  }
  grpc::Status Verify(const Spoil<ev1::VerifyReceiptRequest>& spoil) {
    ev1::VerifyReceiptRequest r;
    r.set_session_id(closed.id());
    r.set_nomination_id(passed.id());
    r.set_secret(std::string(64, 'a'));
    spoil(r);
    ev1::VerifyReceiptResponse out;
    return client.sessions->VerifyReceipt(As(Role::kCouncilMember, "m1").get(), r, &out);
  }
  grpc::Status ListSessions(const Spoil<ev1::ListSessionsRequest>& spoil) {
    ev1::ListSessionsRequest r;
    r.set_council_id(council.id());
    spoil(r);
    ev1::ListSessionsResponse out;
    return client.sessions->ListSessions(As(Role::kInspector).get(), r, &out);
  }

  // CriteriaService.
  grpc::Status Publish(const Spoil<ev1::PublishCriteriaSetRequest>& spoil) {
    ev1::PublishCriteriaSetRequest r;
    r.set_request_id(NextRequestId());
    ev1::CriteriaSet* set = r.mutable_set();
    set->set_agency_id(kKhanhHoa);
    set->set_movement_id("mov-56-1");
    set->set_title("Tiêu chí phong trào thi đua (thử nghiệm)");
    set->set_legal_source("Kế hoạch thi đua của UBND tỉnh (thử nghiệm)");
    for (const char* code : {"pt-1", "pt-2"}) {
      auto* c = set->add_criteria();
      c->set_code(code);
      c->set_text("Hoàn thành xuất sắc nhiệm vụ");
      c->set_weight(50);
    }
    spoil(r);
    ev1::CriteriaSet out;
    return client.criteria->PublishCriteriaSet(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status PutRule(const Spoil<ev1::EligibilityRule>& spoil) {
    ev1::PutEligibilityRuleRequest r;
    r.set_request_id(NextRequestId());
    ev1::EligibilityRule* rule = r.mutable_rule();
    rule->set_agency_id(kKhanhHoa);
    rule->set_kind(ev1::CONSECUTIVE_TITLE);
    rule->set_title_code("chien-si-thi-dua-tinh");
    rule->set_required_title(kTitle);
    rule->set_years(3);
    rule->set_legal_source("Luật Thi đua, khen thưởng 2022, Điều 21");
    spoil(*rule);
    ev1::EligibilityRule out;
    return client.criteria->PutEligibilityRule(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status Check(const Spoil<ev1::CheckEligibilityRequest>& spoil) {
    ev1::CheckEligibilityRequest r;
    r.set_nomination_id(passed.id());
    r.set_title_code(kTitle);
    r.set_year(2026);
    spoil(r);
    ev1::EligibilityReport out;
    return client.criteria->CheckEligibility(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status Award(const Spoil<ev1::RecordAwardRequest>& spoil) {
    ev1::RecordAwardRequest r;
    r.set_request_id(NextRequestId());
    r.set_nomination_id(passed.id());
    r.mutable_award()->set_title_code(kTitle);
    r.mutable_award()->set_year(2024);
    r.mutable_award()->set_decision_number("24/QĐ-UBND");
    spoil(r);
    ev1::AwardRecord out;
    return client.criteria->RecordAward(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status Headcount(const Spoil<ev1::SetHeadcountRequest>& spoil) {
    ev1::SetHeadcountRequest r;
    r.set_agency_id(kBacNhaTrang);
    r.set_year(2026);
    r.set_headcount(20);
    spoil(r);
    ev1::Headcount out;
    return client.criteria->SetHeadcount(As(Role::kOfficer).get(), r, &out);
  }

  // DecisionService.
  grpc::Status Decide(const Spoil<ev1::DecideRequest>& spoil) {
    ev1::DecideRequest r;
    r.set_request_id(NextRequestId());
    ev1::Decision* d = r.mutable_decision();
    d->set_session_id(closed.id());
    d->set_nomination_id(passed.id());
    d->set_outcome(ev1::RECOGNISE);
    d->set_decision_number("125/QĐ-UBND");
    d->set_decision_date("2026-11-20");
    spoil(r);
    ev1::Decision out;
    return client.decisions->Decide(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status Appraise(const Spoil<ev1::Appraisal>& spoil) {
    ev1::AppraiseRequest r;
    r.set_request_id(NextRequestId());
    ev1::Appraisal* a = r.mutable_appraisal();
    a->set_session_id(closed.id());
    a->set_nomination_id(passed.id());
    for (const char* text : {"Hồ sơ đủ thành phần theo quy định", "Có xác nhận của cơ quan có thẩm quyền"}) {
      auto* item = a->add_checklist();
      item->set_text(text);
      item->set_satisfied(true);
    }
    a->set_result(ev1::APPRAISAL_PASSED);
    spoil(*a);
    ev1::Appraisal out;
    return client.decisions->Appraise(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status Lodge(const Spoil<ev1::LodgeObjectionRequest>& spoil) {
    ev1::LodgeObjectionRequest r;
    r.set_request_id(NextRequestId());
    r.set_session_id(closed.id());
    r.set_nomination_id(passed.id());
    r.set_reasons("Đơn phản ánh của người dân");
    spoil(r);
    ev1::Objection out;
    return client.decisions->LodgeObjection(As(Role::kInspector).get(), r, &out);
  }
  grpc::Status Resolve(const Spoil<ev1::ResolveObjectionRequest>& spoil) {
    ev1::ResolveObjectionRequest r;
    r.set_request_id(NextRequestId());
    r.set_objection_id(objection.id());
    r.set_resolution("Đã xác minh, thành tích đúng thực tế");
    spoil(r);
    ev1::Objection out;
    return client.decisions->ResolveObjection(As(Role::kOfficer).get(), r, &out);
  }
  grpc::Status Disclose(const Spoil<ev1::PublishDisclosureRequest>& spoil) {
    ev1::PublishDisclosureRequest r;
    r.set_request_id(NextRequestId());
    r.set_session_id(closed.id());
    r.add_nomination_ids(passed.id());
    spoil(r);
    ev1::Disclosure out;
    return client.decisions->PublishDisclosure(As(Role::kCouncilSecretary).get(), r, &out);
  }
};

TEST_F(EvaluationBadInputTest, EachIsRefusedClearlyAndChangesNothing) {
  const grpc::StatusCode kInvalid = grpc::StatusCode::INVALID_ARGUMENT;
  const grpc::StatusCode kPrecondition = grpc::StatusCode::FAILED_PRECONDITION;
  const std::string too_long_id(129, 'r');
  std::vector<BadCase> cases = {
      // Councils.
      {"council of two", kInvalid, "council.members: a council needs at least 3 members; it has 2",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members()->RemoveLast(); }); }},
      {"council without a chair", kInvalid, "council.members: name one member as chair",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members(0)->set_position(ev1::MEMBER); }); }},
      {"council with two chairs", kInvalid, "council.members: 2 members are named chair",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members(2)->set_position(ev1::CHAIR); }); }},
      {"member listed twice", kInvalid, "council.members[2].subject: the login 'm1' belongs to an earlier member",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members(2)->set_subject("m1"); }); }},
      {"member without a login", kInvalid, "council.members[1].subject:",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members(1)->clear_subject(); }); }},
      {"member without a name", kInvalid, "council.members[1].full_name:",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members(1)->set_full_name(" "); }); }},
      {"member without a position", kInvalid, "council.members[2].position:",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->mutable_members(2)->clear_position(); }); }},
      {"council without an agency", kInvalid, "council.agency_id: must not be empty",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->clear_agency_id(); }); }},
      {"term starting on 30 February", kInvalid, "council.term_start: must be a date written YYYY-MM-DD",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->set_term_start("2026-02-30"); }); }},
      {"term without an end", kInvalid, "council.term_end: must be a date written YYYY-MM-DD",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->clear_term_end(); }); }},
      {"term ending before it starts", kInvalid, "council.term_end: must not be before the start of the term",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->set_term_end("2025-12-31"); }); }},
      {"threshold of 0%", kInvalid, "council.thresholds[0].percent: the share of agree ballots must be between 1 and 100",
       [&] { return CreateCouncil([](auto& r) { *r.mutable_council()->add_thresholds() = Threshold("*", 0, "Quy chế"); }); }},
      {"threshold of 101%", kInvalid, "council.thresholds[0].percent:",
       [&] { return CreateCouncil([](auto& r) { *r.mutable_council()->add_thresholds() = Threshold("*", 101, "Quy chế"); }); }},
      {"threshold without a legal source", kInvalid, "council.thresholds[0].legal_source: say which article",
       [&] { return CreateCouncil([](auto& r) { *r.mutable_council()->add_thresholds() = Threshold("*", 90, " "); }); }},
      {"threshold without a basis", kInvalid, "council.thresholds[0].basis:",
       [&] {
         return CreateCouncil([](auto& r) {
           auto t = Threshold("*", 90, "Quy chế");
           t.clear_basis();
           *r.mutable_council()->add_thresholds() = t;
         });
       }},
      {"thresholds without \"*\"", kInvalid, "council.thresholds: add a \"*\" entry",
       [&] { return CreateCouncil([](auto& r) { *r.mutable_council()->add_thresholds() = Threshold(kTitle, 90, "Quy chế"); }); }},
      {"two thresholds for one title", kInvalid, "council.thresholds[1].title_code:",
       [&] {
         return CreateCouncil([](auto& r) {
           *r.mutable_council()->add_thresholds() = Threshold("*", 90, "Quy chế");
           *r.mutable_council()->add_thresholds() = Threshold("*", 75, "Quy chế");
         });
       }},
      {"quorum of 101%", kInvalid, "council.quorum_percent:",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->set_quorum_percent(101); }); }},
      {"disclosure of 61 working days", kInvalid, "council.disclosure_working_days:",
       [&] { return CreateCouncil([](auto& r) { r.mutable_council()->set_disclosure_working_days(61); }); }},
      {"council request id of 129 characters", kInvalid, "request_id: must be at most 128 characters",
       [&] { return CreateCouncil([&](auto& r) { r.set_request_id(too_long_id); }); }},
      {"update without an id", kInvalid, "council.id: say which council to change",
       [&] { return UpdateCouncil([](auto& r) { r.mutable_council()->clear_id(); }); }},
      {"council moved to Hà Nội", kInvalid, "council.agency_id: a council cannot move to another agency",
       [&] { return UpdateCouncil([](auto& r) { r.mutable_council()->set_agency_id(kHaNoi); }); }},
      {"update leaving two members", kInvalid, "council.members: a council needs at least 3 members",
       [&] {
         return UpdateCouncil([](auto& r) {
           r.mutable_council()->mutable_members()->RemoveLast();
           r.mutable_council()->mutable_members()->RemoveLast();
           r.mutable_council()->mutable_members()->RemoveLast();
         });
       }},
      {"update on a stale version", grpc::StatusCode::ABORTED, "the council was changed meanwhile (version 1)",
       [&] { return UpdateCouncil([](auto& r) { r.set_expected_version(7); }); }},
      {"council without an id", kInvalid, "id: say which council to read",
       [&] {
         ev1::GetCouncilRequest r;
         ev1::Council out;
         return client.councils->GetCouncil(As(Role::kOfficer).get(), r, &out);
       }},
      {"council page of 201", kInvalid, "page_size: must be between 1 and 200",
       [&] {
         ev1::ListCouncilsRequest r;
         r.set_page_size(201);
         ev1::ListCouncilsResponse out;
         return client.councils->ListCouncils(As(Role::kOfficer).get(), r, &out);
       }},
      {"negative council page", kInvalid, "page_size:",
       [&] {
         ev1::ListCouncilsRequest r;
         r.set_page_size(-1);
         ev1::ListCouncilsResponse out;
         return client.councils->ListCouncils(As(Role::kOfficer).get(), r, &out);
       }},
      {"forged council page token", kInvalid, "page_token: is not a token returned by a previous page",
       [&] {
         ev1::ListCouncilsRequest r;
         r.set_page_token("hd-56-1");
         ev1::ListCouncilsResponse out;
         return client.councils->ListCouncils(As(Role::kOfficer).get(), r, &out);
       }},

      // Sessions.
      {"written-vote deadline in the past", kInvalid, "written_vote_deadline: give the time",
       [&] {
         return CreateSession([&](auto& r) {
           r.mutable_written_vote_deadline()->set_seconds(server.clock().NowSeconds() - 60);
         });
       }},
      {"no written-vote deadline", kInvalid, "written_vote_deadline:",
       [&] { return CreateSession([](auto& r) { r.clear_written_vote_deadline(); }); }},
      {"session without a title", kInvalid, "title: must not be empty",
       [&] { return CreateSession([](auto& r) { r.set_title("   "); }); }},
      {"session title of two lines", kInvalid, "title: must be one line of text",
       [&] { return CreateSession([](auto& r) { r.set_title("Phiên bình xét\nnăm 2026"); }); }},
      {"session without a council", kInvalid, "council_id: say which council meets",
       [&] { return CreateSession([](auto& r) { r.clear_council_id(); }); }},
      {"session of an unknown council", grpc::StatusCode::NOT_FOUND, "council hd-56-999 ",
       [&] { return CreateSession([](auto& r) { r.set_council_id("hd-56-999"); }); }},
      {"agenda item not submitted", kPrecondition,
       "nomination " + draft.id() + " is not submitted for evaluation",
       [&] { return AddItem([&](auto& r) { r.set_nomination_id(draft.id()); }); }},
      {"agenda title code with diacritics", kInvalid, "title_code: give the title's code",
       [&] { return AddItem([](auto& r) { r.set_title_code("chiến-sĩ-thi-đua"); }); }},
      {"agenda item without a title code", kInvalid, "title_code:",
       [&] { return AddItem([](auto& r) { r.clear_title_code(); }); }},
      {"agenda item without a title name", kInvalid, "title_name: must not be empty",
       [&] { return AddItem([](auto& r) { r.clear_title_name(); }); }},
      {"agenda item without a nomination", kInvalid, "nomination_id: say which nomination",
       [&] { return AddItem([](auto& r) { r.clear_nomination_id(); }); }},
      {"agenda item of an unknown nomination", grpc::StatusCode::NOT_FOUND, "no nomination has the id",
       [&] { return AddItem([](auto& r) { r.set_nomination_id("nom-22333-999999"); }); }},
      {"agenda item twice", grpc::StatusCode::ALREADY_EXISTS, "nomination ",
       [&] { return AddItem([&](auto& r) { r.set_nomination_id(scheduled.agenda(0).nomination_id()); }); }},
      {"agenda item for an open session", kPrecondition, "nominees can be added only before the session opens",
       [&] { return AddItem([&](auto& r) { r.set_session_id(open.id()); }); }},
      {"agenda item without a session", kInvalid, "session_id: say which session",
       [&] { return AddItem([](auto& r) { r.clear_session_id(); }); }},
      {"unknown member present", kInvalid, "present[1]: 'nobody' is not a member of this council",
       [&] { return Open({"m1", "nobody", "m2", "m3", "m4"}); }},
      {"member present twice", kInvalid, "present[2]: 'm1' is listed twice",
       [&] { return Open({"m1", "m2", "m1", "m3", "m4"}); }},
      {"no quorum", kPrecondition, "quorum not met: 3 of 5 members attend, at least 4 (67%) must",
       [&] { return Open({"m1", "m2", "m3"}); }},
      {"score above the scale", kInvalid, "scores[0].score: score 11 is outside the scale 0..10",
       [&] { return Score([](auto& r) { r.mutable_scores(0)->set_score(11); }); }},
      {"negative score", kInvalid, "scores[1].score: score -1 is outside the scale 0..10",
       [&] { return Score([](auto& r) { r.mutable_scores(1)->set_score(-1); }); }},
      {"score of an unknown criterion", kInvalid, "scores[0].code: no criterion 'khong-co' applies to this nominee",
       [&] { return Score([](auto& r) { r.mutable_scores(0)->set_code("khong-co"); }); }},
      {"score of another field's criterion", kInvalid, "scores[0].code: no criterion 'field-education'",
       [&] { return Score([](auto& r) { r.mutable_scores(0)->set_code("field-education"); }); }},
      {"criterion scored twice", kInvalid, "scores[1].code: criterion general-1 is scored twice",
       [&] { return Score([](auto& r) { r.mutable_scores(1)->set_code("general-1"); }); }},
      {"empty score sheet", kInvalid, "scores: score at least one criterion",
       [&] { return Score([](auto& r) { r.clear_scores(); }); }},
      {"required criterion left out", kInvalid, "scores: criterion general-1 is required and has no score",
       [&] { return Score([](auto& r) { r.mutable_scores()->DeleteSubrange(0, 1); }); }},
      {"score of a nominee not on the agenda", kInvalid, "nomination_id: is not on this session's agenda",
       [&] { return Score([&](auto& r) { r.set_nomination_id(passed.id()); }); }},
      {"ballot without a choice", kInvalid, "choice: choose agree, disagree or abstain",
       [&] { return Cast([](auto& r) { r.clear_choice(); }); }},
      {"ballot with an unknown choice", kInvalid, "choice:",
       [&] { return Cast([](auto& r) { r.set_choice(static_cast<ev1::BallotChoice>(7)); }); }},
      {"ballot on an unknown nominee", kInvalid, "nomination_id: is not on this session's agenda",
       [&] { return Cast([](auto& r) { r.set_nomination_id("nom-22333-999999"); }); }},
      {"ballot without a session", kInvalid, "session_id: say which session",
       [&] { return Cast([](auto& r) { r.clear_session_id(); }); }},
      {"second ballot", kPrecondition, "you already cast your ballot on this nominee",
       [&] {
         ev1::CastBallotRequest r;
         r.set_session_id(open.id());
         r.set_nomination_id(open.agenda(0).nomination_id());
         r.set_choice(ev1::DISAGREE);
         ev1::BallotReceipt out;
         return client.sessions->CastBallot(As(Role::kCouncilMember, "m1").get(), r, &out);
       }},
      {"conflict without a note", kInvalid, "note: must not be empty",
       [&] { return Declare(scheduled, "m3", [](auto& r) { r.set_note(" "); }); }},
      {"conflict on a nominee not on the agenda", kInvalid, "nomination_id: is not on this session's agenda",
       [&] { return Declare(scheduled, "m3", [&](auto& r) { r.set_nomination_id(passed.id()); }); }},
      {"conflict declared after voting", kPrecondition, "you already cast a ballot on this nominee",
       [&] { return Declare(open, "m1", [](auto&) {}); }},
      {"conflict declared after closing", kPrecondition, "the session is closed",
       [&] { return Declare(closed, "m3", [](auto&) {}); }},
      {"receipt secret too short", kInvalid, "secret: is not a receipt secret (64 hexadecimal characters)",
       [&] { return Verify([](auto& r) { r.set_secret("abc123"); }); }},
      {"receipt secret in capitals", kInvalid, "secret:",
       [&] { return Verify([](auto& r) { r.set_secret(std::string(64, 'A')); }); }},
      {"receipt secret not hexadecimal", kInvalid, "secret:",
       [&] { return Verify([](auto& r) { r.set_secret(std::string(63, 'a') + "g"); }); }},
      {"receipt without a session", kInvalid, "session_id: say which session",
       [&] { return Verify([](auto& r) { r.clear_session_id(); }); }},
      {"receipt without a nominee", kInvalid, "nomination_id: say which nominee",
       [&] { return Verify([](auto& r) { r.clear_nomination_id(); }); }},
      {"session without an id", kInvalid, "id: say which session",
       [&] {
         ev1::GetSessionRequest r;
         ev1::Session out;
         return client.sessions->GetSession(As(Role::kOfficer).get(), r, &out);
       }},
      {"unknown session", grpc::StatusCode::NOT_FOUND, "session ses-56-999 ",
       [&] {
         ev1::GetSessionRequest r;
         r.set_id("ses-56-999");
         ev1::Session out;
         return client.sessions->GetSession(As(Role::kOfficer).get(), r, &out);
       }},
      {"sessions of no council", kInvalid, "council_id: say which council's sessions to list",
       [&] { return ListSessions([](auto& r) { r.clear_council_id(); }); }},
      {"session page of 1000", kInvalid, "page_size: must be between 1 and 200",
       [&] { return ListSessions([](auto& r) { r.set_page_size(1000); }); }},
      {"negative session page token", kInvalid, "page_token:",
       [&] { return ListSessions([](auto& r) { r.set_page_token("-5"); }); }},
      {"ballots of a nominee not on the agenda", kInvalid, "nomination_id: is not on this session's agenda",
       [&] {
         ev1::ListBallotsRequest r;
         r.set_session_id(closed.id());
         r.set_nomination_id(draft.id());
         ev1::ListBallotsResponse out;
         return client.sessions->ListBallots(As(Role::kInspector).get(), r, &out);
       }},
      {"ballots before the session closes", kPrecondition, "ballots are shown only after the session closes",
       [&] {
         ev1::ListBallotsRequest r;
         r.set_session_id(open.id());
         r.set_nomination_id(open.agenda(0).nomination_id());
         ev1::ListBallotsResponse out;
         return client.sessions->ListBallots(As(Role::kInspector).get(), r, &out);
       }},
      {"minutes in an unknown format", kInvalid, "format: choose TEXT or HTML",
       [&] {
         ev1::GetMinutesRequest r;
         r.set_session_id(closed.id());
         r.set_format(static_cast<ev1::MinutesFormat>(9));
         ev1::Minutes out;
         return client.sessions->GetMinutes(As(Role::kInspector).get(), r, &out);
       }},

      // Criteria sets and eligibility rules.
      {"criteria set without criteria", kInvalid, "set.criteria: a criteria set needs at least one criterion",
       [&] { return Publish([](auto& r) { r.mutable_set()->clear_criteria(); }); }},
      {"criterion of weight 0", kInvalid, "set.criteria[0].weight: must be between 1 and 100",
       [&] { return Publish([](auto& r) { r.mutable_set()->mutable_criteria(0)->set_weight(0); }); }},
      {"criterion of weight 101", kInvalid, "set.criteria[1].weight: must be between 1 and 100",
       [&] { return Publish([](auto& r) { r.mutable_set()->mutable_criteria(1)->set_weight(101); }); }},
      {"criterion codes repeated", kInvalid, "set.criteria[1].code: the code 'pt-1' is used by an earlier criterion",
       [&] { return Publish([](auto& r) { r.mutable_set()->mutable_criteria(1)->set_code("pt-1"); }); }},
      {"criterion code with spaces", kInvalid, "set.criteria[0].code: use 1 to 64 lower-case letters",
       [&] { return Publish([](auto& r) { r.mutable_set()->mutable_criteria(0)->set_code("Tiêu chí 1"); }); }},
      {"criterion without text", kInvalid, "set.criteria[0].text: must not be empty",
       [&] { return Publish([](auto& r) { r.mutable_set()->mutable_criteria(0)->clear_text(); }); }},
      {"scale up to 101", kInvalid, "set.max_score: the top of the scale must be between 1 and 100",
       [&] { return Publish([](auto& r) { r.mutable_set()->set_max_score(101); }); }},
      {"negative scale", kInvalid, "set.max_score:",
       [&] { return Publish([](auto& r) { r.mutable_set()->set_max_score(-5); }); }},
      {"pass score above the scale", kInvalid, "set.pass_score: must be between 0 and the top of the scale (10)",
       [&] { return Publish([](auto& r) { r.mutable_set()->set_pass_score(11); }); }},
      {"criteria set without a title", kInvalid, "set.title: must not be empty",
       [&] { return Publish([](auto& r) { r.mutable_set()->clear_title(); }); }},
      {"movement id with a space", kInvalid, "set.movement_id: is not a movement id",
       [&] { return Publish([](auto& r) { r.mutable_set()->set_movement_id("mov 56"); }); }},
      {"negative expected version", kInvalid, "expected_version:",
       [&] { return Publish([](auto& r) { r.set_expected_version(-1); }); }},
      {"criteria request id of 129 characters", kInvalid, "request_id: must be at most 128 characters",
       [&] { return Publish([&](auto& r) { r.set_request_id(too_long_id); }); }},
      {"criteria set version -1", kInvalid, "version:",
       [&] {
         ev1::GetCriteriaSetRequest r;
         r.set_version(-1);
         ev1::CriteriaSet out;
         return client.criteria->GetCriteriaSet(As(Role::kOfficer).get(), r, &out);
       }},
      {"criteria of no nomination", kInvalid, "nomination_id: say which nomination",
       [&] {
         ev1::ResolveCriteriaRequest r;
         ev1::ResolvedCriteria out;
         return client.criteria->ResolveCriteria(As(Role::kOfficer).get(), r, &out);
       }},
      {"criteria of a nomination never submitted", kPrecondition,
       "nomination " + draft.id() + " has not been submitted for evaluation",
       [&] {
         ev1::ResolveCriteriaRequest r;
         r.set_nomination_id(draft.id());
         ev1::ResolvedCriteria out;
         return client.criteria->ResolveCriteria(As(Role::kOfficer).get(), r, &out);
       }},
      {"rule without a legal source", kInvalid, "rule.legal_source: say which article or plan the rule comes from",
       [&] { return PutRule([](auto& r) { r.clear_legal_source(); }); }},
      {"consecutive title over 0 years", kInvalid, "rule.years: the number of consecutive years must be between 1 and 20",
       [&] { return PutRule([](auto& r) { r.set_years(0); }); }},
      {"consecutive title over 21 years", kInvalid, "rule.years:",
       [&] { return PutRule([](auto& r) { r.set_years(21); }); }},
      {"consecutive title without the title", kInvalid, "rule.required_title:",
       [&] { return PutRule([](auto& r) { r.clear_required_title(); }); }},
      {"headcount quota of 0%", kInvalid, "rule.percent: the share of the unit's headcount must be between 1 and 100",
       [&] {
         return PutRule([](auto& r) {
           r.set_kind(ev1::HEADCOUNT_QUOTA);
           r.set_percent(0);
         });
       }},
      {"headcount quota of 101%", kInvalid, "rule.percent:",
       [&] {
         return PutRule([](auto& r) {
           r.set_kind(ev1::HEADCOUNT_QUOTA);
           r.set_percent(101);
         });
       }},
      {"rule of no kind", kInvalid, "rule.kind:",
       [&] { return PutRule([](auto& r) { r.clear_kind(); }); }},
      {"rule title code in capitals", kInvalid, "rule.title_code:",
       [&] { return PutRule([](auto& r) { r.set_title_code("CSTD-Tinh"); }); }},
      {"replacing an unknown rule", grpc::StatusCode::NOT_FOUND, "eligibility rule rule-999 does not exist",
       [&] { return PutRule([](auto& r) { r.set_id("rule-999"); }); }},
      {"eligibility without a title", kInvalid, "title_code: give the title's code",
       [&] { return Check([](auto& r) { r.clear_title_code(); }); }},
      {"eligibility in 1999", kInvalid, "year: must be between 2000 and 2100",
       [&] { return Check([](auto& r) { r.set_year(1999); }); }},
      {"eligibility of no nomination", kInvalid, "nomination_id: say which nomination",
       [&] { return Check([](auto& r) { r.clear_nomination_id(); }); }},
      {"award without a decision number", kInvalid, "award.decision_number: must not be empty",
       [&] { return Award([](auto& r) { r.mutable_award()->clear_decision_number(); }); }},
      {"award in 1900", kInvalid, "award.year: must be a year",
       [&] { return Award([](auto& r) { r.mutable_award()->set_year(1900); }); }},
      {"award of a title with spaces", kInvalid, "award.title_code:",
       [&] { return Award([](auto& r) { r.mutable_award()->set_title_code("chien si"); }); }},
      {"award of no nomination", kInvalid, "nomination_id: say whose award it is",
       [&] { return Award([](auto& r) { r.clear_nomination_id(); }); }},
      {"headcount of 0", kInvalid, "headcount: must be between 1 and 1,000,000",
       [&] { return Headcount([](auto& r) { r.set_headcount(0); }); }},
      {"headcount in 1999", kInvalid, "year: must be between 2000 and 2100",
       [&] { return Headcount([](auto& r) { r.set_year(1999); }); }},
      {"headcount of no unit", kInvalid, "agency_id: say which unit",
       [&] { return Headcount([](auto& r) { r.clear_agency_id(); }); }},

      // Appraisal, decisions, disclosure and objections.
      {"recognition without a number", kInvalid, "decision.decision_number: a recognition needs the number",
       [&] { return Decide([](auto& r) { r.mutable_decision()->clear_decision_number(); }); }},
      {"recognition dated 30 February", kInvalid, "decision.decision_date: must be a date written YYYY-MM-DD",
       [&] { return Decide([](auto& r) { r.mutable_decision()->set_decision_date("2026-02-30"); }); }},
      {"recognition without a date", kInvalid, "decision.decision_date: a recognition needs the date",
       [&] { return Decide([](auto& r) { r.mutable_decision()->clear_decision_date(); }); }},
      {"proposal dated the Vietnamese way", kInvalid, "decision.decision_date: must be a date written YYYY-MM-DD",
       [&] {
         return Decide([](auto& r) {
           r.mutable_decision()->set_outcome(ev1::PROPOSE);
           r.mutable_decision()->set_decision_date("20/11/2026");
         });
       }},
      {"return without a reason", kInvalid, "decision.reason: say why the nominee is returned",
       [&] { return Decide([](auto& r) { r.mutable_decision()->set_outcome(ev1::RETURN); }); }},
      {"decision of no outcome", kInvalid, "decision.outcome:",
       [&] { return Decide([](auto& r) { r.mutable_decision()->clear_outcome(); }); }},
      {"decision on a nominee not on the agenda", kInvalid, "decision.nomination_id: is not on this session's agenda",
       [&] { return Decide([&](auto& r) { r.mutable_decision()->set_nomination_id(draft.id()); }); }},
      {"decision without a session", kInvalid, "decision.session_id:",
       [&] { return Decide([](auto& r) { r.mutable_decision()->clear_session_id(); }); }},
      {"decision request id of 129 characters", kInvalid, "request_id: must be at most 128 characters",
       [&] { return Decide([&](auto& r) { r.set_request_id(too_long_id); }); }},
      {"recognition before the appraisal", kPrecondition, "the home-affairs office has not appraised",
       [&] { return Decide([](auto&) {}); }},
      {"recognition of a nominee who failed the ballot", kPrecondition, "the nominee did not reach the vote threshold",
       [&] { return Decide([&](auto& r) { r.mutable_decision()->set_nomination_id(failed.id()); }); }},
      {"recognition before the session closes", kPrecondition, "the session is not closed yet",
       [&] {
         return Decide([&](auto& r) {
           r.mutable_decision()->set_session_id(open.id());
           r.mutable_decision()->set_nomination_id(open.agenda(0).nomination_id());
         });
       }},
      {"appraisal passed with an unsatisfied item", kInvalid,
       "appraisal.result: cannot be passed while a checklist item is not satisfied",
       [&] { return Appraise([](auto& a) { a.mutable_checklist(1)->set_satisfied(false); }); }},
      {"appraisal without a checklist", kInvalid, "appraisal.checklist: list at least one item checked",
       [&] { return Appraise([](auto& a) { a.clear_checklist(); }); }},
      {"checklist item without text", kInvalid, "appraisal.checklist[1].text: must not be empty",
       [&] { return Appraise([](auto& a) { a.mutable_checklist(1)->set_text(" "); }); }},
      {"appraisal of no result", kInvalid, "appraisal.result: choose passed or failed",
       [&] { return Appraise([](auto& a) { a.clear_result(); }); }},
      {"appraisal of a nominee not on the agenda", kInvalid, "appraisal.nomination_id: is not on this session's agenda",
       [&] { return Appraise([&](auto& a) { a.set_nomination_id(draft.id()); }); }},
      {"appraisal without a session", kInvalid, "appraisal.session_id:",
       [&] { return Appraise([](auto& a) { a.clear_session_id(); }); }},
      {"objection without reasons", kInvalid, "reasons: must not be empty",
       [&] { return Lodge([](auto& r) { r.set_reasons("  "); }); }},
      {"objection to a nominee not on the agenda", kInvalid, "nomination_id: is not on this session's agenda",
       [&] { return Lodge([&](auto& r) { r.set_nomination_id(draft.id()); }); }},
      {"objection request id of 129 characters", kInvalid, "request_id: must be at most 128 characters",
       [&] { return Lodge([&](auto& r) { r.set_request_id(too_long_id); }); }},
      {"resolution without findings", kInvalid, "resolution: must not be empty",
       [&] { return Resolve([](auto& r) { r.clear_resolution(); }); }},
      {"resolution of no objection", kInvalid, "objection_id: say which objection",
       [&] { return Resolve([](auto& r) { r.clear_objection_id(); }); }},
      {"disclosure of a nominee not on the agenda", kInvalid, "nomination_ids[0]: is not on this session's agenda",
       [&] { return Disclose([&](auto& r) { r.set_nomination_ids(0, draft.id()); }); }},
      {"disclosure of a nominee who failed", kInvalid, "nomination_ids[1]: did not pass the ballot",
       [&] { return Disclose([&](auto& r) { r.add_nomination_ids(failed.id()); }); }},
      {"disclosure before the session closes", kPrecondition, "the list can be made public only after the session closes",
       [&] { return Disclose([&](auto& r) { r.set_session_id(open.id()); }); }},
      {"disclosure page of 201", kInvalid, "page_size: must be between 1 and 200",
       [&] {
         ev1::ListDisclosuresRequest r;
         r.set_page_size(201);
         ev1::ListDisclosuresResponse out;
         return client.decisions->ListDisclosures(As(Role::kMediaEditor).get(), r, &out);
       }},
      {"forged disclosure page token", kInvalid, "page_token:",
       [&] {
         ev1::ListDisclosuresRequest r;
         r.set_page_token("cb-56-1");
         ev1::ListDisclosuresResponse out;
         return client.decisions->ListDisclosures(As(Role::kMediaEditor).get(), r, &out);
       }},
  };
  for (const auto& c : cases) {
    const std::string before = RedisDigest();
    grpc::Status st = c.call();
    EXPECT_EQ(st.error_code(), c.code) << c.what << ": " << st.error_message();
    EXPECT_EQ(st.error_message().rfind(c.message_starts_with, 0), 0u)
        << c.what << ": got '" << st.error_message().substr(0, 300) << "'";
    EXPECT_EQ(RedisDigest(), before) << c.what << " changed data";
  }
  EXPECT_GE(cases.size(), 25u);
}

}  // namespace
}  // namespace tdkt::testing
