// The evaluation service end to end, against real nomination and evaluation
// servers on loopback and the test Redis: the whole path from a submitted
// nomination to a decision, and every refusal a council relies on.
#include <thread>

#include <gtest/gtest.h>

#include "tests/evaluation/evaluation_fixtures.h"

namespace tdkt::testing {
namespace {

constexpr int64_t kDay = 86400;

ev1::VoteThreshold Threshold(const std::string& title, int percent, ev1::ThresholdBasis basis) {
  ev1::VoteThreshold t;
  t.set_title_code(title);
  t.set_percent(percent);
  t.set_basis(basis);
  t.set_legal_source("Quy chế Hội đồng (thử nghiệm)");
  return t;
}

std::vector<std::string> Subjects(int n) {
  std::vector<std::string> out;
  for (int i = 1; i <= n; ++i) out.push_back("m" + std::to_string(i));
  return out;
}

class EvaluationE2E : public ::testing::Test {
 protected:
  EvaluationServer server;
  EvaluationClient client{server};

  nv1::Nomination Read(const std::string& id) {
    nv1::GetNominationRequest r;
    r.set_id(id);
    nv1::Nomination out;
    auto ctx = server.nomination().Context(Role::kOfficer, kKhanhHoa);
    EXPECT_TRUE(client.nominations->GetNomination(ctx.get(), r, &out).ok());
    return out;
  }
  std::vector<std::string> HistoryActions(const std::string& id) {
    nv1::GetHistoryRequest r;
    r.set_id(id);
    nv1::GetHistoryResponse out;
    auto ctx = server.nomination().Context(Role::kOfficer, kKhanhHoa);
    EXPECT_TRUE(client.nominations->GetHistory(ctx.get(), r, &out).ok());
    std::vector<std::string> actions;
    for (const auto& e : out.entries()) actions.push_back(e.action());
    return actions;
  }
  grpc::Status Decide(const ev1::Session& s, const std::string& nomination_id, ev1::DecisionOutcome outcome,
                      ev1::Decision* out = nullptr, const std::string& request_id = "") {
    ev1::DecideRequest r;
    r.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    r.mutable_decision()->set_session_id(s.id());
    r.mutable_decision()->set_nomination_id(nomination_id);
    r.mutable_decision()->set_outcome(outcome);
    r.mutable_decision()->set_decision_number("125/QĐ-UBND");
    r.mutable_decision()->set_decision_date("2026-11-20");
    if (outcome == ev1::RETURN || outcome == ev1::REJECT) r.mutable_decision()->set_reason("Hồ sơ chưa đủ minh chứng");
    ev1::Decision ignored;
    auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
    return client.decisions->Decide(ctx.get(), r, out ? out : &ignored);
  }
  grpc::Status Appraise(const ev1::Session& s, const std::string& nomination_id, bool passed) {
    ev1::AppraiseRequest r;
    r.set_request_id(NextRequestId());
    ev1::Appraisal* a = r.mutable_appraisal();
    a->set_session_id(s.id());
    a->set_nomination_id(nomination_id);
    auto* item = a->add_checklist();
    item->set_text("Hồ sơ đủ thành phần theo quy định");
    item->set_satisfied(passed);
    a->set_result(passed ? ev1::APPRAISAL_PASSED : ev1::APPRAISAL_FAILED);
    a->set_comments("Sở Nội vụ đã thẩm định");
    ev1::Appraisal out;
    auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
    return client.decisions->Appraise(ctx.get(), r, &out);
  }
};

TEST_F(EvaluationE2E, FromBallotToRecognitionWithDisclosureAndObjection) {
  auto council = client.Council(kKhanhHoa, Members(5, kKhanhHoa));
  auto nominee = client.Submitted("Nguyễn Thị Hồng");
  auto session = client.Session(council, {nominee});
  ASSERT_EQ(session.agenda_size(), 1);
  EXPECT_EQ(session.agenda(0).criteria_version(), 1);  // The national set.
  EXPECT_GT(session.agenda(0).criteria_codes_size(), 4);  // General criteria + the health field.
  ASSERT_TRUE(client.Open(session, {"m1", "m2", "m3", "m4"}).ok());
  for (int i = 1; i <= 4; ++i) ASSERT_TRUE(client.Cast(session, nominee.id(), "m" + std::to_string(i), ev1::AGREE).ok());
  // m5 was absent and votes in writing before the deadline.
  ASSERT_TRUE(client.Cast(session, nominee.id(), "m5", ev1::AGREE).ok());
  ev1::SessionResults open_results = client.Results(session);
  EXPECT_FALSE(open_results.items(0).has_tally()) << "no tally while the ballot is open";
  ASSERT_TRUE(client.Close(session).ok());
  ev1::SessionResults results = client.Results(session);
  ASSERT_TRUE(results.frozen());
  EXPECT_EQ(results.items(0).tally().agree(), 5);
  EXPECT_TRUE(results.items(0).tally().passed());

  // The decision waits for appraisal, disclosure and objections, in that order.
  auto refused = Decide(session, nominee.id(), ev1::RECOGNISE);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(refused.error_message().find("apprais"), std::string::npos) << refused.error_message();
  ASSERT_TRUE(Appraise(session, nominee.id(), true).ok());
  refused = Decide(session, nominee.id(), ev1::RECOGNISE);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(refused.error_message().find("disclos"), std::string::npos) << refused.error_message();

  ev1::PublishDisclosureRequest publish;
  publish.set_request_id(NextRequestId());
  publish.set_session_id(session.id());
  ev1::Disclosure disclosure;
  auto ctx = server.Context(Role::kCouncilSecretary, kKhanhHoa);
  ASSERT_TRUE(client.decisions->PublishDisclosure(ctx.get(), publish, &disclosure).ok());
  ASSERT_EQ(disclosure.nominees_size(), 1);
  EXPECT_GE(disclosure.ends_at().seconds() - disclosure.starts_at().seconds(), 10 * kDay);
  refused = Decide(session, nominee.id(), ev1::RECOGNISE);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  ev1::LodgeObjectionRequest lodge;
  lodge.set_request_id(NextRequestId());
  lodge.set_session_id(session.id());
  lodge.set_nomination_id(nominee.id());
  lodge.set_reasons("Thành tích kê khai chưa được xác minh tại cơ sở");
  ev1::Objection objection;
  ctx = server.Context(Role::kSupervisor, kKhanhHoa);
  ASSERT_TRUE(client.decisions->LodgeObjection(ctx.get(), lodge, &objection).ok());
  server.clock().Advance(20 * kDay);  // The disclosure period is over...
  refused = Decide(session, nominee.id(), ev1::RECOGNISE);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);  // ...but the objection is open.
  EXPECT_NE(refused.error_message().find("objection"), std::string::npos) << refused.error_message();

