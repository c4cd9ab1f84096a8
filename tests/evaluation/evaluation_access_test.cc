// Who may call what in the evaluation service: every RPC of CriteriaService,
// CouncilService, SessionService and DecisionService against every role,
// from inside Khánh Hòa, from Hà Nội, and without a valid token. Real
// nomination and evaluation servers on loopback, the test Redis.
//
// "Allowed" means the call succeeds: every case is prepared so that the
// allowed roles get OK, and the others PERMISSION_DENIED.
#include <functional>
#include <set>


#include <gtest/gtest.h>

#include "tests/evaluation/evaluation_fixtures.h"
#include "tests/support/access_checks.h"

namespace tdkt::testing {
namespace {

// The member of the council who calls the member-only RPCs (Members(3, ...):
// m1 chairs, m2 is the council's secretary, m3 an ordinary member).
constexpr const char* kMember = "m3";

struct Rpc {
  std::string name;
  std::set<Role> allowed;
  // Prepares fresh target data (as staff of Khánh Hòa) and returns the call
  // to make with the context under test.
  std::function<Call()> prepare;
  // Called with the subject of a council member (kMember) rather than a
  // subject of nobody on the council: the RPC is for members only.
  bool as_member = false;
  // False for RPCs that check no agency at all (criteria sets are read by
  // anyone; a receipt is checked by whoever holds its secret).
  bool within_subtree_only = true;
};

const std::set<Role>& kEveryRole = EveryRole();
const std::set<Role> kStaff{Role::kOfficer, Role::kCouncilSecretary, Role::kAdmin};
const std::set<Role> kOfficerOrAdmin{Role::kOfficer, Role::kAdmin};
const std::set<Role> kMembers{Role::kCouncilMember, Role::kCouncilSecretary};
const std::set<Role> kObjectors{Role::kSupervisor, Role::kInspector};

std::set<Role> Readers() {
  std::set<Role> out = kEveryRole;
  out.erase(Role::kMediaEditor);
  return out;
}

class EvaluationAccessTest : public ::testing::Test {
 protected:
  EvaluationServer server;
  EvaluationClient client{server};
  int counter = 0;

  ev1::Council council;
  // An empty SCHEDULED session to add nominees to.
  ev1::Session agenda_session;
  // A CLOSED session: `kept` passed (3 of 3 agree) and is undecided;
  // `returned` was decided (RETURN).
  ev1::Session closed;
  nv1::Nomination kept, returned;
  ev1::BallotReceipt receipt;  // m1's ballot on `kept`.
  ev1::Decision ignored_decision;
  const std::string movement = "mov-56-access";  // A published criteria set of Khánh Hòa.

  void SetUp() override {
    council = client.Council(kKhanhHoa, Members(3, kKhanhHoa));
    agenda_session = client.Session(council, {});
    kept = Nominee();
    returned = Nominee();
    closed = client.Session(council, {kept, returned});
    ASSERT_TRUE(client.Open(closed, {"m1", "m2", "m3"}).ok());
    ASSERT_TRUE(client.Cast(closed, kept.id(), "m1", ev1::AGREE, &receipt).ok());
    ASSERT_TRUE(client.Cast(closed, kept.id(), "m2", ev1::AGREE).ok());
    ASSERT_TRUE(client.Cast(closed, kept.id(), "m3", ev1::AGREE).ok());
    ASSERT_TRUE(client.Close(closed).ok());
    ASSERT_TRUE(client.decisions->Decide(Officer().get(), ReturnOf(closed, returned), &ignored_decision).ok());
    ev1::CriteriaSet set;
    ASSERT_TRUE(client.criteria->PublishCriteriaSet(Officer().get(), CriteriaSetOf(kKhanhHoa, movement), &set).ok());
  }

  std::unique_ptr<grpc::ClientContext> Officer() { return server.Context(Role::kOfficer, kKhanhHoa); }

