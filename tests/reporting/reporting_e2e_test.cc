// The reporting service end to end: a nomination server and a reporting
// server on loopback over the test Redis; records created through the API,
// the report built from them, activities, quotas, versions, exports and a
// table of bad input that must change nothing.
#include <functional>

#include <gtest/gtest.h>

#include "common/vn_time.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"
#include "tests/support/nomination_fixtures.h"
#include "tests/support/reporting_server.h"

namespace tdkt::testing {
namespace {

namespace rv1 = ::tdkt::reporting::v1;

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const rv1::Count* Find(const google::protobuf::RepeatedPtrField<rv1::Count>& counts, const std::string& key) {
  for (const auto& c : counts)
    if (c.key() == key) return &c;
  return nullptr;
}

int64_t CountOf(const google::protobuf::RepeatedPtrField<rv1::Count>& counts, const std::string& key) {
  const rv1::Count* c = Find(counts, key);
  return c ? c->count() : 0;
}

class ReportingE2eTest : public ::testing::Test {
 protected:
  NominationServer nomination;
  ReportingServer reporting{ReportingOptions(nomination, "56")};
  std::unique_ptr<rv1::ReportService::Stub> reports = rv1::ReportService::NewStub(reporting.channel());
  std::unique_ptr<rv1::ActivityService::Stub> activities = rv1::ActivityService::NewStub(reporting.channel());
  std::unique_ptr<rv1::QuotaService::Stub> quotas = rv1::QuotaService::NewStub(reporting.channel());
  std::unique_ptr<nv1::NominationService::Stub> noms = nv1::NominationService::NewStub(nomination.channel());
  const int year = VietnamYear(Now());
  const std::string today = FormatVietnamTime(Now(), "%Y-%m-%d");

