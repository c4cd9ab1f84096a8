// NominationService.ListChanges: the node's feed of lifecycle moves that the
// node's other services read (campaign-media retracts items of a revoked
// exemplar). Real gRPC on loopback, real Redis.
#include <gtest/gtest.h>

#include "tests/support/access_checks.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

class NominationChangesTest : public ::testing::Test {
 protected:
  NominationServer server;
  std::unique_ptr<nv1::NominationService::Stub> stub = nv1::NominationService::NewStub(server.channel());

  grpc::Status List(const nv1::ListChangesRequest& r, nv1::ListChangesResponse* out, Role role = Role::kNode,
                    const std::string& agency = "TW") {
    return stub->ListChanges(server.Context(role, agency).get(), r, out);
  }
  nv1::ListChangesResponse All(nv1::ListChangesRequest r = {}) {
    nv1::ListChangesResponse out;
    grpc::Status st = List(r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }
  // A candidate moved DISCOVERED -> SUBMITTED -> RECOGNISED.
  nv1::Nomination Recognised(const std::string& name) {
    auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details(name, kBacNhaTrang));
    n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
    return MoveTo(server, Role::kNode, kKhanhHoa, n, nv1::RECOGNISED);
  }
};

TEST_F(NominationChangesTest, MovesAppearOnceInOrderWithReasons) {
  auto a = Recognised("Nguyễn Văn An");
  a = MoveTo(server, Role::kNode, kKhanhHoa, a, nv1::REVOKED, "Vi phạm kỷ luật");
  auto b = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Trần Thị Bình", kNhaTrang));
  // Edits that do not move the state are not in the feed.
  nv1::AddHistoryNoteRequest note;
  note.set_request_id(NextRequestId());
  note.set_id(b.id());
  note.set_expected_version(b.version());
  note.set_kind("appraisal");
  note.set_text("Hồ sơ đủ");
  ASSERT_TRUE(stub->AddHistoryNote(server.Context(Role::kOfficer, kKhanhHoa).get(), note, &b).ok());
  b = MoveTo(server, Role::kOfficer, kKhanhHoa, b, nv1::WITHDRAWN, "Đơn vị rút hồ sơ");

  auto out = All();
  ASSERT_EQ(out.changes_size(), 4);
  EXPECT_EQ(out.changes(0).nomination_id(), a.id());
  EXPECT_EQ(out.changes(0).from_state(), nv1::DISCOVERED);
  EXPECT_EQ(out.changes(0).to_state(), nv1::SUBMITTED);
  EXPECT_EQ(out.changes(0).version(), 2);
  EXPECT_EQ(out.changes(0).agency_id(), kBacNhaTrang);
  EXPECT_EQ(out.changes(1).to_state(), nv1::RECOGNISED);
  EXPECT_EQ(out.changes(2).to_state(), nv1::REVOKED);
  EXPECT_EQ(out.changes(2).from_state(), nv1::RECOGNISED);
  EXPECT_EQ(out.changes(2).reason(), "Vi phạm kỷ luật");
  EXPECT_EQ(out.changes(2).version(), a.version());
  EXPECT_GT(out.changes(2).at().seconds(), 0);
  EXPECT_EQ(out.changes(3).nomination_id(), b.id());
  EXPECT_EQ(out.changes(3).to_state(), nv1::WITHDRAWN);
  EXPECT_EQ(out.changes(3).version(), 3);
  EXPECT_EQ(out.changes(3).reason(), "Đơn vị rút hồ sơ");
  EXPECT_EQ(out.next_cursor(), out.changes(3).cursor());

  // Reading on from the end gives nothing, and the cursor stays.
  nv1::ListChangesRequest more;
  more.set_after(out.next_cursor());
  auto rest = All(more);
  EXPECT_EQ(rest.changes_size(), 0);
  EXPECT_EQ(rest.next_cursor(), out.next_cursor());
}

