// Who may call what: every RPC of the nomination service against every role,
// from inside the agency's subtree and from outside it, and without a valid
// token.
#include <functional>
#include <map>
#include <set>


#include <gtest/gtest.h>

#include "tdkt/nomination/v1/agency.grpc.pb.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

struct Rpc {
  std::string name;
  std::set<Role> allowed;
  // Prepares fresh target data (as an officer or admin of Khánh Hòa) and
  // returns the call to make with the context under test.
  std::function<Call()> prepare;
  // False for the one RPC that serves the whole hierarchy to any allowed
  // caller of the node, whatever its agency (SnapshotAgencies).
  bool within_subtree_only = true;
};

const std::set<Role>& kEveryRole = EveryRole();

class AccessMatrixTest : public ::testing::Test {
 protected:
  NominationServer server;
  std::shared_ptr<nv1::NominationService::Stub> noms = nv1::NominationService::NewStub(server.channel());
  std::shared_ptr<nv1::MovementService::Stub> movs = nv1::MovementService::NewStub(server.channel());
  std::shared_ptr<nv1::AgencyService::Stub> agys = nv1::AgencyService::NewStub(server.channel());
  int counter = 0;

  nv1::Nomination Fresh() { return CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Ứng viên", kBacNhaTrang)); }

  nv1::Movement FreshMovement() {
    nv1::CreateMovementRequest r;
    r.set_request_id(NextRequestId());
    r.mutable_movement()->set_agency_id(kKhanhHoa);
    r.mutable_movement()->set_name("Phong trào thi đua");
    r.mutable_movement()->set_period_start("2026-01-01");
    r.mutable_movement()->set_period_end("2026-12-31");
    nv1::Movement m;
    EXPECT_TRUE(movs->CreateMovement(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &m).ok());
    return m;
  }

  nv1::Agency FreshAgency() {
    nv1::AddAgencyRequest r;
    r.set_id("T" + std::to_string(++counter));
    r.set_name("Tổ dân phố " + std::to_string(counter));
    r.set_kind("Tổ dân phố");
    r.set_parent_id(kBacNhaTrang);
    nv1::Agency a;
    EXPECT_TRUE(agys->AddAgency(server.Context(Role::kAdmin, kKhanhHoa).get(), r, &a).ok());
    return a;
  }

  std::vector<Rpc> Rpcs() {
    const std::set<Role> writers{Role::kOfficer, Role::kNode};
    const std::set<Role> admin{Role::kAdmin};
    std::vector<Rpc> rpcs;
    rpcs.push_back({"CreateNomination", writers, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::CreateNominationRequest r;
        r.set_request_id(NextRequestId());
        *r.mutable_details() = Details("Người mới", kBacNhaTrang);
        nv1::Nomination out;
        return noms->CreateNomination(c, r, &out);
      };
    }});
    rpcs.push_back({"BatchCreateNominations", writers, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::BatchCreateNominationsRequest r;
        r.set_request_id(NextRequestId());
        *r.add_rows() = Details("Người mới", kBacNhaTrang);
        nv1::BatchCreateNominationsResponse out;
        return noms->BatchCreateNominations(c, r, &out);
      };
    }});
    rpcs.push_back({"GetNomination", kEveryRole, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::GetNominationRequest r;
        r.set_id(n.id());
        nv1::Nomination out;
        return noms->GetNomination(c, r, &out);
      };
    }});
    rpcs.push_back({"UpdateNomination", writers, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::UpdateNominationRequest r;
        r.set_request_id(NextRequestId());
        r.set_id(n.id());
        r.set_expected_version(n.version());
        *r.mutable_details() = n.details();
        nv1::Nomination out;
        return noms->UpdateNomination(c, r, &out);
      };
    }});
    rpcs.push_back({"TransitionNomination", writers, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::TransitionNominationRequest r;
        r.set_request_id(NextRequestId());
        r.set_id(n.id());
        r.set_expected_version(n.version());
        r.set_to_state(nv1::FOSTERING);
        nv1::Nomination out;
        return noms->TransitionNomination(c, r, &out);
      };
    }});
    rpcs.push_back({"SetFosteringPlan", writers, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::SetFosteringPlanRequest r;
        r.set_request_id(NextRequestId());
        r.set_id(n.id());
        r.set_expected_version(n.version());
        r.mutable_plan()->add_support_measures("Tập huấn");
        nv1::Nomination out;
        return noms->SetFosteringPlan(c, r, &out);
      };
    }});
    rpcs.push_back({"AddFollowUp", writers, [this] {
      auto n = Fresh();
      nv1::SetFosteringPlanRequest plan;
      plan.set_request_id(NextRequestId());
      plan.set_id(n.id());
      plan.set_expected_version(n.version());
      plan.mutable_plan()->add_support_measures("Tập huấn");
      EXPECT_TRUE(noms->SetFosteringPlan(server.Context(Role::kOfficer, kKhanhHoa).get(), plan, &n).ok());
      return [this, n](grpc::ClientContext* c) {
        nv1::AddFollowUpRequest r;
        r.set_request_id(NextRequestId());
        r.set_id(n.id());
        r.set_expected_version(n.version());
        r.mutable_follow_up()->set_date("2026-10-01");
        r.mutable_follow_up()->set_note("Tiến bộ rõ");
        nv1::Nomination out;
        return noms->AddFollowUp(c, r, &out);
      };
    }});
    rpcs.push_back({"ListNominations", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::ListNominationsRequest r;
        r.set_agency_id(kKhanhHoa);
        nv1::ListNominationsResponse out;
        return noms->ListNominations(c, r, &out);
      };
    }});
    rpcs.push_back({"GetHistory", kEveryRole, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::GetHistoryRequest r;
        r.set_id(n.id());
        nv1::GetHistoryResponse out;
        return noms->GetHistory(c, r, &out);
      };
    }});
    const std::set<Role> file_keepers{Role::kOfficer, Role::kCouncilSecretary, Role::kNode};
    rpcs.push_back({"AddAttachment", file_keepers, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::AddAttachmentRequest r;
        r.set_request_id(NextRequestId());
        r.set_id(n.id());
        r.set_expected_version(n.version());
        r.mutable_attachment()->set_title("Biên bản họp Hội đồng");
        r.mutable_attachment()->set_uri("tdkt://evaluation/sessions/ses-1/minutes");
        r.mutable_attachment()->set_kind("minutes");
        nv1::Nomination out;
        return noms->AddAttachment(c, r, &out);
      };
    }});
    rpcs.push_back({"AddHistoryNote", file_keepers, [this] {
      auto n = Fresh();
      return [this, n](grpc::ClientContext* c) {
        nv1::AddHistoryNoteRequest r;
        r.set_request_id(NextRequestId());
        r.set_id(n.id());
        r.set_expected_version(n.version());
        r.set_kind("appraisal");
        r.set_text("Hồ sơ đủ thành phần");
        nv1::Nomination out;
        return noms->AddHistoryNote(c, r, &out);
      };
    }});
    rpcs.push_back({"ListChanges", {Role::kNode, Role::kAdmin}, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::ListChangesRequest r;
        nv1::ListChangesResponse out;
        return noms->ListChanges(c, r, &out);
      };
    }, false});
    rpcs.push_back({"CreateMovement", writers, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::CreateMovementRequest r;
        r.set_request_id(NextRequestId());
        r.mutable_movement()->set_agency_id(kKhanhHoa);
        r.mutable_movement()->set_name("Phong trào");
        r.mutable_movement()->set_period_start("2026-01-01");
        r.mutable_movement()->set_period_end("2026-12-31");
        nv1::Movement out;
        return movs->CreateMovement(c, r, &out);
      };
    }});
    rpcs.push_back({"GetMovement", kEveryRole, [this] {
      auto m = FreshMovement();
      return [this, m](grpc::ClientContext* c) {
        nv1::GetMovementRequest r;
        r.set_id(m.id());
        nv1::Movement out;
        return movs->GetMovement(c, r, &out);
      };
    }});
    rpcs.push_back({"ListMovements", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::ListMovementsRequest r;
        r.set_agency_id(kKhanhHoa);
        nv1::ListMovementsResponse out;
        return movs->ListMovements(c, r, &out);
      };
    }});
    rpcs.push_back({"GetAgency", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::GetAgencyRequest r;
        r.set_id(kBacNhaTrang);
        nv1::Agency out;
        return agys->GetAgency(c, r, &out);
      };
    }});
    rpcs.push_back({"ListAgencies", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::ListAgenciesRequest r;
        r.set_parent_id(kKhanhHoa);
        nv1::ListAgenciesResponse out;
        return agys->ListAgencies(c, r, &out);
      };
    }});
    rpcs.push_back({"AddAgency", admin, [this] {
      std::string id = "N" + std::to_string(++counter);
      return [this, id](grpc::ClientContext* c) {
        nv1::AddAgencyRequest r;
        r.set_id(id);
        r.set_name("Khu phố mới");
        r.set_kind("Khu phố");
        r.set_parent_id(kBacNhaTrang);
        nv1::Agency out;
        return agys->AddAgency(c, r, &out);
      };
    }});
    rpcs.push_back({"RenameAgency", admin, [this] {
      auto a = FreshAgency();
      return [this, a](grpc::ClientContext* c) {
        nv1::RenameAgencyRequest r;
        r.set_id(a.id());
        r.set_new_name(a.name() + " (đổi tên)");
        r.set_expected_version(a.version());
        nv1::Agency out;
        return agys->RenameAgency(c, r, &out);
      };
    }});
    rpcs.push_back({"MoveAgency", admin, [this] {
      auto a = FreshAgency();
      return [this, a](grpc::ClientContext* c) {
        nv1::MoveAgencyRequest r;
        r.set_id(a.id());
        r.set_new_parent_id(kNhaTrang);
        r.set_expected_version(a.version());
        nv1::Agency out;
        return agys->MoveAgency(c, r, &out);
      };
    }});
    rpcs.push_back({"MergeAgency", admin, [this] {
      auto a = FreshAgency();
      auto b = FreshAgency();
      return [this, a, b](grpc::ClientContext* c) {
        nv1::MergeAgencyRequest r;
        r.set_id(a.id());
        r.set_successor_id(b.id());
        r.set_expected_version(a.version());
        nv1::Agency out;
        return agys->MergeAgency(c, r, &out);
      };
    }});
    rpcs.push_back({"ListFields", kEveryRole, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::ListFieldsRequest r;
        r.set_agency_id(kBacNhaTrang);
        nv1::ListFieldsResponse out;
        return agys->ListFields(c, r, &out);
      };
    }});
    rpcs.push_back({"DefineField", {Role::kOfficer, Role::kAdmin}, [this] {
      std::string slug = "linh-vuc-" + std::to_string(++counter);
      return [this, slug](grpc::ClientContext* c) {
        nv1::DefineFieldRequest r;
        r.set_agency_id(kKhanhHoa);
        r.set_slug(slug);
        r.set_name("Khí tượng thủy văn");
        nv1::Field out;
        return agys->DefineField(c, r, &out);
      };
    }});
    rpcs.push_back({"SnapshotAgencies", {Role::kNode, Role::kAdmin}, [this] {
      return [this](grpc::ClientContext* c) {
        nv1::SnapshotAgenciesRequest r;
        nv1::AgencySnapshot out;
        return agys->SnapshotAgencies(c, r, &out);
      };
    }, false});
    return rpcs;
  }
};