  void SetUp() override {
    // Four candidates of Khánh Hòa, one recognised by its council (node identity).
    CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Nguyễn Thị Huệ", kBacNhaTrang, "health"));
    auto b = CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Trần Văn Bình", kBacNhaTrang, "health"));
    MoveTo(nomination, Role::kOfficer, kKhanhHoa, b, nv1::FOSTERING);
    CreateAs(nomination, Role::kOfficer, kKhanhHoa,
             Details("Trường Tiểu học Lộc Thọ", kNhaTrang, "education", nv1::COLLECTIVE));
    auto d = CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Lê Thị Lan", kNhaTrang, "health"));
    d = MoveTo(nomination, Role::kOfficer, kKhanhHoa, d, nv1::SUBMITTED);
    nv1::TransitionNominationRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(d.id());
    r.set_expected_version(d.version());
    r.set_to_state(nv1::RECOGNISED);
    r.set_reason("Quyết định của Hội đồng");
    r.mutable_recognition()->set_decision_number("15/QĐ-UBND");
    r.mutable_recognition()->set_decision_date(today);
    r.mutable_recognition()->set_form("Chiến sĩ thi đua cơ sở");
    r.mutable_recognition()->set_title_code("chien-si-thi-dua-co-so");
    nv1::Nomination out;
    auto st = noms->TransitionNomination(nomination.Context(Role::kNode, kNhaTrang).get(), r, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  grpc::Status Build(const std::string& agency, int y, rv1::YearlyReport* out, Role role = Role::kReportingOfficer,
                     const std::string& caller = kKhanhHoa) {
    rv1::BuildReportRequest r;
    r.set_agency_id(agency);
    r.set_year(y);
    return reports->BuildReport(reporting.Context(role, caller).get(), r, out);
  }
};

TEST_F(ReportingE2eTest, BuildsTheYearlyReportFromRecordsCreatedThroughTheApi) {
  rv1::YearlyReport report;
  auto st = Build(kKhanhHoa, year, &report);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(report.agency_name(), "Tỉnh Khánh Hòa");
  EXPECT_EQ(report.exemplars(), 4);
  EXPECT_EQ(CountOf(report.by_state(), "DISCOVERED"), 2);
  EXPECT_EQ(CountOf(report.by_state(), "FOSTERING"), 1);
  EXPECT_EQ(CountOf(report.by_state(), "RECOGNISED"), 1);
  EXPECT_EQ(CountOf(report.by_field(), "health"), 3);
  EXPECT_EQ(CountOf(report.by_field(), "education"), 1);
  EXPECT_EQ(CountOf(report.by_kind(), "INDIVIDUAL"), 3);
  EXPECT_EQ(CountOf(report.by_kind(), "COLLECTIVE"), 1);
  EXPECT_EQ(CountOf(report.by_agency(), kBacNhaTrang), 2);
  EXPECT_EQ(CountOf(report.by_agency(), kNhaTrang), 2);
  ASSERT_NE(Find(report.by_agency(), kBacNhaTrang), nullptr);
  EXPECT_EQ(Find(report.by_agency(), kBacNhaTrang)->label(), "Phường Bắc Nha Trang");
  EXPECT_EQ(report.recognitions(), 1);
  EXPECT_EQ(CountOf(report.by_form(), "chien-si-thi-dua-co-so"), 1);
  ASSERT_GE(report.quotas_size(), 3);
  EXPECT_EQ(report.quotas(0).agency_id(), kKhanhHoa);
  EXPECT_EQ(report.quotas(0).target(), 15);
  EXPECT_EQ(report.quotas(0).actual(), 1);
  EXPECT_EQ(report.quotas(0).gap(), 14);
  for (const auto& q : report.quotas()) {
    if (q.agency_id() == kNhaTrang) {
      EXPECT_EQ(q.target(), 2);
      EXPECT_EQ(q.actual(), 1);
      EXPECT_EQ(q.gap(), 1);
    }
  }
  EXPECT_FALSE(report.media().available());
  EXPECT_FALSE(report.media().note().empty());

  // A ward's report holds only its own records; last year holds nothing.
  rv1::YearlyReport ward;
  ASSERT_TRUE(Build(kBacNhaTrang, year, &ward).ok());
  EXPECT_EQ(ward.exemplars(), 2);
  rv1::YearlyReport last;
  ASSERT_TRUE(Build(kKhanhHoa, year - 1, &last).ok());
  EXPECT_EQ(last.exemplars(), 0);
}

TEST_F(ReportingE2eTest, ActivitiesAreRecordedOnceAndCounted) {
  rv1::RecordInspectionRequest ins;
  ins.set_request_id("ins-1");
  ins.mutable_inspection()->set_date(today);
  ins.mutable_inspection()->set_inspected_agency_id(kBacNhaTrang);
  ins.mutable_inspection()->add_team("Trần Văn Kiểm");
  ins.mutable_inspection()->set_findings("Hồ sơ chưa đầy đủ minh chứng");
  ins.mutable_inspection()->set_recommendations("Bổ sung minh chứng");
  rv1::Inspection a, b;
  ASSERT_TRUE(activities->RecordInspection(reporting.Context(Role::kInspector, kKhanhHoa).get(), ins, &a).ok());
  ASSERT_TRUE(activities->RecordInspection(reporting.Context(Role::kInspector, kKhanhHoa).get(), ins, &b).ok());
  EXPECT_EQ(a.id(), b.id());  // The retry recorded nothing new.
  ins.set_request_id("ins-2");
  ins.mutable_inspection()->clear_findings();
  ASSERT_TRUE(activities->RecordInspection(reporting.Context(Role::kInspector, kKhanhHoa).get(), ins, &b).ok());
  EXPECT_NE(a.id(), b.id());

  rv1::RecordTrainingRequest tr;
  tr.set_request_id("tr-1");
  tr.mutable_training()->set_date(today);
  tr.mutable_training()->set_title("Tập huấn nghiệp vụ thi đua, khen thưởng");
  tr.mutable_training()->set_audience(rv1::COMMENDATION_STAFF);
  tr.mutable_training()->set_participants(40);
  rv1::Training t;
  ASSERT_TRUE(activities->RecordTraining(reporting.Context(Role::kOfficer, kKhanhHoa).get(), tr, &t).ok());
  tr.set_request_id("tr-2");
  tr.mutable_training()->set_audience(rv1::MEDIA_STAFF);
  tr.mutable_training()->set_participants(12);
  ASSERT_TRUE(activities->RecordTraining(reporting.Context(Role::kOfficer, kKhanhHoa).get(), tr, &t).ok());

  rv1::RecordBudgetRequest bu;
  bu.set_request_id("bu-1");
  bu.mutable_budget()->set_year(year);
  bu.mutable_budget()->set_planned(500000000);
  bu.mutable_budget()->set_spent(320000000);
  bu.mutable_budget()->set_purpose("Khen thưởng điển hình tiên tiến");
  rv1::Budget budget;
  ASSERT_TRUE(activities->RecordBudget(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), bu, &budget).ok());

  // An inspector may not record budgets.
  bu.set_request_id("bu-2");
  EXPECT_EQ(activities->RecordBudget(reporting.Context(Role::kInspector, kKhanhHoa).get(), bu, &budget).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // Paging: one a page.
  rv1::ListActivitiesRequest list;
  list.set_page_size(1);
  rv1::ListInspectionsResponse page;
  ASSERT_TRUE(activities->ListInspections(reporting.Context(Role::kOfficer, kKhanhHoa).get(), list, &page).ok());
  ASSERT_EQ(page.inspections_size(), 1);
  EXPECT_EQ(page.inspections(0).id(), a.id());
  ASSERT_FALSE(page.next_page_token().empty());
  list.set_page_token(page.next_page_token());
  ASSERT_TRUE(activities->ListInspections(reporting.Context(Role::kOfficer, kKhanhHoa).get(), list, &page).ok());
  ASSERT_EQ(page.inspections_size(), 1);
  EXPECT_EQ(page.inspections(0).id(), b.id());
  EXPECT_TRUE(page.next_page_token().empty());

  rv1::YearlyReport report;
  ASSERT_TRUE(Build(kKhanhHoa, year, &report).ok());
  EXPECT_EQ(report.inspections().inspections(), 2);
  EXPECT_EQ(report.inspections().with_findings(), 1);
  EXPECT_EQ(report.trainings().trainings(), 2);
  EXPECT_EQ(report.trainings().participants(), 52);
  EXPECT_EQ(report.trainings().commendation_staff_participants(), 40);
  EXPECT_EQ(report.trainings().media_staff_participants(), 12);
  EXPECT_EQ(report.budget().planned(), 500000000);
  EXPECT_EQ(report.budget().spent(), 320000000);
}

TEST_F(ReportingE2eTest, QuotaRulesAreDataPerPlanPeriod) {
  rv1::GetQuotaRulesRequest get;
  get.set_plan_period("2026-2030");
  rv1::QuotaRules rules;
  ASSERT_TRUE(quotas->GetQuotaRules(reporting.Context(Role::kOfficer, kKhanhHoa).get(), get, &rules).ok());
  EXPECT_EQ(rules.version(), 0);  // Built-in defaults.
  for (auto& r : *rules.mutable_rules()) {
    for (const auto& k : r.kinds())
      if (k == "Tỉnh") r.set_exemplars_per_year(20);
  }
  rv1::SetQuotaRulesRequest set;
  set.set_request_id("q-1");
  *set.mutable_rules() = rules;
  rv1::QuotaRules stored;
  EXPECT_EQ(quotas->SetQuotaRules(reporting.Context(Role::kOfficer, kKhanhHoa).get(), set, &stored).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(quotas->SetQuotaRules(reporting.Context(Role::kAdmin, kKhanhHoa).get(), set, &stored).ok());
  EXPECT_EQ(stored.version(), 1);
  if (reporting::PlanPeriodOf(year) == "2026-2030") {
    rv1::YearlyReport report;
    ASSERT_TRUE(Build(kKhanhHoa, year, &report).ok());
    EXPECT_EQ(report.quotas(0).target(), 20);
    EXPECT_EQ(report.quotas(0).gap(), 19);
  }
}

TEST_F(ReportingE2eTest, SubmittedVersionsAreFrozenAndIdempotent) {
  rv1::SubmitReportRequest s;
  s.set_request_id("sub-1");
  s.set_year(year);
  rv1::ReportVersion v1, again, v2;
  ASSERT_TRUE(reports->SubmitReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), s, &v1).ok());
  EXPECT_EQ(v1.version(), 1);
  EXPECT_EQ(v1.report().exemplars(), 4);
  ASSERT_TRUE(reports->SubmitReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), s, &again).ok());
  EXPECT_EQ(again.version(), 1);
  CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Phạm Văn Mới", kNhaTrang, "education"));
  s.set_request_id("sub-2");
  ASSERT_TRUE(reports->SubmitReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), s, &v2).ok());
  EXPECT_EQ(v2.version(), 2);
  EXPECT_EQ(v2.report().exemplars(), 5);

  rv1::GetReportRequest g;
  g.set_year(year);
  g.set_agency_id(kKhanhHoa);
  rv1::ReportVersion got;
  ASSERT_TRUE(reports->GetReport(reporting.Context(Role::kOfficer, kKhanhHoa).get(), g, &got).ok());
  EXPECT_EQ(got.version(), 2);
  g.set_version(1);
  ASSERT_TRUE(reports->GetReport(reporting.Context(Role::kOfficer, kKhanhHoa).get(), g, &got).ok());
  EXPECT_EQ(got.report().exemplars(), 4);  // Frozen.
  rv1::ListReportVersionsRequest l;
  l.set_agency_id(kKhanhHoa);
  l.set_year(year);
  rv1::ListReportVersionsResponse versions;
  ASSERT_TRUE(reports->ListReportVersions(reporting.Context(Role::kOfficer, kKhanhHoa).get(), l, &versions).ok());
  ASSERT_EQ(versions.versions_size(), 2);
  EXPECT_EQ(versions.versions(0).version(), 1);

  // No parent configured: nothing queued upward.
  auto len = reporting.node().redis().Command({"XLEN", reporting::kUplinkStream});
  ASSERT_TRUE(len.ok());
  EXPECT_EQ(len->integer, 0);
  // An officer may not submit; a ward's officer may not submit the province's report.
  s.set_request_id("sub-3");
  EXPECT_EQ(reports->SubmitReport(reporting.Context(Role::kOfficer, kKhanhHoa).get(), s, &v2).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(reports->SubmitReport(reporting.Context(Role::kReportingOfficer, kBacNhaTrang).get(), s, &v2).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ReportingE2eTest, AccessIsLimitedToTheCallersSubtreeAndRoles) {
  rv1::YearlyReport report;
  EXPECT_EQ(Build(kKhanhHoa, year, &report, Role::kReportingOfficer, kBacNhaTrang).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Build(kKhanhHoa, year, &report, Role::kCouncilMember, kKhanhHoa).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Hà Nội is outside this node (Khánh Hòa) even for a central caller.
  EXPECT_EQ(Build(kHaNoi, year, &report, Role::kReportingOfficer, "TW").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(Build(kKhanhHoa, year, &report, Role::kOfficer, kKhanhHoa).ok());
}

TEST_F(ReportingE2eTest, ExportsInThreeFormatsWithRealNames) {
  rv1::ExportReportRequest e;
  e.set_agency_id(kKhanhHoa);
  e.set_year(year);
  rv1::ExportReportResponse out;
  e.set_format(rv1::CSV);
  auto st = reports->ExportReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), e, &out);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(out.file_name(), "bao-cao-56-" + std::to_string(year) + ".csv");
  EXPECT_NE(out.content().find("Phường Bắc Nha Trang"), std::string::npos);
  EXPECT_NE(out.content().find("Chỉ tiêu"), std::string::npos);
  e.set_format(rv1::XLSX);
  ASSERT_TRUE(reports->ExportReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), e, &out).ok());
  EXPECT_EQ(out.content().substr(0, 2), "PK");
  EXPECT_EQ(out.file_name().substr(out.file_name().size() - 5), ".xlsx");
  e.set_format(rv1::HTML);
  e.set_rollup(true);
  ASSERT_TRUE(reports->ExportReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), e, &out).ok());
  EXPECT_NE(out.content().find("Tỉnh Khánh Hòa"), std::string::npos);
  EXPECT_NE(out.content().find("Tình hình nộp báo cáo"), std::string::npos);
  EXPECT_EQ(out.mime_type(), "text/html; charset=utf-8");
}