  nv1::Nomination Nominee() { return client.Submitted("Ứng viên số " + std::to_string(++counter)); }
  // A SCHEDULED session with one fresh nominee.
  ev1::Session Scheduled() { return client.Session(council, {Nominee()}); }
  // An IN_PROGRESS session with one fresh nominee, every member present.
  ev1::Session Opened() {
    ev1::Session s = Scheduled();
    EXPECT_TRUE(client.Open(s, {"m1", "m2", "m3"}, &s).ok());
    return s;
  }
  // A CLOSED session with one fresh nominee, who passed (3 of 3 agree) or
  // got no ballot at all.
  ev1::Session Closed(bool passed) {
    ev1::Session s = Opened();
    if (passed) {
      for (const char* m : {"m1", "m2", "m3"}) EXPECT_TRUE(client.Cast(s, s.agenda(0).nomination_id(), m, ev1::AGREE).ok());
    }
    EXPECT_TRUE(client.Close(s, &s).ok());
    return s;
  }

  static ev1::DecideRequest ReturnOf(const ev1::Session& s, const nv1::Nomination& n) {
    ev1::DecideRequest r;
    r.set_request_id(NextRequestId());
    r.mutable_decision()->set_session_id(s.id());
    r.mutable_decision()->set_nomination_id(n.id());
    r.mutable_decision()->set_outcome(ev1::RETURN);
    r.mutable_decision()->set_reason("Hồ sơ chưa đủ minh chứng");
    return r;
  }

  static ev1::PublishCriteriaSetRequest CriteriaSetOf(const std::string& agency, const std::string& movement_id) {
    ev1::PublishCriteriaSetRequest r;
    r.set_request_id(NextRequestId());
    ev1::CriteriaSet* set = r.mutable_set();
    set->set_agency_id(agency);
    set->set_movement_id(movement_id);
    set->set_title("Tiêu chí phong trào thi đua (thử nghiệm)");
    set->set_legal_source("Kế hoạch thi đua (thử nghiệm)");
    auto* c = set->add_criteria();
    c->set_code("pt-1");
    c->set_text("Hoàn thành xuất sắc nhiệm vụ");
    c->set_weight(100);
    return r;
  }

  static ev1::PutEligibilityRuleRequest RuleOf(const std::string& agency) {
    ev1::PutEligibilityRuleRequest r;
    r.set_request_id(NextRequestId());
    r.mutable_rule()->set_agency_id(agency);
    r.mutable_rule()->set_kind(ev1::RECOGNISED_INITIATIVE);
    r.mutable_rule()->set_title_code("anh-hung-lao-dong");  // No session here considers it.
    r.mutable_rule()->set_legal_source("Luật Thi đua, khen thưởng 2022 (thử nghiệm)");
    return r;
  }

  ev1::CreateCouncilRequest CouncilOf(const std::string& agency) {
    ev1::CreateCouncilRequest r;
    r.set_request_id(NextRequestId());
    ev1::Council* c = r.mutable_council();
    c->set_agency_id(agency);
    c->set_name("Hội đồng Thi đua - Khen thưởng số " + std::to_string(++counter));
    for (const auto& m : Members(3, kKhanhHoa)) *c->add_members() = m;
    c->set_term_start("2020-01-01");
    c->set_term_end("2099-12-31");
    return r;
  }