TEST_F(NominationChangesTest, FilterSkipsOtherMovesButAdvancesTheCursor) {
  auto a = Recognised("Lê Văn Cường");
  a = MoveTo(server, Role::kNode, kKhanhHoa, a, nv1::REVOKED, "Thu hồi");
  auto b = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Phạm Thị Dung", kNhaTrang));
  b = MoveTo(server, Role::kOfficer, kKhanhHoa, b, nv1::FOSTERING);
  nv1::ListChangesRequest r;
  r.add_to_states(nv1::WITHDRAWN);
  r.add_to_states(nv1::REVOKED);
  auto out = All(r);
  ASSERT_EQ(out.changes_size(), 1);
  EXPECT_EQ(out.changes(0).nomination_id(), a.id());
  EXPECT_EQ(out.changes(0).to_state(), nv1::REVOKED);
  // The cursor passed the skipped FOSTERING move too.
  auto all = All();
  ASSERT_EQ(all.changes_size(), 4);
  EXPECT_EQ(out.next_cursor(), all.changes(3).cursor());
  r.set_after(out.next_cursor());
  EXPECT_EQ(All(r).changes_size(), 0);
}

TEST_F(NominationChangesTest, PagesFollowTheCursor) {
  for (int i = 0; i < 3; ++i) Recognised("Ứng viên " + std::to_string(i));  // 6 moves
  std::vector<std::string> seen;
  nv1::ListChangesRequest r;
  r.set_page_size(4);
  auto first = All(r);
  ASSERT_EQ(first.changes_size(), 4);
  r.set_after(first.next_cursor());
  auto second = All(r);
  ASSERT_EQ(second.changes_size(), 2);
  for (const auto& c : first.changes()) seen.push_back(c.cursor());
  for (const auto& c : second.changes()) seen.push_back(c.cursor());
  auto all = All();
  ASSERT_EQ(all.changes_size(), 6);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(seen[i], all.changes(i).cursor());
}

TEST_F(NominationChangesTest, BadInputIsRefused) {
  nv1::ListChangesResponse out;
  for (const std::string& bad : std::vector<std::string>{"abc", "12-x", "-1", "1-2-3", std::string(60, '9')}) {
    nv1::ListChangesRequest r;
    r.set_after(bad);
    grpc::Status st = List(r, &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_NE(st.error_message().find("after"), std::string::npos) << st.error_message();
  }
  for (int size : {-1, 1001}) {
    nv1::ListChangesRequest r;
    r.set_page_size(size);
    EXPECT_EQ(List(r, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT) << size;
  }
  nv1::ListChangesRequest r;
  r.add_to_states(static_cast<nv1::NominationState>(99));
  EXPECT_EQ(List(r, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(NominationChangesTest, OnlyNodeAndAdminCallersReadTheFeed) {
  Recognised("Hoàng Văn Em");
  for (Role role : EveryRole()) {
    nv1::ListChangesResponse out;
    grpc::Status st = List({}, &out, role, kKhanhHoa);
    if (role == Role::kNode || role == Role::kAdmin) {
      EXPECT_TRUE(st.ok()) << RoleName(role) << ": " << st.error_message();
      EXPECT_EQ(out.changes_size(), 2) << RoleName(role);
    } else {
      EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << RoleName(role);
    }
  }
  // A node of another province sees none of Khánh Hòa's moves; an agency
  // outside the hierarchy is refused.
  nv1::ListChangesResponse out;
  ASSERT_TRUE(List({}, &out, Role::kNode, kHaNoi).ok());
  EXPECT_EQ(out.changes_size(), 0);
  EXPECT_EQ(List({}, &out, Role::kNode, "ZZ9").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  for (const std::string& header : BadAuthorizationHeaders()) {
    EXPECT_EQ(stub->ListChanges(WithAuthorization(header).get(), {}, &out).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
  }
}

}  // namespace
}  // namespace tdkt::testing
