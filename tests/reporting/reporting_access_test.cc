// Every RPC of tdkt.reporting.v1 × every role, plus the bad tokens every RPC
// must refuse. ReceiveReport takes no token: its envelope's signature is the
// identity (see reporting_federation_test).
#include <functional>

#include <gtest/gtest.h>

#include "common/vn_time.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/nomination_fixtures.h"
#include "tests/support/reporting_server.h"

namespace tdkt::testing {
namespace {

namespace rv1 = ::tdkt::reporting::v1;

struct Rpc {
  std::string name;
  std::set<Role> allowed;
  std::function<grpc::Status(grpc::ClientContext*)> call;
};

class ReportingAccessTest : public ::testing::Test {
 protected:
  NominationServer nomination;
  ReportingServer reporting{ReportingOptions(nomination, "56")};
  std::unique_ptr<rv1::ReportService::Stub> reports = rv1::ReportService::NewStub(reporting.channel());
  std::unique_ptr<rv1::ActivityService::Stub> activities = rv1::ActivityService::NewStub(reporting.channel());
  std::unique_ptr<rv1::QuotaService::Stub> quotas = rv1::QuotaService::NewStub(reporting.channel());
  std::unique_ptr<rv1::ReportFederationService::Stub> inbox =
      rv1::ReportFederationService::NewStub(reporting.channel());
  int counter = 0;
  const std::string today = FormatVietnamTime(std::time(nullptr), "%Y-%m-%d");

  std::string Rid() { return "acc-" + std::to_string(++counter); }