  std::vector<Rpc> Rpcs() {
    const std::set<Role> readers = Readers();
    std::vector<Rpc> rpcs;

    // CriteriaService.
    rpcs.push_back({"PublishCriteriaSet", kOfficerOrAdmin, [this] {
      auto r = CriteriaSetOf(kKhanhHoa, "mov-56-" + std::to_string(++counter));
      return [this, r](grpc::ClientContext* c) {
        ev1::CriteriaSet out;
        return client.criteria->PublishCriteriaSet(c, r, &out);
      };
    }});
    rpcs.push_back({"GetCriteriaSet", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::GetCriteriaSetRequest r;
        r.set_agency_id(kKhanhHoa);
        r.set_movement_id(movement);
        ev1::CriteriaSet out;
        return client.criteria->GetCriteriaSet(c, r, &out);
      };
    }, false, false});
    rpcs.push_back({"ListCriteriaVersions", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListCriteriaVersionsRequest r;
        r.set_agency_id(kKhanhHoa);
        r.set_movement_id(movement);
        ev1::ListCriteriaVersionsResponse out;
        return client.criteria->ListCriteriaVersions(c, r, &out);
      };
    }, false, false});
    rpcs.push_back({"ResolveCriteria", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ResolveCriteriaRequest r;
        r.set_nomination_id(kept.id());
        ev1::ResolvedCriteria out;
        return client.criteria->ResolveCriteria(c, r, &out);
      };
    }});
    rpcs.push_back({"PutEligibilityRule", kOfficerOrAdmin, [this] {
      auto r = RuleOf(kKhanhHoa);
      return [this, r](grpc::ClientContext* c) {
        ev1::EligibilityRule out;
        return client.criteria->PutEligibilityRule(c, r, &out);
      };
    }});
    rpcs.push_back({"ListEligibilityRules", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListEligibilityRulesRequest r;
        r.set_agency_id(kKhanhHoa);
        ev1::ListEligibilityRulesResponse out;
        return client.criteria->ListEligibilityRules(c, r, &out);
      };
    }});
    rpcs.push_back({"CheckEligibility", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::CheckEligibilityRequest r;
        r.set_nomination_id(kept.id());
        r.set_title_code("chien-si-thi-dua-co-so");
        r.set_year(2026);
        ev1::EligibilityReport out;
        return client.criteria->CheckEligibility(c, r, &out);
      };
    }});
    rpcs.push_back({"RecordAward", kOfficerOrAdmin, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::RecordAwardRequest r;
        r.set_request_id(NextRequestId());
        r.set_nomination_id(kept.id());
        r.mutable_award()->set_title_code("chien-si-thi-dua-co-so");
        r.mutable_award()->set_year(2020);
        r.mutable_award()->set_decision_number("12/QĐ-UBND");
        ev1::AwardRecord out;
        return client.criteria->RecordAward(c, r, &out);
      };
    }});
    rpcs.push_back({"SetHeadcount", kOfficerOrAdmin, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::SetHeadcountRequest r;
        r.set_agency_id(kBacNhaTrang);
        r.set_year(2026);
        r.set_headcount(20);
        ev1::Headcount out;
        return client.criteria->SetHeadcount(c, r, &out);
      };
    }});

    // CouncilService.
    rpcs.push_back({"CreateCouncil", kOfficerOrAdmin, [this] {
      auto r = CouncilOf(kKhanhHoa);
      return [this, r](grpc::ClientContext* c) {
        ev1::Council out;
        return client.councils->CreateCouncil(c, r, &out);
      };
    }});
    rpcs.push_back({"UpdateCouncil", kOfficerOrAdmin, [this] {
      ev1::Council created;
      EXPECT_TRUE(client.councils->CreateCouncil(Officer().get(), CouncilOf(kKhanhHoa), &created).ok());
      return [this, created](grpc::ClientContext* c) {
        ev1::UpdateCouncilRequest r;
        r.set_request_id(NextRequestId());
        *r.mutable_council() = created;
        r.mutable_council()->set_name(created.name() + " (sửa đổi)");
        r.set_expected_version(created.version());
        ev1::Council out;
        return client.councils->UpdateCouncil(c, r, &out);
      };
    }});
    rpcs.push_back({"GetCouncil", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::GetCouncilRequest r;
        r.set_id(council.id());
        ev1::Council out;
        return client.councils->GetCouncil(c, r, &out);
      };
    }});
    rpcs.push_back({"ListCouncils", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListCouncilsRequest r;
        r.set_agency_id(kKhanhHoa);
        ev1::ListCouncilsResponse out;
        return client.councils->ListCouncils(c, r, &out);
      };
    }});

    // SessionService.
    rpcs.push_back({"CreateSession", kStaff, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::CreateSessionRequest r;
        r.set_request_id(NextRequestId());
        r.set_council_id(council.id());
        r.set_title("Phiên bình xét bổ sung");
        r.mutable_written_vote_deadline()->set_seconds(server.clock().NowSeconds() + 3600);
        ev1::Session out;
        return client.sessions->CreateSession(c, r, &out);
      };
    }});
    rpcs.push_back({"AddAgendaItem", kStaff, [this] {
      auto n = Nominee();
      return [this, n](grpc::ClientContext* c) {
        ev1::AddAgendaItemRequest r;
        r.set_request_id(NextRequestId());
        r.set_session_id(agenda_session.id());
        r.set_nomination_id(n.id());
        r.set_title_code("chien-si-thi-dua-co-so");
        r.set_title_name("Chiến sĩ thi đua cơ sở");
        ev1::Session out;
        return client.sessions->AddAgendaItem(c, r, &out);
      };
    }});
    rpcs.push_back({"OpenSession", kStaff, [this] {
      auto s = Scheduled();
      return [this, s](grpc::ClientContext* c) {
        ev1::OpenSessionRequest r;
        r.set_session_id(s.id());
        for (const char* m : {"m1", "m2", "m3"}) r.add_present(m);
        ev1::Session out;
        return client.sessions->OpenSession(c, r, &out);
      };
    }});
    rpcs.push_back({"DeclareConflict", kMembers, [this] {
      auto s = Scheduled();
      return [this, s](grpc::ClientContext* c) {
        ev1::DeclareConflictRequest r;
        r.set_session_id(s.id());
        r.set_nomination_id(s.agenda(0).nomination_id());
        r.set_note("Người được đề nghị là người thân của tôi");
        ev1::Session out;
        return client.sessions->DeclareConflict(c, r, &out);
      };
    }, true});
    rpcs.push_back({"ScoreNominee", kMembers, [this] {
      auto s = Opened();
      return [this, s](grpc::ClientContext* c) {
        ev1::ScoreNomineeRequest r;
        r.set_session_id(s.id());
        r.set_nomination_id(s.agenda(0).nomination_id());
        for (const auto& code : s.agenda(0).criteria_codes()) {
          auto* score = r.add_scores();
          score->set_code(code);
          score->set_score(7);
        }
        ev1::ScoreSheetAck out;
        return client.sessions->ScoreNominee(c, r, &out);
      };
    }, true});
    rpcs.push_back({"CastBallot", kMembers, [this] {
      auto s = Opened();
      return [this, s](grpc::ClientContext* c) {
        ev1::CastBallotRequest r;
        r.set_session_id(s.id());
        r.set_nomination_id(s.agenda(0).nomination_id());
        r.set_choice(ev1::AGREE);
        ev1::BallotReceipt out;
        return client.sessions->CastBallot(c, r, &out);
      };
    }, true});
    rpcs.push_back({"CloseSession", kStaff, [this] {
      auto s = Opened();
      return [this, s](grpc::ClientContext* c) {
        ev1::CloseSessionRequest r;
        r.set_session_id(s.id());
        ev1::Session out;
        return client.sessions->CloseSession(c, r, &out);
      };
    }});
    rpcs.push_back({"GetSession", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::GetSessionRequest r;
        r.set_id(closed.id());
        ev1::Session out;
        return client.sessions->GetSession(c, r, &out);
      };
    }});
    rpcs.push_back({"ListSessions", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListSessionsRequest r;
        r.set_council_id(council.id());
        ev1::ListSessionsResponse out;
        return client.sessions->ListSessions(c, r, &out);
      };
    }});
    rpcs.push_back({"GetResults", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::GetResultsRequest r;
        r.set_session_id(closed.id());
        ev1::SessionResults out;
        return client.sessions->GetResults(c, r, &out);
      };
    }});
    rpcs.push_back({"ListBallots", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListBallotsRequest r;
        r.set_session_id(closed.id());
        r.set_nomination_id(kept.id());
        ev1::ListBallotsResponse out;
        return client.sessions->ListBallots(c, r, &out);
      };
    }});
    rpcs.push_back({"VerifyReceipt", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::VerifyReceiptRequest r;
        r.set_session_id(closed.id());
        r.set_nomination_id(kept.id());
        r.set_secret(receipt.secret());
        ev1::VerifyReceiptResponse out;
        grpc::Status st = client.sessions->VerifyReceipt(c, r, &out);
        EXPECT_TRUE(!st.ok() || out.counted());
        return st;
      };
    }, false, false});
    rpcs.push_back({"GetMinutes", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::GetMinutesRequest r;
        r.set_session_id(closed.id());
        ev1::Minutes out;
        return client.sessions->GetMinutes(c, r, &out);
      };
    }});

    // DecisionService.
    rpcs.push_back({"Appraise", kOfficerOrAdmin, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::AppraiseRequest r;
        r.set_request_id(NextRequestId());
        ev1::Appraisal* a = r.mutable_appraisal();
        a->set_session_id(closed.id());
        a->set_nomination_id(kept.id());
        auto* item = a->add_checklist();
        item->set_text("Hồ sơ đủ thành phần theo quy định");
        item->set_satisfied(true);
        a->set_result(ev1::APPRAISAL_PASSED);
        ev1::Appraisal out;
        return client.decisions->Appraise(c, r, &out);
      };
    }});
    rpcs.push_back({"Decide", kOfficerOrAdmin, [this] {
      auto s = Closed(false);
      nv1::Nomination n;
      n.set_id(s.agenda(0).nomination_id());
      auto r = ReturnOf(s, n);
      return [this, r](grpc::ClientContext* c) {
        ev1::Decision out;
        return client.decisions->Decide(c, r, &out);
      };
    }});
    rpcs.push_back({"GetDecision", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::GetDecisionRequest r;
        r.set_session_id(closed.id());
        r.set_nomination_id(returned.id());
        ev1::Decision out;
        return client.decisions->GetDecision(c, r, &out);
      };
    }});
    rpcs.push_back({"PublishDisclosure", kStaff, [this] {
      auto s = Closed(true);
      return [this, s](grpc::ClientContext* c) {
        ev1::PublishDisclosureRequest r;
        r.set_request_id(NextRequestId());
        r.set_session_id(s.id());
        ev1::Disclosure out;
        return client.decisions->PublishDisclosure(c, r, &out);
      };
    }});
    rpcs.push_back({"ListDisclosures", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListDisclosuresRequest r;
        r.set_agency_id(kKhanhHoa);
        ev1::ListDisclosuresResponse out;
        return client.decisions->ListDisclosures(c, r, &out);
      };
    }});
    rpcs.push_back({"LodgeObjection", kObjectors, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::LodgeObjectionRequest r;
        r.set_request_id(NextRequestId());
        r.set_session_id(closed.id());
        r.set_nomination_id(kept.id());
        r.set_reasons("Thành tích kê khai chưa được xác minh tại cơ sở");
        ev1::Objection out;
        return client.decisions->LodgeObjection(c, r, &out);
      };
    }});
    rpcs.push_back({"ResolveObjection", kOfficerOrAdmin, [this] {
      ev1::LodgeObjectionRequest lodge;
      lodge.set_request_id(NextRequestId());
      lodge.set_session_id(closed.id());
      lodge.set_nomination_id(kept.id());
      lodge.set_reasons("Đơn phản ánh của người dân");
      ev1::Objection objection;
      EXPECT_TRUE(client.decisions->LodgeObjection(server.Context(Role::kSupervisor, kKhanhHoa).get(), lodge,
                                                   &objection).ok());
      return [this, objection](grpc::ClientContext* c) {
        ev1::ResolveObjectionRequest r;
        r.set_request_id(NextRequestId());
        r.set_objection_id(objection.id());
        r.set_upheld(false);
        r.set_resolution("Đã xác minh, thành tích đúng thực tế");
        ev1::Objection out;
        return client.decisions->ResolveObjection(c, r, &out);
      };
    }});
    rpcs.push_back({"ListObjections", readers, [this] {
      return [this](grpc::ClientContext* c) {
        ev1::ListObjectionsRequest r;
        r.set_session_id(closed.id());
        ev1::ListObjectionsResponse out;
        return client.decisions->ListObjections(c, r, &out);
      };
    }});
    return rpcs;
  }
};

