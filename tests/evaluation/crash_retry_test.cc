// Every evaluation write whose process dies right after its Redis step
// (before a separate answer could be stored) is retried with the same
// request id: the retry gets the first answer back and nothing is written
// twice. RequestMemo::DropFinishForTest plays the crash; the pending claim
// is then removed as its 60 s expiry would.
#include <gtest/gtest.h>

#include "tests/evaluation/evaluation_fixtures.h"

namespace tdkt::testing {
namespace {

class EvaluationCrashRetry : public ::testing::Test {
 protected:
  EvaluationServer server;
  EvaluationClient client{server};
  RedisClient redis{TestRedisOptions(), nullptr};

  // Calls `method` with `request` as `role` of Khánh Hòa twice: as a process
  // that dies right after its write, then, once the claim has expired, as
  // the client's retry. Both must succeed; returns the two answers.
  template <typename Stub, typename Request, typename Response>
  std::vector<Response> CrashThenRetry(Role role, Stub& stub,
                                       grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                                       const Request& request) {
    std::vector<Response> answers(2);
    RequestMemo& memo = server.node().context().memo;
    memo.DropFinishForTest(true);
    grpc::Status first = (stub.*method)(server.Context(role, kKhanhHoa).get(), request, &answers[0]);
    memo.DropFinishForTest(false);
    EXPECT_TRUE(first.ok()) << request.request_id() << ": " << first.error_message();
    ExpirePendingClaim(request.request_id());
    grpc::Status again = (stub.*method)(server.Context(role, kKhanhHoa).get(), request, &answers[1]);
    EXPECT_TRUE(again.ok()) << "the retry of " << request.request_id() << ": " << again.error_message();
    return answers;
  }

  // What the claim's 60 s expiry does: a pending claim goes, a stored answer
  // stays.
  void ExpirePendingClaim(const std::string& request_id) {
    auto keys = redis.Command({"KEYS", "ev:req:*:" + request_id});
    ASSERT_TRUE(keys.ok());
    for (const auto& k : keys->elements) {
      auto v = redis.Command({"GET", k.str});
      if (!v->is_nil() && v->str.rfind("pending\n", 0) == 0) (void)redis.Command({"DEL", k.str});
    }
  }

