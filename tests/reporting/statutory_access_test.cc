// Every RPC of tdkt.reporting.v1.StatutoryService × every role, plus the bad
// tokens every RPC must refuse, callers from outside the node's subtree, and
// the check that the matrix lists every method of the service. It pins what
// services/reporting/statutory/app/statutory_manager.cc allows today:
//   RecordOrganisation, RecordStaff: officer, reporting_officer, node (not
//     admin: an administrator runs the node, not its statistics);
//   ListOrganisations, ListStaff, GetStatutoryForms, ExportStatutoryForms:
//     every role, inside the caller's subtree (also the node's roll-up).
#include <functional>

#include <gtest/gtest.h>

#include "tdkt/reporting/v1/statutory.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/nomination_fixtures.h"
#include "tests/support/reporting_server.h"

namespace tdkt::testing {
namespace {

namespace rv1 = ::tdkt::reporting::v1;

constexpr int kYear = 2026;

struct Rpc {
  std::string name;
  bool changes = false;  // a write: refused, it must leave Redis as it was
  std::set<Role> allowed;
  std::function<grpc::Status(grpc::ClientContext*)> call;
};

class StatutoryAccessTest : public ::testing::Test {
 protected:
  NominationServer nomination;
  ReportingServer reporting{ReportingOptions(nomination, kKhanhHoa)};
  std::unique_ptr<rv1::StatutoryService::Stub> statutory = rv1::StatutoryService::NewStub(reporting.channel());
  int counter = 0;

  std::string Rid() { return "stat-acc-" + std::to_string(++counter); }

  // Staff records are personal data: the report's audience reads them, not
  // media editors or council members.
  static std::set<Role> Readers() {
    return {Role::kOfficer, Role::kReportingOfficer, Role::kAdmin, Role::kNode, Role::kInspector, Role::kSupervisor};
  }

  // Each call names agency `agency` explicitly (empty = the caller's own).
  std::vector<Rpc> Matrix(const std::string& agency = kKhanhHoa) {
    const std::set<Role> recorders{Role::kOfficer, Role::kReportingOfficer, Role::kAdmin, Role::kNode};
    const std::set<Role> readers = Readers();
    std::vector<Rpc> rpcs;
    rpcs.push_back({"RecordOrganisation", true, recorders, [this, agency](grpc::ClientContext* c) {
                      rv1::RecordOrganisationRequest r;
                      r.set_request_id(Rid());
                      rv1::StatOrganisation* o = r.mutable_organisation();
                      o->set_agency_id(agency);
                      o->set_year(kYear);
                      o->set_name("Ban Thi đua - Khen thưởng tỉnh Khánh Hòa");
                      o->set_kind("ban");
                      o->set_full_time_staff(9);
                      o->set_part_time_staff(2);
                      rv1::StatOrganisation out;
                      return statutory->RecordOrganisation(c, r, &out);
                    }});
    rpcs.push_back({"RecordStaff", true, recorders, [this, agency](grpc::ClientContext* c) {
                      rv1::RecordStaffRequest r;
                      r.set_request_id(Rid());
                      rv1::StatStaff* s = r.mutable_staff();
                      s->set_agency_id(agency);
                      s->set_year(kYear);
                      s->set_person_code("KH-TDKT-001");
                      s->set_birth_year(1982);
                      s->set_woman(true);
                      s->set_training_level("dai-hoc");
                      s->set_seniority_start_year(2008);
                      s->set_full_time(true);
                      rv1::StatStaff out;
                      return statutory->RecordStaff(c, r, &out);
                    }});
    rpcs.push_back({"ListOrganisations", false, readers, [this, agency](grpc::ClientContext* c) {
                      rv1::ListOrganisationsRequest r;
                      r.set_agency_id(agency);
                      r.set_year(kYear);
                      rv1::ListOrganisationsResponse out;
                      return statutory->ListOrganisations(c, r, &out);
                    }});
    rpcs.push_back({"ListStaff", false, readers, [this, agency](grpc::ClientContext* c) {
                      rv1::ListStaffRequest r;
                      r.set_agency_id(agency);
                      r.set_year(kYear);
                      rv1::ListStaffResponse out;
                      return statutory->ListStaff(c, r, &out);
                    }});
    rpcs.push_back({"GetStatutoryForms", false, readers, [this, agency](grpc::ClientContext* c) {
                      rv1::GetStatutoryFormsRequest r;
                      r.set_agency_id(agency);
                      r.set_year(kYear);
                      rv1::StatutoryForms out;
                      return statutory->GetStatutoryForms(c, r, &out);
                    }});
    rpcs.push_back({"ExportStatutoryForms", false, readers, [this, agency](grpc::ClientContext* c) {
                      rv1::ExportStatutoryFormsRequest r;
                      r.set_agency_id(agency);
                      r.set_year(kYear);
                      r.set_format(rv1::CSV);
                      rv1::StatutoryFile out;
                      return statutory->ExportStatutoryForms(c, r, &out);
                    }});
    return rpcs;
  }