std::string Describe(const Rpc& rpc, Role role, const std::string& where, const grpc::Status& st) {
  return rpc.name + " as " + RoleName(role) + (rpc.as_member ? " (council member m3)" : "") + " of " + where + ": " +
         std::to_string(st.error_code()) + " " + st.error_message();
}

TEST_F(EvaluationAccessTest, RolesInsideTheSubtree) {
  for (auto& rpc : Rpcs()) {
    for (Role role : AllRoles()) {
      Call call = rpc.prepare();
      grpc::Status st = call(server.Context(role, kKhanhHoa, rpc.as_member ? kMember : "").get());
      if (rpc.allowed.count(role)) {
        EXPECT_TRUE(st.ok()) << Describe(rpc, role, kKhanhHoa, st);
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(rpc, role, kKhanhHoa, st);
      }
    }
  }
}

TEST_F(EvaluationAccessTest, AllowedRolesOfAnotherProvinceAreDenied) {
  for (auto& rpc : Rpcs()) {
    for (Role role : rpc.allowed) {
      Call call = rpc.prepare();
      // Member-only RPCs are called with the member's own login: the login
      // alone must not open a Khánh Hòa session to a caller of Hà Nội.
      grpc::Status st = call(server.Context(role, kHaNoi, rpc.as_member ? kMember : "").get());
      if (rpc.within_subtree_only) {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(rpc, role, kHaNoi, st);
      } else {
        EXPECT_TRUE(st.ok()) << Describe(rpc, role, kHaNoi, st);
      }
    }
  }
}