  int HistoryCount(const std::string& nomination_id, const std::string& action) {
    nv1::GetHistoryRequest r;
    r.set_id(nomination_id);
    nv1::GetHistoryResponse out;
    auto ctx = server.nomination().Context(Role::kOfficer, kKhanhHoa);
    EXPECT_TRUE(client.nominations->GetHistory(ctx.get(), r, &out).ok());
    int n = 0;
    for (const auto& e : out.entries()) n += e.action() == action;
    return n;
  }
};

TEST_F(EvaluationCrashRetry, CouncilSessionAndAgendaWritesAnswerTheRetryOnce) {
  auto members = Members(5, kKhanhHoa);
  members[4].set_agency_id(kBacNhaTrang);  // m5 works in the nominee's ward: recused automatically.
  auto council = client.Council(kKhanhHoa, members);

  ev1::UpdateCouncilRequest update;
  update.set_request_id("crash-update-council");
  *update.mutable_council() = council;
  update.mutable_council()->set_name("Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa (kiện toàn)");
  update.set_expected_version(council.version());
  auto updated = CrashThenRetry(Role::kOfficer, *client.councils, &ev1::CouncilService::Stub::UpdateCouncil, update);
  EXPECT_EQ(updated[1].version(), council.version() + 1) << "not refused as a stale version";

  ev1::CreateSessionRequest create;
  create.set_request_id("crash-create-session");
  create.set_council_id(council.id());
  create.set_title("Phiên bình xét năm 2026");
  create.mutable_written_vote_deadline()->set_seconds(server.clock().NowSeconds() + 3600);
  auto created =
      CrashThenRetry(Role::kCouncilSecretary, *client.sessions, &ev1::SessionService::Stub::CreateSession, create);
  EXPECT_EQ(created[1].id(), created[0].id());
  ev1::ListSessionsRequest list;
  list.set_council_id(council.id());
  ev1::ListSessionsResponse sessions;
  auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
  ASSERT_TRUE(client.sessions->ListSessions(ctx.get(), list, &sessions).ok());
  EXPECT_EQ(sessions.sessions_size(), 1);

  auto nominee = client.Submitted("Đặng Thị Giang", kBacNhaTrang);
  ev1::AddAgendaItemRequest add;
  add.set_request_id("crash-add-agenda");
  add.set_session_id(created[0].id());
  add.set_nomination_id(nominee.id());
  add.set_title_code("chien-si-thi-dua-co-so");
  add.set_title_name("Chiến sĩ thi đua cơ sở");
  auto added =
      CrashThenRetry(Role::kCouncilSecretary, *client.sessions, &ev1::SessionService::Stub::AddAgendaItem, add);
  EXPECT_EQ(added[1].version(), added[0].version());
  ASSERT_EQ(added[1].agenda_size(), 1);
  ASSERT_EQ(added[1].agenda(0).recusals_size(), 1);

  // The session was created with its ballot state and the recusal with the
  // agenda item: it opens, and the recused member cannot vote.
  ASSERT_TRUE(client.Open(added[1], {"m1", "m2", "m3", "m4", "m5"}).ok());
  EXPECT_EQ(client.Cast(added[1], nominee.id(), "m5", ev1::AGREE).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  for (const char* m : {"m1", "m2", "m3", "m4"}) ASSERT_TRUE(client.Cast(added[1], nominee.id(), m, ev1::AGREE).ok());
  ASSERT_TRUE(client.Close(added[1]).ok());
}

TEST_F(EvaluationCrashRetry, AppraisalDisclosureAndObjectionsAnswerTheRetryOnceWithOneNoteEach) {
  auto council = client.Council(kKhanhHoa, Members(3, kKhanhHoa));
  auto nominee = client.Submitted("Nguyễn Thị Hồng");
  auto session = client.Session(council, {nominee});
  ASSERT_TRUE(client.Open(session, {"m1", "m2", "m3"}).ok());
  for (const char* m : {"m1", "m2", "m3"}) ASSERT_TRUE(client.Cast(session, nominee.id(), m, ev1::AGREE).ok());
  ASSERT_TRUE(client.Close(session).ok());

  ev1::AppraiseRequest appraise;
  appraise.set_request_id("crash-appraise");
  ev1::Appraisal* a = appraise.mutable_appraisal();
  a->set_session_id(session.id());
  a->set_nomination_id(nominee.id());
  auto* item = a->add_checklist();
  item->set_text("Hồ sơ đủ thành phần theo quy định");
  item->set_satisfied(true);
  a->set_result(ev1::APPRAISAL_PASSED);
  CrashThenRetry(Role::kOfficer, *client.decisions, &ev1::DecisionService::Stub::Appraise, appraise);
  EXPECT_EQ(HistoryCount(nominee.id(), "appraisal"), 1);

  ev1::PublishDisclosureRequest publish;
  publish.set_request_id("crash-disclose");
  publish.set_session_id(session.id());
  auto disclosures = CrashThenRetry(Role::kCouncilSecretary, *client.decisions,
                                    &ev1::DecisionService::Stub::PublishDisclosure, publish);
  EXPECT_EQ(disclosures[1].id(), disclosures[0].id()) << "the retry is not refused as already disclosed";
  EXPECT_EQ(HistoryCount(nominee.id(), "disclosure"), 1);

  ev1::LodgeObjectionRequest lodge;
  lodge.set_request_id("crash-lodge");
  lodge.set_session_id(session.id());
  lodge.set_nomination_id(nominee.id());
  lodge.set_reasons("Thành tích kê khai chưa được xác minh tại cơ sở");
  auto lodged =
      CrashThenRetry(Role::kSupervisor, *client.decisions, &ev1::DecisionService::Stub::LodgeObjection, lodge);
  EXPECT_EQ(lodged[1].id(), lodged[0].id());
  ev1::ListObjectionsRequest list;
  list.set_session_id(session.id());
  ev1::ListObjectionsResponse objections;
  auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
  ASSERT_TRUE(client.decisions->ListObjections(ctx.get(), list, &objections).ok());
  ASSERT_EQ(objections.objections_size(), 1) << "the objection and its list entry once";
  EXPECT_EQ(HistoryCount(nominee.id(), "objection_lodged"), 1);

  ev1::ResolveObjectionRequest resolve;
  resolve.set_request_id("crash-resolve");
  resolve.set_objection_id(lodged[0].id());
  resolve.set_resolution("Đoàn kiểm tra đã xác minh, thành tích đúng thực tế");
  auto resolved =
      CrashThenRetry(Role::kOfficer, *client.decisions, &ev1::DecisionService::Stub::ResolveObjection, resolve);
  EXPECT_EQ(resolved[1].status(), ev1::DISMISSED) << "not refused as already resolved";
  EXPECT_EQ(HistoryCount(nominee.id(), "objection_resolved"), 1);
}

TEST_F(EvaluationCrashRetry, CriteriaRulesAndAwardsAnswerTheRetryOnce) {
  ev1::PublishCriteriaSetRequest publish;
  publish.set_request_id("crash-publish-criteria");
  ev1::CriteriaSet* set = publish.mutable_set();
  set->set_agency_id(kKhanhHoa);
  set->set_title("Tiêu chí điển hình tiên tiến tỉnh Khánh Hòa");
  set->set_legal_source("Kế hoạch thi đua của UBND tỉnh (thử nghiệm)");
  auto* c = set->add_criteria();
  c->set_code("kh-1");
  c->set_text("Hoàn thành xuất sắc nhiệm vụ");
  c->set_weight(100);
  auto published =
      CrashThenRetry(Role::kOfficer, *client.criteria, &ev1::CriteriaService::Stub::PublishCriteriaSet, publish);
  EXPECT_EQ(published[1].version(), 1) << "not refused as published meanwhile";

  auto rule_count = [&] {
    ev1::ListEligibilityRulesRequest r;
    r.set_agency_id(kKhanhHoa);
    ev1::ListEligibilityRulesResponse out;
    auto ctx = server.Context(Role::kOfficer, kKhanhHoa);
    EXPECT_TRUE(client.criteria->ListEligibilityRules(ctx.get(), r, &out).ok());
    return out.rules_size();
  };
  const int rules_before = rule_count();
  ev1::PutEligibilityRuleRequest put;
  put.set_request_id("crash-put-rule");
  ev1::EligibilityRule* rule = put.mutable_rule();
  rule->set_agency_id(kKhanhHoa);
  rule->set_kind(ev1::RECOGNISED_INITIATIVE);
  rule->set_title_code("chien-si-thi-dua-co-so");
  rule->set_legal_source("Luật Thi đua, khen thưởng 2022, Điều 23");
  auto rules = CrashThenRetry(Role::kOfficer, *client.criteria, &ev1::CriteriaService::Stub::PutEligibilityRule, put);
  EXPECT_EQ(rules[1].id(), rules[0].id());
  EXPECT_EQ(rule_count(), rules_before + 1) << "one new rule, not two";

  auto nominee = client.Submitted("Trịnh Văn Long");
  ev1::RecordAwardRequest award;
  award.set_request_id("crash-record-award");
  award.set_nomination_id(nominee.id());
  award.mutable_award()->set_title_code("chien-si-thi-dua-co-so");
  award.mutable_award()->set_year(2024);
  award.mutable_award()->set_decision_number("88/QĐ-UBND");
  CrashThenRetry(Role::kOfficer, *client.criteria, &ev1::CriteriaService::Stub::RecordAward, award);
}

}  // namespace
}  // namespace tdkt::testing