  std::vector<Rpc> Matrix() {
    const std::set<Role> readers{Role::kReportingOfficer, Role::kOfficer, Role::kAdmin, Role::kNode};
    const std::set<Role> report_readers{Role::kReportingOfficer, Role::kOfficer,   Role::kAdmin,
                                        Role::kNode,             Role::kInspector, Role::kSupervisor};
    const std::set<Role>& every = EveryRole();
    std::vector<Rpc> rpcs;
    rpcs.push_back({"BuildReport", readers, [this](grpc::ClientContext* c) {
                      rv1::BuildReportRequest r;
                      r.set_agency_id(kKhanhHoa);
                      r.set_year(2026);
                      rv1::YearlyReport out;
                      return reports->BuildReport(c, r, &out);
                    }});
    rpcs.push_back({"SubmitReport", {Role::kReportingOfficer, Role::kAdmin}, [this](grpc::ClientContext* c) {
                      rv1::SubmitReportRequest r;
                      r.set_request_id(Rid());
                      r.set_year(2026);
                      rv1::ReportVersion out;
                      return reports->SubmitReport(c, r, &out);
                    }});
    rpcs.push_back({"GetReport", report_readers, [this](grpc::ClientContext* c) {
                      rv1::GetReportRequest r;
                      r.set_agency_id(kKhanhHoa);
                      r.set_year(2026);
                      rv1::ReportVersion out;
                      return reports->GetReport(c, r, &out);
                    }});
    rpcs.push_back({"ListReportVersions", report_readers, [this](grpc::ClientContext* c) {
                      rv1::ListReportVersionsRequest r;
                      r.set_agency_id(kKhanhHoa);
                      r.set_year(2026);
                      rv1::ListReportVersionsResponse out;
                      return reports->ListReportVersions(c, r, &out);
                    }});
    rpcs.push_back({"GetRollup", readers, [this](grpc::ClientContext* c) {
                      rv1::GetRollupRequest r;
                      r.set_year(2026);
                      rv1::Rollup out;
                      return reports->GetRollup(c, r, &out);
                    }});
    rpcs.push_back({"ExportReport", readers, [this](grpc::ClientContext* c) {
                      rv1::ExportReportRequest r;
                      r.set_agency_id(kKhanhHoa);
                      r.set_year(2026);
                      r.set_format(rv1::CSV);
                      rv1::ExportReportResponse out;
                      return reports->ExportReport(c, r, &out);
                    }});
    rpcs.push_back({"RecordInspection", {Role::kInspector, Role::kOfficer, Role::kAdmin},
                    [this](grpc::ClientContext* c) {
                      rv1::RecordInspectionRequest r;
                      r.set_request_id(Rid());
                      r.mutable_inspection()->set_agency_id(kKhanhHoa);
                      r.mutable_inspection()->set_date(today);
                      r.mutable_inspection()->set_inspected_agency_id(kBacNhaTrang);
                      r.mutable_inspection()->add_team("Trần Văn Kiểm");
                      rv1::Inspection out;
                      return activities->RecordInspection(c, r, &out);
                    }});
    rpcs.push_back({"RecordTraining", {Role::kOfficer, Role::kReportingOfficer, Role::kAdmin},
                    [this](grpc::ClientContext* c) {
                      rv1::RecordTrainingRequest r;
                      r.set_request_id(Rid());
                      r.mutable_training()->set_agency_id(kKhanhHoa);
                      r.mutable_training()->set_date(today);
                      r.mutable_training()->set_title("Tập huấn");
                      r.mutable_training()->set_audience(rv1::COMMENDATION_STAFF);
                      r.mutable_training()->set_participants(10);
                      rv1::Training out;
                      return activities->RecordTraining(c, r, &out);
                    }});
    rpcs.push_back({"RecordBudget", {Role::kReportingOfficer, Role::kAdmin}, [this](grpc::ClientContext* c) {
                      rv1::RecordBudgetRequest r;
                      r.set_request_id(Rid());
                      r.mutable_budget()->set_agency_id(kKhanhHoa);
                      r.mutable_budget()->set_year(2026);
                      r.mutable_budget()->set_planned(1);
                      r.mutable_budget()->set_purpose("Khen thưởng");
                      rv1::Budget out;
                      return activities->RecordBudget(c, r, &out);
                    }});
    auto list = [this](const char* which) {
      return [this, which](grpc::ClientContext* c) {
        rv1::ListActivitiesRequest r;
        r.set_agency_id(kKhanhHoa);
        const std::string w = which;
        if (w == "i") {
          rv1::ListInspectionsResponse out;
          return activities->ListInspections(c, r, &out);
        }
        if (w == "t") {
          rv1::ListTrainingsResponse out;
          return activities->ListTrainings(c, r, &out);
        }
        rv1::ListBudgetsResponse out;
        return activities->ListBudgets(c, r, &out);
      };
    };
    rpcs.push_back({"ListInspections", every, list("i")});
    rpcs.push_back({"ListTrainings", every, list("t")});
    rpcs.push_back({"ListBudgets", every, list("b")});
    rpcs.push_back({"GetQuotaRules", every, [this](grpc::ClientContext* c) {
                      rv1::GetQuotaRulesRequest r;
                      rv1::QuotaRules out;
                      return quotas->GetQuotaRules(c, r, &out);
                    }});
    rpcs.push_back({"SetQuotaRules", {Role::kAdmin}, [this](grpc::ClientContext* c) {
                      rv1::SetQuotaRulesRequest r;
                      r.set_request_id(Rid());
                      *r.mutable_rules() = reporting::DefaultQuotaRules("2026-2030");
                      rv1::QuotaRules out;
                      return quotas->SetQuotaRules(c, r, &out);
                    }});
    return rpcs;
  }
};

TEST_F(ReportingAccessTest, EveryRpcByEveryRole) {
  auto rpcs = Matrix();
  std::set<std::string> listed{"ReceiveReport"};
  for (const auto& rpc : rpcs) {
    listed.insert(rpc.name);
    for (Role role : EveryRole()) {
      grpc::Status st = rpc.call(reporting.Context(role, kKhanhHoa).get());
      if (rpc.allowed.count(role)) {
        EXPECT_NE(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
        EXPECT_NE(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << rpc.name;
        EXPECT_NE(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
            << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << " as " << RoleName(role);
      }
    }
    for (const auto& header : BadAuthorizationHeaders()) {
      EXPECT_EQ(rpc.call(WithAuthorization(header).get()).error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << rpc.name << " with '" << header.substr(0, 20) << "'";
    }
  }
  ExpectEveryMethodListed(listed, {"tdkt.reporting.v1.ReportService", "tdkt.reporting.v1.ActivityService",
                                   "tdkt.reporting.v1.QuotaService", "tdkt.reporting.v1.ReportFederationService"});
  // ReceiveReport without a signature is refused whatever the token.
  grpc::ClientContext c;
  federation::v1::Envelope e;
  e.set_message_id("56/reports/x");
  e.set_sender_agency("22333");
  e.set_recipient_agency("56");
  e.set_kind("report");
  federation::v1::Receipt receipt;
  EXPECT_NE(inbox->ReceiveReport(&c, e, &receipt).error_code(), grpc::StatusCode::OK);
}

TEST_F(ReportingAccessTest, CallersActOnlyInsideTheirSubtree) {
  for (const auto& rpc : Matrix()) {
    if (rpc.name == "GetQuotaRules") continue;  // Rules are national data.
    grpc::Status st = rpc.call(reporting.Context(Role::kAdmin, kBacNhaTrang).get());
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << ": " << st.error_message();
  }
}

}  // namespace
}  // namespace tdkt::testing