TEST_F(EvaluationAccessTest, CouncilRolesWhoAreNotOnTheCouncilMayNotScoreVoteOrDeclare) {
  for (auto& rpc : Rpcs()) {
    if (!rpc.as_member) continue;
    for (Role role : kMembers) {
      Call call = rpc.prepare();
      grpc::Status st = call(server.Context(role, kKhanhHoa, "thanh-vien-hoi-dong-khac").get());
      EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(rpc, role, kKhanhHoa, st);
      EXPECT_NE(st.error_message().find("not a member"), std::string::npos) << st.error_message();
    }
  }
}

TEST_F(EvaluationAccessTest, MembersActingForAUnitBelowTheCouncilsAgencyMayScoreVoteAndDeclare) {
  // A member signs in for their own ward, which lies below the province
  // whose council it is; the ward's subtree does not contain the province.
  for (auto& rpc : Rpcs()) {
    if (!rpc.as_member) continue;
    for (Role role : kMembers) {
      Call call = rpc.prepare();
      grpc::Status st = call(server.Context(role, kBacNhaTrang, kMember).get());
      EXPECT_TRUE(st.ok()) << Describe(rpc, role, kBacNhaTrang, st);
    }
  }
}

TEST_F(EvaluationAccessTest, NationalCriteriaAndRulesOnlyByTheCentralAdministrator) {
  int n = 0;
  auto publish = [&](Role role, const std::string& agency) {
    ev1::CriteriaSet out;
    return client.criteria->PublishCriteriaSet(server.Context(role, agency).get(),
                                               CriteriaSetOf("", "mov-tw-" + std::to_string(++n)), &out);
  };
  auto put = [&](Role role, const std::string& agency) {
    ev1::EligibilityRule out;
    return client.criteria->PutEligibilityRule(server.Context(role, agency).get(), RuleOf(""), &out);
  };
  for (Role role : AllRoles()) {
    grpc::Status published = publish(role, "TW");
    grpc::Status ruled = put(role, "TW");
    if (role == Role::kAdmin) {
      EXPECT_TRUE(published.ok()) << published.error_message();
      EXPECT_TRUE(ruled.ok()) << ruled.error_message();
    } else {
      EXPECT_EQ(published.error_code(), grpc::StatusCode::PERMISSION_DENIED) << RoleName(role);
      EXPECT_EQ(ruled.error_code(), grpc::StatusCode::PERMISSION_DENIED) << RoleName(role);
    }
  }
  // The administrator of a province is not the central board.
  for (const char* agency : {kKhanhHoa, kHaNoi, kBacNhaTrang}) {
    grpc::Status published = publish(Role::kAdmin, agency);
    EXPECT_EQ(published.error_code(), grpc::StatusCode::PERMISSION_DENIED) << agency;
    EXPECT_NE(published.error_message().find("central node"), std::string::npos) << published.error_message();
    grpc::Status ruled = put(Role::kAdmin, agency);
    EXPECT_EQ(ruled.error_code(), grpc::StatusCode::PERMISSION_DENIED) << agency;
  }
}

TEST_F(EvaluationAccessTest, MissingOrBadTokensAreUnauthenticated) {
  for (auto& rpc : Rpcs()) {
    Call call = rpc.prepare();
    for (const std::string& header : BadAuthorizationHeaders()) {
      grpc::Status st = call(WithAuthorization(header).get());
      EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << rpc.name << " with '" << header << "': " << st.error_message();
    }
  }
}

TEST_F(EvaluationAccessTest, TheMatrixListsEveryRpc) {
  std::set<std::string> listed;
  for (auto& rpc : Rpcs()) listed.insert(rpc.name);
  ExpectEveryMethodListed(listed, {"tdkt.evaluation.v1.CriteriaService", "tdkt.evaluation.v1.CouncilService",
                                   "tdkt.evaluation.v1.SessionService", "tdkt.evaluation.v1.DecisionService"});
}

}  // namespace
}  // namespace tdkt::testing