struct BadCase {
  std::string what;
  std::string field;  // The message starts with "<field>:".
  std::function<grpc::Status()> call;
};

TEST_F(ReportingE2eTest, BadInputNamesTheFieldAndChangesNothing) {
  auto ctx = [&](Role role = Role::kAdmin) { return reporting.Context(role, kKhanhHoa); };
  std::vector<BadCase> cases = {
      {"unknown agency", "agency_id",
       [&] {
         rv1::YearlyReport out;
         return Build("99999", year, &out);
       }},
      {"year out of range", "year",
       [&] {
         rv1::YearlyReport out;
         return Build(kKhanhHoa, 1999, &out);
       }},
      {"bad export format", "format",
       [&] {
         rv1::ExportReportRequest r;
         r.set_year(year);
         rv1::ExportReportResponse out;
         return reports->ExportReport(ctx().get(), r, &out);
       }},
      {"submit without request id", "request_id",
       [&] {
         rv1::SubmitReportRequest r;
         r.set_year(year);
         rv1::ReportVersion out;
         return reports->SubmitReport(ctx().get(), r, &out);
       }},
      {"submit for year 3000", "year",
       [&] {
         rv1::SubmitReportRequest r;
         r.set_request_id("bad-sub");
         r.set_year(3000);
         rv1::ReportVersion out;
         return reports->SubmitReport(ctx().get(), r, &out);
       }},
      {"rollup year 0", "year",
       [&] {
         rv1::GetRollupRequest r;
         rv1::Rollup out;
         return reports->GetRollup(ctx().get(), r, &out);
       }},
      {"inspection without date", "inspection.date",
       [&] {
         rv1::RecordInspectionRequest r;
         r.set_request_id("bad-ins");
         r.mutable_inspection()->set_inspected_agency_id(kBacNhaTrang);
         r.mutable_inspection()->add_team("A");
         rv1::Inspection out;
         return activities->RecordInspection(ctx().get(), r, &out);
       }},
      {"inspection of a unit elsewhere", "inspection.inspected_agency_id",
       [&] {
         rv1::RecordInspectionRequest r;
         r.set_request_id("bad-ins2");
         r.mutable_inspection()->set_date(today);
         r.mutable_inspection()->set_inspected_agency_id(kBaDinh);
         r.mutable_inspection()->add_team("A");
         rv1::Inspection out;
         return activities->RecordInspection(ctx().get(), r, &out);
       }},
      {"training with no participants", "training.participants",
       [&] {
         rv1::RecordTrainingRequest r;
         r.set_request_id("bad-tr");
         r.mutable_training()->set_date(today);
         r.mutable_training()->set_title("Tập huấn");
         r.mutable_training()->set_audience(rv1::MEDIA_STAFF);
         rv1::Training out;
         return activities->RecordTraining(ctx().get(), r, &out);
       }},
      {"negative budget", "budget.spent",
       [&] {
         rv1::RecordBudgetRequest r;
         r.set_request_id("bad-bu");
         r.mutable_budget()->set_year(year);
         r.mutable_budget()->set_spent(-1);
         r.mutable_budget()->set_purpose("Khen thưởng");
         rv1::Budget out;
         return activities->RecordBudget(ctx().get(), r, &out);
       }},
      {"bad plan period", "rules.plan_period",
       [&] {
         rv1::SetQuotaRulesRequest r;
         r.set_request_id("bad-q");
         r.mutable_rules()->set_plan_period("2026");
         rv1::QuotaRules out;
         return quotas->SetQuotaRules(ctx().get(), r, &out);
       }},
      {"bad page token", "page_token",
       [&] {
         rv1::ListActivitiesRequest r;
         r.set_page_token("x");
         rv1::ListTrainingsResponse out;
         return activities->ListTrainings(ctx().get(), r, &out);
       }},
  };
  const std::string before = RedisDigest();
  for (const auto& c : cases) {
    grpc::Status st = c.call();
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.what << ": " << st.error_message();
    EXPECT_EQ(st.error_message().rfind(c.field + ":", 0), 0u) << c.what << ": " << st.error_message();
  }
  EXPECT_EQ(RedisDigest(), before);
}