  // The forms as the node's roll-up (always the node's unit, 56).
  std::vector<Rpc> Rollups() {
    std::vector<Rpc> rpcs;
    rpcs.push_back({"GetStatutoryForms", false, Readers(), [this](grpc::ClientContext* c) {
                      rv1::GetStatutoryFormsRequest r;
                      r.set_year(kYear);
                      r.set_rollup(true);
                      rv1::StatutoryForms out;
                      return statutory->GetStatutoryForms(c, r, &out);
                    }});
    rpcs.push_back({"ExportStatutoryForms", false, Readers(), [this](grpc::ClientContext* c) {
                      rv1::ExportStatutoryFormsRequest r;
                      r.set_year(kYear);
                      r.set_format(rv1::XLSX);
                      r.set_rollup(true);
                      rv1::StatutoryFile out;
                      return statutory->ExportStatutoryForms(c, r, &out);
                    }});
    return rpcs;
  }
};

TEST_F(StatutoryAccessTest, EveryRpcByEveryRole) {
  std::set<std::string> listed;
  std::vector<Rpc> rpcs = Matrix();
  for (auto& rpc : Rollups()) rpcs.push_back(std::move(rpc));
  for (const auto& rpc : rpcs) {
    listed.insert(rpc.name);
    for (Role role : EveryRole()) {
      const std::string before = rpc.allowed.count(role) ? std::string() : RedisDigest();
      grpc::Status st = rpc.call(reporting.Context(role, kKhanhHoa).get());
      if (rpc.allowed.count(role)) {
        EXPECT_TRUE(st.ok()) << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << " as " << RoleName(role);
        if (rpc.changes) {
          EXPECT_EQ(RedisDigest(), before) << rpc.name << " refused to " << RoleName(role);
        }
      }
    }
    for (const auto& header : BadAuthorizationHeaders()) {
      const std::string before = rpc.changes ? RedisDigest() : std::string();
      EXPECT_EQ(rpc.call(WithAuthorization(header).get()).error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << rpc.name << " with '" << header.substr(0, 20) << "'";
      if (rpc.changes) {
        EXPECT_EQ(RedisDigest(), before) << rpc.name << " with a bad token";
      }
    }
  }
  ExpectEveryMethodListed(listed, {"tdkt.reporting.v1.StatutoryService"});
}

// The node serves 56. A caller of another province (Hà Nội), whatever its
// role, may not read or record 56's statistics: PERMISSION_DENIED when it
// names 56, INVALID_ARGUMENT on agency_id when it names its own province
// (not served by this node); nothing is recorded either way.
TEST_F(StatutoryAccessTest, CallerFromAnotherProvinceIsRefused) {
  for (Role role : {Role::kAdmin, Role::kOfficer, Role::kReportingOfficer, Role::kNode}) {
    for (const auto& rpc : Matrix(kKhanhHoa)) {
      const std::string before = RedisDigest();
      grpc::Status st = rpc.call(reporting.Context(role, kHaNoi).get());
      EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
          << rpc.name << " as " << RoleName(role) << "@" << kHaNoi << ": " << st.error_message();
      EXPECT_EQ(RedisDigest(), before) << rpc.name;
    }
    for (const auto& rpc : Rollups()) {
      grpc::Status st = rpc.call(reporting.Context(role, kHaNoi).get());
      EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
          << rpc.name << " (roll-up) as " << RoleName(role) << "@" << kHaNoi << ": " << st.error_message();
    }
    for (const auto& rpc : Matrix(/*agency=*/"")) {
      const std::string before = RedisDigest();
      grpc::Status st = rpc.call(reporting.Context(role, kHaNoi).get());
      // A role that may not record is refused before its agency is read.
      const grpc::StatusCode want = rpc.allowed.count(role) ? grpc::StatusCode::INVALID_ARGUMENT
                                                            : grpc::StatusCode::PERMISSION_DENIED;
      EXPECT_EQ(st.error_code(), want) << rpc.name << " as " << RoleName(role) << "@" << kHaNoi << ": "
                                       << st.error_message();
      if (want == grpc::StatusCode::INVALID_ARGUMENT) {
        EXPECT_NE(st.error_message().find("agency_id"), std::string::npos) << rpc.name << ": " << st.error_message();
      }
      EXPECT_EQ(RedisDigest(), before) << rpc.name;
    }
  }
}

// A caller of a ward inside 56 acts on its ward only, not on the province.
TEST_F(StatutoryAccessTest, WardCallerStaysInsideItsWard) {
  for (const auto& rpc : Matrix(kKhanhHoa)) {
    grpc::Status st = rpc.call(reporting.Context(Role::kOfficer, kBacNhaTrang).get());
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << ": " << st.error_message();
  }
  for (const auto& rpc : Rollups()) {  // the roll-up is the province's
    grpc::Status st = rpc.call(reporting.Context(Role::kOfficer, kBacNhaTrang).get());
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << ": " << st.error_message();
  }
  for (const auto& rpc : Matrix(kBacNhaTrang)) {
    grpc::Status st = rpc.call(reporting.Context(Role::kOfficer, kBacNhaTrang).get());
    EXPECT_TRUE(st.ok()) << rpc.name << ": " << st.error_message();
  }
}

}  // namespace
}  // namespace tdkt::testing