  ev1::ResolveObjectionRequest resolve;
  resolve.set_request_id(NextRequestId());
  resolve.set_objection_id(objection.id());
  resolve.set_upheld(false);
  resolve.set_resolution("Đoàn kiểm tra đã xác minh, thành tích đúng thực tế");
  ev1::Objection resolved;
  ctx = server.Context(Role::kOfficer, kKhanhHoa);
  ASSERT_TRUE(client.decisions->ResolveObjection(ctx.get(), resolve, &resolved).ok());
  EXPECT_EQ(resolved.status(), ev1::DISMISSED);

  ev1::Decision decision;
  const std::string request_id = NextRequestId();
  auto decided = Decide(session, nominee.id(), ev1::RECOGNISE, &decision, request_id);
  ASSERT_TRUE(decided.ok()) << decided.error_message();
  ev1::Decision again;
  ASSERT_TRUE(Decide(session, nominee.id(), ev1::RECOGNISE, &again, request_id).ok());  // A retry.
  EXPECT_EQ(again.nomination_version(), decision.nomination_version());

  nv1::Nomination after = Read(nominee.id());
  EXPECT_EQ(after.state(), nv1::RECOGNISED);
  EXPECT_EQ(after.recognition().decision_number(), "125/QĐ-UBND");
  EXPECT_EQ(after.recognition().session_id(), session.id());
  ASSERT_EQ(after.attachments_size(), 1);
  EXPECT_EQ(after.attachments(0).kind(), "minutes");
  auto actions = HistoryActions(nominee.id());
  for (const char* expected : {"appraisal", "disclosure", "objection_lodged", "objection_resolved", "transition", "attach"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), expected), actions.end()) << expected;
  }
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "attach"), 1) << "the retry attached nothing twice";

  // The same achievement of the same person cannot be commended again.
  auto repeat = client.Submitted("Nguyễn Thị Hồng");
  ev1::CheckEligibilityRequest check;
  check.set_nomination_id(repeat.id());
  check.set_title_code("chien-si-thi-dua-co-so");
  check.set_year(2027);
  ev1::EligibilityReport report;
  ctx = server.Context(Role::kOfficer, kKhanhHoa);
  ASSERT_TRUE(client.criteria->CheckEligibility(ctx.get(), check, &report).ok());
  EXPECT_FALSE(report.eligible());
  bool double_commendation_failed = false;
  for (const auto& r : report.results()) {
    if (r.rule().kind() == ev1::NO_DOUBLE_COMMENDATION && !r.passed()) {
      double_commendation_failed = true;
      EXPECT_NE(r.reason().find("125/QĐ-UBND"), std::string::npos) << r.reason();
    }
  }
  EXPECT_TRUE(double_commendation_failed);

  ev1::GetMinutesRequest minutes_request;
  minutes_request.set_session_id(session.id());
  minutes_request.set_format(ev1::HTML);
  ev1::Minutes minutes;
  ctx = server.Context(Role::kInspector, kKhanhHoa);
  ASSERT_TRUE(client.sessions->GetMinutes(ctx.get(), minutes_request, &minutes).ok());
  EXPECT_NE(minutes.content().find("Nguyễn Thị Hồng"), std::string::npos);
  EXPECT_NE(minutes.content().find("125/QĐ-UBND"), std::string::npos);
  EXPECT_NE(minutes.content().find("<html"), std::string::npos);
}