// A replay of SetQuotaRules returns what the first call returned, even after
// later versions; the same request id with other content (rules or plan
// period) is refused on request_id and changes nothing.
TEST_F(ReportingE2eTest, QuotaRulesReplayReturnsTheFirstAnswerAndAReusedIdIsRefused) {
  auto admin = [&] { return reporting.Context(Role::kAdmin, kKhanhHoa); };
  rv1::GetQuotaRulesRequest get;
  get.set_plan_period("2026-2030");
  rv1::QuotaRules defaults;
  ASSERT_TRUE(quotas->GetQuotaRules(admin().get(), get, &defaults).ok());

  rv1::SetQuotaRulesRequest first;
  first.set_request_id("q-memo-1");
  *first.mutable_rules() = defaults;
  first.mutable_rules()->set_default_exemplars_per_year(5);
  rv1::QuotaRules v1;
  ASSERT_TRUE(quotas->SetQuotaRules(admin().get(), first, &v1).ok());
  EXPECT_EQ(v1.version(), 1);
  EXPECT_EQ(v1.default_exemplars_per_year(), 5);

  rv1::SetQuotaRulesRequest second = first;
  second.set_request_id("q-memo-2");
  second.mutable_rules()->set_default_exemplars_per_year(7);
  rv1::QuotaRules v2;
  ASSERT_TRUE(quotas->SetQuotaRules(admin().get(), second, &v2).ok());
  EXPECT_EQ(v2.version(), 2);

  // The retry of the first request gets the first answer, not version 2.
  rv1::QuotaRules replay;
  ASSERT_TRUE(quotas->SetQuotaRules(admin().get(), first, &replay).ok());
  EXPECT_EQ(replay.SerializeAsString(), v1.SerializeAsString());

  const std::string before = RedisDigest();
  rv1::SetQuotaRulesRequest other_rules = first;
  other_rules.mutable_rules()->set_default_exemplars_per_year(9);
  rv1::SetQuotaRulesRequest other_period = first;
  other_period.mutable_rules()->set_plan_period("2031-2035");
  for (const auto* r : {&other_rules, &other_period}) {
    rv1::QuotaRules out;
    grpc::Status st = quotas->SetQuotaRules(admin().get(), *r, &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
    EXPECT_EQ(st.error_message().rfind("request_id:", 0), 0u) << st.error_message();
    EXPECT_NE(st.error_message().find("was already used for another request"), std::string::npos)
        << st.error_message();
  }
  EXPECT_EQ(RedisDigest(), before);
  rv1::QuotaRules now;
  ASSERT_TRUE(quotas->GetQuotaRules(admin().get(), get, &now).ok());
  EXPECT_EQ(now.SerializeAsString(), v2.SerializeAsString());
  get.set_plan_period("2031-2035");
  ASSERT_TRUE(quotas->GetQuotaRules(admin().get(), get, &now).ok());
  EXPECT_EQ(now.version(), 0);  // Still the built-in defaults.
}

// Reusing the request id of an inspection, training or budget with other
// content is refused on request_id and changes nothing; the identical retry
// still returns the first record.
TEST_F(ReportingE2eTest, ActivityRequestIdsAreBoundToTheirContent) {
  auto ctx = [&] { return reporting.Context(Role::kAdmin, kKhanhHoa); };
  auto refused = [](const grpc::Status& st) {
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
    EXPECT_EQ(st.error_message().rfind("request_id:", 0), 0u) << st.error_message();
  };

  rv1::RecordInspectionRequest ins;
  ins.set_request_id("ins-memo");
  ins.mutable_inspection()->set_date(today);
  ins.mutable_inspection()->set_inspected_agency_id(kBacNhaTrang);
  ins.mutable_inspection()->add_team("Trần Văn Kiểm");
  ins.mutable_inspection()->set_findings("Hồ sơ chưa đầy đủ minh chứng");
  rv1::Inspection i1, i2;
  ASSERT_TRUE(activities->RecordInspection(ctx().get(), ins, &i1).ok());

  rv1::RecordTrainingRequest tr;
  tr.set_request_id("tr-memo");
  tr.mutable_training()->set_date(today);
  tr.mutable_training()->set_title("Tập huấn nghiệp vụ thi đua, khen thưởng");
  tr.mutable_training()->set_audience(rv1::COMMENDATION_STAFF);
  tr.mutable_training()->set_participants(40);
  rv1::Training t1, t2;
  ASSERT_TRUE(activities->RecordTraining(ctx().get(), tr, &t1).ok());

  rv1::RecordBudgetRequest bu;
  bu.set_request_id("bu-memo");
  bu.mutable_budget()->set_year(year);
  bu.mutable_budget()->set_planned(500000000);
  bu.mutable_budget()->set_spent(320000000);
  bu.mutable_budget()->set_purpose("Khen thưởng điển hình tiên tiến");
  rv1::Budget b1, b2;
  ASSERT_TRUE(activities->RecordBudget(ctx().get(), bu, &b1).ok());

  const std::string before = RedisDigest();
  rv1::RecordInspectionRequest ins2 = ins;
  ins2.mutable_inspection()->set_findings("Không có tồn tại");
  refused(activities->RecordInspection(ctx().get(), ins2, &i2));
  rv1::RecordTrainingRequest tr2 = tr;
  tr2.mutable_training()->set_participants(41);
  refused(activities->RecordTraining(ctx().get(), tr2, &t2));
  rv1::RecordBudgetRequest bu2 = bu;
  bu2.mutable_budget()->set_spent(1);
  refused(activities->RecordBudget(ctx().get(), bu2, &b2));
  EXPECT_EQ(RedisDigest(), before);

  ASSERT_TRUE(activities->RecordInspection(ctx().get(), ins, &i2).ok());
  EXPECT_EQ(i2.SerializeAsString(), i1.SerializeAsString());
  ASSERT_TRUE(activities->RecordTraining(ctx().get(), tr, &t2).ok());
  EXPECT_EQ(t2.SerializeAsString(), t1.SerializeAsString());
  ASSERT_TRUE(activities->RecordBudget(ctx().get(), bu, &b2).ok());
  EXPECT_EQ(b2.SerializeAsString(), b1.SerializeAsString());
  EXPECT_EQ(RedisDigest(), before);
}

}  // namespace
}  // namespace tdkt::testing