TEST_F(AccessMatrixTest, RolesInsideTheSubtree) {
  for (auto& rpc : Rpcs()) {
    for (Role role : AllRoles()) {
      Call call = rpc.prepare();
      grpc::Status st = call(server.Context(role, kKhanhHoa).get());
      if (rpc.allowed.count(role)) {
        EXPECT_TRUE(st.ok()) << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      }
    }
  }
}

TEST_F(AccessMatrixTest, AllowedRolesOfAnotherAgencyAreDenied) {
  for (auto& rpc : Rpcs()) {
    for (Role role : rpc.allowed) {
      Call call = rpc.prepare();
      grpc::Status st = call(server.Context(role, kHaNoi).get());
      if (rpc.within_subtree_only) {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << RoleName(role) << " of Hà Nội: " << st.error_message();
      } else {
        EXPECT_TRUE(st.ok()) << rpc.name << " as " << RoleName(role) << " of Hà Nội: " << st.error_message();
      }
    }
  }
}

TEST_F(AccessMatrixTest, TheHierarchySnapshotIsOnlyForCallersOfThisNodesHierarchy) {
  for (Role role : {Role::kNode, Role::kAdmin}) {
    nv1::SnapshotAgenciesRequest r;
    nv1::AgencySnapshot out;
    grpc::Status st = agys->SnapshotAgencies(server.Context(role, "ZZ9").get(), r, &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << RoleName(role) << ": " << st.error_message();
  }
}

TEST_F(AccessMatrixTest, MissingOrBadTokensAreUnauthenticated) {
  for (auto& rpc : Rpcs()) {
    for (const std::string& header : BadAuthorizationHeaders()) {
      Call call = rpc.prepare();
      grpc::Status st = call(WithAuthorization(header).get());
      EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << rpc.name << " with '" << header << "'";
    }
  }
}

TEST_F(AccessMatrixTest, TheMatrixListsEveryRpc) {
  std::set<std::string> listed;
  for (auto& rpc : Rpcs()) listed.insert(rpc.name);
  ExpectEveryMethodListed(listed, {"tdkt.nomination.v1.NominationService", "tdkt.nomination.v1.MovementService",
                                   "tdkt.nomination.v1.AgencyService"});
}

}  // namespace
}  // namespace tdkt::testing