TEST_F(EvaluationE2E, ThresholdEdgesCountAbsentWrittenVotesAndRefuseLateOnes) {
  auto council = client.Council(kKhanhHoa, Members(10, kKhanhHoa), {Threshold("*", 90, ev1::ALL_MEMBERS)});
  auto exactly = client.Submitted("Trần Văn An");
  auto below = client.Submitted("Lê Thị Bình");
  auto session = client.Session(council, {exactly, below});
  ASSERT_TRUE(client.Open(session, Subjects(8)).ok());
  // Exactly 90%: 9 of 10 agree, one of them absent and voting in writing.
  for (int i = 1; i <= 9; ++i) ASSERT_TRUE(client.Cast(session, exactly.id(), "m" + std::to_string(i), ev1::AGREE).ok());
  // One below: 8 of 10.
  for (int i = 1; i <= 8; ++i) ASSERT_TRUE(client.Cast(session, below.id(), "m" + std::to_string(i), ev1::AGREE).ok());
  ASSERT_TRUE(client.Cast(session, below.id(), "m9", ev1::ABSTAIN).ok());
  // m10 was absent and the written-vote deadline has passed.
  server.clock().Advance(2 * 3600);
  auto late = client.Cast(session, below.id(), "m10", ev1::AGREE);
  EXPECT_EQ(late.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << late.error_message();
  ASSERT_TRUE(client.Close(session).ok());
  auto results = client.Results(session);
  EXPECT_TRUE(results.items(0).tally().passed());
  EXPECT_EQ(results.items(0).tally().denominator(), 10);
  EXPECT_FALSE(results.items(1).tally().passed());
  EXPECT_EQ(results.items(1).tally().not_voted(), 1);
  // No decision without a passing tally.
  auto refused = Decide(session, below.id(), ev1::RECOGNISE);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // Returning needs no passing tally, and moves the nomination back.
  ASSERT_TRUE(Decide(session, below.id(), ev1::RETURN).ok());
  EXPECT_EQ(Read(below.id()).state(), nv1::RETURNED);
}

TEST_F(EvaluationE2E, ParticipatingBasisCountsOnlyThoseWhoTookPart) {
  auto council = client.Council(kKhanhHoa, Members(6, kKhanhHoa), {Threshold("*", 75, ev1::PARTICIPATING_MEMBERS)});
  auto nominee = client.Submitted("Phạm Văn Cường");
  auto session = client.Session(council, {nominee});
  ASSERT_TRUE(client.Open(session, Subjects(4)).ok());
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE(client.Cast(session, nominee.id(), "m" + std::to_string(i), ev1::AGREE).ok());
  ASSERT_TRUE(client.Cast(session, nominee.id(), "m4", ev1::DISAGREE).ok());
  ASSERT_TRUE(client.Close(session).ok());
  auto tally = client.Results(session).items(0).tally();
  EXPECT_EQ(tally.denominator(), 4);  // m5 and m6 neither attended nor wrote.
  EXPECT_TRUE(tally.passed());        // 3 of 4 = exactly 75%.
}

TEST_F(EvaluationE2E, DoubleVotesNonMembersAndClosedBallotsAreRefusedAndChangeNothing) {
  auto council = client.Council(kKhanhHoa, Members(3, kKhanhHoa));
  auto nominee = client.Submitted("Hoàng Thị Dung");
  auto session = client.Session(council, {nominee});
  auto early = client.Cast(session, nominee.id(), "m1", ev1::AGREE);
  EXPECT_EQ(early.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << "not opened yet";
  ASSERT_TRUE(client.Open(session, Subjects(3)).ok());
  ASSERT_TRUE(client.Cast(session, nominee.id(), "m1", ev1::DISAGREE).ok());
  const std::string before = RedisDigest();
  auto twice = client.Cast(session, nominee.id(), "m1", ev1::AGREE);
  EXPECT_EQ(twice.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(twice.error_message().find("already"), std::string::npos);
  auto stranger = client.Cast(session, nominee.id(), "m99", ev1::AGREE);
  EXPECT_EQ(stranger.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  auto unknown = client.Cast(session, "nom-56-999", "m2", ev1::AGREE);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(unknown.error_message().find("nomination_id"), std::string::npos);
  auto no_choice = client.Cast(session, nominee.id(), "m2", ev1::BALLOT_CHOICE_UNSPECIFIED);
  EXPECT_EQ(no_choice.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(no_choice.error_message().find("choice"), std::string::npos);
  EXPECT_EQ(RedisDigest(), before);
  ASSERT_TRUE(client.Close(session).ok());
  auto after_close = client.Cast(session, nominee.id(), "m2", ev1::AGREE);
  EXPECT_EQ(after_close.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(client.Results(session).items(0).tally().disagree(), 1);
  // A failed ballot may end in rejection, which needs no passing tally.
  ASSERT_TRUE(Decide(session, nominee.id(), ev1::REJECT).ok());
  EXPECT_EQ(Read(nominee.id()).state(), nv1::REJECTED);
}

TEST_F(EvaluationE2E, QuorumIsCheckedBeforeOpening) {
  auto council = client.Council(kKhanhHoa, Members(9, kKhanhHoa));
  auto session = client.Session(council, {client.Submitted("Vũ Văn Em")});
  const std::string before = RedisDigest();
  auto refused = client.Open(session, Subjects(5));
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(refused.error_message().find("quorum"), std::string::npos) << refused.error_message();
  EXPECT_EQ(RedisDigest(), before);
  auto bad = client.Open(session, {"m1", "nobody"});
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(bad.error_message().find("present[1]"), std::string::npos);
  EXPECT_TRUE(client.Open(session, Subjects(6)).ok());  // 6 of 9 = 67%.
}

TEST_F(EvaluationE2E, RecusedMembersCannotVoteOrSeeScores) {
  auto members = Members(5, kKhanhHoa);
  members[4].set_agency_id(kBacNhaTrang);  // m5 works in the nominee's ward.
  auto council = client.Council(kKhanhHoa, members, {Threshold("*", 50, ev1::ALL_MEMBERS)});
  auto nominee = client.Submitted("Đặng Thị Giang", kBacNhaTrang);
  auto session = client.Session(council, {nominee});
  ASSERT_EQ(session.agenda(0).recusals_size(), 1);
  EXPECT_EQ(session.agenda(0).recusals(0).subject(), "m5");
  EXPECT_EQ(session.agenda(0).recusals(0).reason(), ev1::SAME_UNIT);
  ASSERT_TRUE(client.Open(session, Subjects(5)).ok());
  auto refused = client.Cast(session, nominee.id(), "m5", ev1::AGREE);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  ev1::DeclareConflictRequest declare;
  declare.set_session_id(session.id());
  declare.set_nomination_id(nominee.id());
  declare.set_note("Tôi là người thân của người được đề nghị");
  ev1::Session declared;
  auto ctx = server.Context(Role::kCouncilMember, kKhanhHoa, "m4");
  ASSERT_TRUE(client.sessions->DeclareConflict(ctx.get(), declare, &declared).ok());
  ASSERT_EQ(declared.agenda(0).recusals_size(), 2);
  EXPECT_EQ(declared.agenda(0).recusals(1).reason(), ev1::DECLARED_CONFLICT);
  EXPECT_EQ(client.Cast(session, nominee.id(), "m4", ev1::AGREE).error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // Scores: m1 scores; the recused m5 sees no scores of this nominee.
  ev1::ScoreNomineeRequest score;
  score.set_session_id(session.id());
  score.set_nomination_id(nominee.id());
  for (const auto& code : session.agenda(0).criteria_codes()) {
    auto* s = score.add_scores();
    s->set_code(code);
    s->set_score(8);
  }
  ev1::ScoreSheetAck ack;
  ctx = server.Context(Role::kCouncilMember, kKhanhHoa, "m1");
  ASSERT_TRUE(client.sessions->ScoreNominee(ctx.get(), score, &ack).ok());
  ctx = server.Context(Role::kCouncilMember, kKhanhHoa, "m5");
  EXPECT_EQ(client.sessions->ScoreNominee(ctx.get(), score, &ack).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  score.mutable_scores(0)->set_score(11);
  ctx = server.Context(Role::kCouncilMember, kKhanhHoa, "m2");
  auto out_of_scale = client.sessions->ScoreNominee(ctx.get(), score, &ack);
  EXPECT_EQ(out_of_scale.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(out_of_scale.error_message().find("scores[0].score"), std::string::npos) << out_of_scale.error_message();
  EXPECT_TRUE(client.Results(session, Role::kCouncilMember, "m1").items(0).has_scores());
  EXPECT_FALSE(client.Results(session, Role::kCouncilMember, "m5").items(0).has_scores());

  for (int i = 1; i <= 3; ++i) ASSERT_TRUE(client.Cast(session, nominee.id(), "m" + std::to_string(i), ev1::AGREE).ok());
  ASSERT_TRUE(client.Close(session).ok());
  auto tally = client.Results(session).items(0).tally();
  EXPECT_EQ(tally.eligible(), 3);
  EXPECT_TRUE(tally.passed());
  ctx = server.Context(Role::kCouncilMember, kKhanhHoa, "m1");
  EXPECT_EQ(client.sessions->ScoreNominee(ctx.get(), score, &ack).error_code(), grpc::StatusCode::FAILED_PRECONDITION)
      << "scores freeze when the session closes";
}

TEST_F(EvaluationE2E, AllMembersVotingAtOnceAreAllCounted) {
  constexpr int kMembers = 40;
  auto council = client.Council(kKhanhHoa, Members(kMembers, kKhanhHoa), {Threshold("*", 50, ev1::ALL_MEMBERS)});
  auto nominee = client.Submitted("Ngô Văn Hải");
  auto session = client.Session(council, {nominee});
  ASSERT_TRUE(client.Open(session, Subjects(kMembers)).ok());
  std::vector<std::thread> voters;
  std::atomic<int> ok{0};
  for (int i = 1; i <= kMembers; ++i) {
    voters.emplace_back([&, i] {
      // Each member tries twice at once: exactly one ballot each must count.
      for (int k = 0; k < 2; ++k) {
        if (client.Cast(session, nominee.id(), "m" + std::to_string(i), i % 4 ? ev1::AGREE : ev1::DISAGREE).ok()) ++ok;
      }
    });
  }
  for (auto& t : voters) t.join();
  EXPECT_EQ(ok.load(), kMembers);
  ASSERT_TRUE(client.Close(session).ok());
  auto tally = client.Results(session).items(0).tally();
  EXPECT_EQ(tally.agree(), 30);
  EXPECT_EQ(tally.disagree(), 10);
  EXPECT_EQ(tally.not_voted(), 0);
}

TEST_F(EvaluationE2E, CriteriaVersionInForceAtSubmissionIsKept) {
  auto publish = [&](const std::string& text, int64_t expected) {
    ev1::PublishCriteriaSetRequest r;
    r.set_request_id(NextRequestId());
    r.set_expected_version(expected);
    ev1::CriteriaSet* set = r.mutable_set();
    set->set_agency_id(kKhanhHoa);
    set->set_title("Tiêu chí điển hình tiên tiến tỉnh Khánh Hòa");
    set->set_legal_source("Kế hoạch thi đua của UBND tỉnh (thử nghiệm)");
    auto* c = set->add_criteria();
    c->set_code("kh-1");
    c->set_text(text);
    c->set_weight(100);
    c->set_required(true);
    ev1::CriteriaSet out;
    auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
    grpc::Status st = client.criteria->PublishCriteriaSet(ctx.get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  };
  // The nomination service stamps submissions with the wall clock, so the
  // test moves its own clock along the wall clock, a second at a time.
  auto tick = [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    server.clock().Set(std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count());
  };
  auto council = client.Council(kKhanhHoa, Members(3, kKhanhHoa));
  EXPECT_EQ(publish("Hoàn thành xuất sắc nhiệm vụ", 0).version(), 1);
  tick();
  auto first = client.Submitted("Bùi Văn Ích");
  tick();
  EXPECT_EQ(publish("Hoàn thành xuất sắc nhiệm vụ, có sáng kiến", 1).version(), 2);
  // A stale writer is told to re-read.
  ev1::PublishCriteriaSetRequest stale;
  stale.set_request_id(NextRequestId());
  stale.set_expected_version(1);
  stale.mutable_set()->set_agency_id(kKhanhHoa);
  stale.mutable_set()->set_title("x");
  stale.mutable_set()->set_legal_source("y");
  auto* c = stale.mutable_set()->add_criteria();
  c->set_code("kh-1");
  c->set_text("z");
  c->set_weight(1);
  ev1::CriteriaSet ignored;
  auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
  EXPECT_EQ(client.criteria->PublishCriteriaSet(ctx.get(), stale, &ignored).error_code(), grpc::StatusCode::ABORTED);
  tick();
  auto second = client.Submitted("Đỗ Thị Kim");
  auto session = client.Session(council, {first, second});
  ASSERT_EQ(session.agenda_size(), 2);
  EXPECT_EQ(session.agenda(0).criteria_agency_id(), kKhanhHoa);
  EXPECT_EQ(session.agenda(0).criteria_version(), 1);
  EXPECT_EQ(session.agenda(1).criteria_version(), 2);
}

TEST_F(EvaluationE2E, EligibilityRulesExplainEveryVerdict) {
  auto put = [&](ev1::EligibilityRule rule) {
    ev1::PutEligibilityRuleRequest r;
    r.set_request_id(NextRequestId());
    rule.set_agency_id(kKhanhHoa);
    *r.mutable_rule() = rule;
    ev1::EligibilityRule out;
    auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
    grpc::Status st = client.criteria->PutEligibilityRule(ctx.get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  };
  ev1::EligibilityRule initiative;
  initiative.set_kind(ev1::RECOGNISED_INITIATIVE);
  initiative.set_title_code("chien-si-thi-dua-co-so");
  initiative.set_legal_source("Luật Thi đua, khen thưởng 2022, Điều 23");
  put(initiative);
  ev1::EligibilityRule quota;
  quota.set_kind(ev1::HEADCOUNT_QUOTA);
  quota.set_title_code("chien-si-thi-dua-co-so");
  quota.set_percent(15);
  quota.set_legal_source("Quy chế thi đua của tỉnh (thử nghiệm)");
  put(quota);

  auto nominee = client.Submitted("Trịnh Văn Long");
  auto check = [&](const std::string& title, int year) {
    ev1::CheckEligibilityRequest r;
    r.set_nomination_id(nominee.id());
    r.set_title_code(title);
    r.set_year(year);
    ev1::EligibilityReport out;
    auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
    grpc::Status st = client.criteria->CheckEligibility(ctx.get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  };
  auto report = check("chien-si-thi-dua-co-so", 2026);
  EXPECT_FALSE(report.eligible());
  int failed = 0;
  for (const auto& r : report.results()) {
    EXPECT_FALSE(r.reason().empty());
    if (!r.passed()) ++failed;
  }
  EXPECT_EQ(failed, 2) << "no recognised initiative, no headcount recorded";
  ev1::SetHeadcountRequest headcount;
  headcount.set_agency_id(kBacNhaTrang);
  headcount.set_year(2026);
  headcount.set_headcount(20);
  ev1::Headcount hc;
  auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
  ASSERT_TRUE(client.criteria->SetHeadcount(ctx.get(), headcount, &hc).ok());
  report = check("chien-si-thi-dua-co-so", 2026);
  failed = 0;
  for (const auto& r : report.results()) failed += !r.passed();
  EXPECT_EQ(failed, 1) << "15% of 20 allows 3";

  // The national consecutive-years rule: chien-si-thi-dua-tinh needs 3 years.
  report = check("chien-si-thi-dua-tinh", 2026);
  EXPECT_FALSE(report.eligible());
  for (int year : {2023, 2024, 2025}) {
    ev1::RecordAwardRequest award;
    award.set_request_id(NextRequestId());
    award.set_nomination_id(nominee.id());
    award.mutable_award()->set_title_code("chien-si-thi-dua-co-so");
    award.mutable_award()->set_year(year);
    award.mutable_award()->set_decision_number(std::to_string(year) + "/QĐ-UBND");
    ev1::AwardRecord recorded;
    ctx = server.Context(Role::kOfficer, kKhanhHoa);
    ASSERT_TRUE(client.criteria->RecordAward(ctx.get(), award, &recorded).ok());
  }
  report = check("chien-si-thi-dua-tinh", 2026);
  EXPECT_TRUE(report.eligible()) << report.DebugString();
}

}  // namespace
}  // namespace tdkt::testing
