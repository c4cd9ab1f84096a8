// The nomination service end to end: real gRPC server on loopback, real Redis.
#include <atomic>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "services/nomination/storage/redis_nomination_repository.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

class NominationE2ETest : public ::testing::Test {
 protected:
  NominationServer server;
  std::unique_ptr<nv1::NominationService::Stub> stub = nv1::NominationService::NewStub(server.channel());

  grpc::Status Get(const std::string& id, nv1::Nomination* out, const std::string& agency = kKhanhHoa) {
    nv1::GetNominationRequest r;
    r.set_id(id);
    return stub->GetNomination(server.Context(Role::kOfficer, agency).get(), r, out);
  }
  std::vector<nv1::AuditEntry> History(const std::string& id) {
    nv1::GetHistoryRequest r;
    r.set_id(id);
    nv1::GetHistoryResponse out;
    EXPECT_TRUE(stub->GetHistory(server.Context(Role::kInspector, kKhanhHoa).get(), r, &out).ok());
    return {out.entries().begin(), out.entries().end()};
  }
  std::vector<std::string> ListIds(nv1::ListNominationsRequest r, Role role = Role::kOfficer,
                                   const std::string& agency = "TW") {
    std::vector<std::string> ids;
    do {
      nv1::ListNominationsResponse out;
      grpc::Status st = stub->ListNominations(server.Context(role, agency).get(), r, &out);
      EXPECT_TRUE(st.ok()) << st.error_message();
      if (!st.ok()) break;
      for (const auto& n : out.nominations()) ids.push_back(n.id());
      r.set_page_token(out.next_page_token());
    } while (!r.page_token().empty());
    return ids;
  }
};

TEST_F(NominationE2ETest, RecordsACandidateNormalisedToNfc) {
  // "Huệ" typed with a combining dot below (NFD), as some keyboards send it.
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Nguyễn Thị Hue\xCC\xA3\xCC\x82", kBacNhaTrang));
  EXPECT_EQ(n.details().name(), "Nguyễn Thị Huệ");
  EXPECT_EQ(n.state(), nv1::DISCOVERED);
  EXPECT_EQ(n.version(), 1);
  EXPECT_EQ(n.agency_name_at_creation(), "Phường Bắc Nha Trang");
  EXPECT_EQ(n.id().rfind("nom-22333-", 0), 0u);
  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read).ok());
  EXPECT_EQ(read.SerializeAsString(), n.SerializeAsString());
}

TEST_F(NominationE2ETest, WholeLifecycleWithAuditTrail) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Hợp tác xã Nông nghiệp Vĩnh Thạnh", kNhaTrang, "agriculture", nv1::COLLECTIVE));
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::FOSTERING);

  nv1::SetFosteringPlanRequest plan;
  plan.set_request_id(NextRequestId());
  plan.set_id(n.id());
  plan.set_expected_version(n.version());
  plan.mutable_plan()->add_support_measures("Hỗ trợ kỹ thuật canh tác hữu cơ");
  plan.mutable_plan()->add_shortcomings("Chưa có chứng nhận VietGAP");
  plan.mutable_plan()->set_target_date("2026-12-31");
  ASSERT_TRUE(stub->SetFosteringPlan(server.Context(Role::kOfficer, kKhanhHoa).get(), plan, &n).ok());

  nv1::AddFollowUpRequest follow;
  follow.set_request_id(NextRequestId());
  follow.set_id(n.id());
  follow.set_expected_version(n.version());
  follow.mutable_follow_up()->set_date("2026-06-30");
  follow.mutable_follow_up()->set_note("Đã được cấp chứng nhận VietGAP cho 12 ha");
  ASSERT_TRUE(stub->AddFollowUp(server.Context(Role::kOfficer, kKhanhHoa).get(), follow, &n).ok());
  EXPECT_EQ(n.follow_ups(0).author(), "officer@56");

  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
  n = MoveTo(server, Role::kNode, kKhanhHoa, n, nv1::RECOGNISED);
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::REPLICATING);
  EXPECT_EQ(n.state(), nv1::REPLICATING);
  EXPECT_EQ(n.version(), 7);

  auto history = History(n.id());
  ASSERT_EQ(history.size(), 7u);
  std::vector<std::string> actions;
  for (const auto& e : history) actions.push_back(e.action());
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "transition", "foster", "follow_up", "transition",
                                               "transition", "transition"}));
  EXPECT_EQ(history[5].from_state(), nv1::SUBMITTED);
  EXPECT_EQ(history[5].to_state(), nv1::RECOGNISED);
  EXPECT_EQ(history[5].actor_role(), "node");
  EXPECT_EQ(history[6].version(), 7);

  // Every change also left an event in the agency's outbox.
  RedisClient redis(TestRedisOptions(), nullptr);
  auto length = redis.Command({"XLEN", nomination::RedisNominationRepository::OutboxKey(kNhaTrang)});
  EXPECT_EQ(length->integer, 7);
}

TEST_F(NominationE2ETest, IllegalTransitionChangesNothing) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Trần Văn Bình", kBacNhaTrang));
  std::string before = RedisDigest();
  nv1::TransitionNominationRequest r;
  r.set_request_id(NextRequestId());
  r.set_id(n.id());
  r.set_expected_version(1);
  r.set_to_state(nv1::RECOGNISED);
  nv1::Nomination out;
  grpc::Status st = stub->TransitionNomination(server.Context(Role::kCouncilSecretary, kKhanhHoa).get(), r, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("discovered cannot become recognised"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);
}

TEST_F(NominationE2ETest, SameRequestIdRecordsOnce) {
  nv1::CreateNominationRequest r;
  r.set_request_id("officer-lan-2026-11-22-001");
  *r.mutable_details() = Details("Lê Thị Mai", kBacNhaTrang);
  nv1::Nomination first, second;
  ASSERT_TRUE(stub->CreateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &first).ok());
  ASSERT_TRUE(stub->CreateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &second).ok());
  EXPECT_EQ(first.id(), second.id());
  nv1::ListNominationsRequest list;
  EXPECT_EQ(ListIds(list).size(), 1u);

  // Reusing the id for different content is refused, naming request_id.
  r.mutable_details()->set_name("Lê Thị Lan");
  grpc::Status st = stub->CreateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &second);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message().rfind("request_id:", 0), 0u) << st.error_message();
}

TEST_F(NominationE2ETest, ConcurrentRetriesOfOneCreateRecordOnce) {
  nv1::CreateNominationRequest r;
  r.set_request_id("retry-storm");
  *r.mutable_details() = Details("Phạm Văn Đức", kBacNhaTrang);
  std::set<std::string> ids;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      nv1::Nomination out;
      if (stub->CreateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out).ok()) {
        std::lock_guard<std::mutex> lock(mu);
        ids.insert(out.id());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(ListIds(nv1::ListNominationsRequest()).size(), 1u);
}

TEST_F(NominationE2ETest, TwoOfficersEditingOneRecordNeverOverwriteEachOther) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Võ Thị Sáu", kBacNhaTrang));
  std::atomic<int> ok{0}, aborted{0}, other{0};
  std::vector<std::thread> writers;
  for (int i = 0; i < 6; ++i) {
    writers.emplace_back([&, i] {
      nv1::UpdateNominationRequest r;
      r.set_request_id("edit-" + std::to_string(i));
      r.set_id(n.id());
      r.set_expected_version(1);
      *r.mutable_details() = n.details();
      r.mutable_details()->set_achievements("Bản sửa của cán bộ số " + std::to_string(i));
      nv1::Nomination out;
      grpc::Status st = stub->UpdateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
      if (st.ok()) ++ok;
      else if (st.error_code() == grpc::StatusCode::ABORTED) ++aborted;
      else ++other;
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(aborted, 5);
  EXPECT_EQ(other, 0);
  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read).ok());
  EXPECT_EQ(read.version(), 2);
  EXPECT_EQ(History(n.id()).size(), 2u);
}

TEST_F(NominationE2ETest, ListFiltersBySubtreeFieldKindStateYearAndText) {
  auto hue = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Nguyễn Huệ", kBacNhaTrang, "education"));
  auto hoa = CreateAs(server, Role::kOfficer, kKhanhHoa,
                      Details("Hộ gia đình ông Đặng Văn Hòa", kNhaTrang, "agriculture", nv1::HOUSEHOLD));
  auto hn = CreateAs(server, Role::kOfficer, kHaNoi, Details("Trường Tiểu học Ba Đình", kBaDinh, "education", nv1::COLLECTIVE));
  nv1::NominationDetails old = Details("Ngô Thị Nguyệt", kNhaTrang);
  old.mutable_discovered_at()->set_seconds(1704042000);  // 2023-12-31 17:00 UTC = 2024-01-01 00:00 in Vietnam
  auto earlier = CreateAs(server, Role::kOfficer, kKhanhHoa, old);
  hoa = MoveTo(server, Role::kOfficer, kKhanhHoa, hoa, nv1::FOSTERING);

  nv1::ListNominationsRequest q;
  EXPECT_EQ(ListIds(q).size(), 4u);
  q.set_agency_id(kKhanhHoa);
  EXPECT_EQ(ListIds(q), (std::vector<std::string>{earlier.id(), hoa.id(), hue.id()}));  // newest first
  q.set_field("education");
  EXPECT_EQ(ListIds(q), std::vector<std::string>{hue.id()});
  q.clear_field();
  q.set_kind(nv1::HOUSEHOLD);
  EXPECT_EQ(ListIds(q), std::vector<std::string>{hoa.id()});
  q.clear_kind();
  q.set_state(nv1::FOSTERING);
  EXPECT_EQ(ListIds(q), std::vector<std::string>{hoa.id()});
  q.clear_state();
  q.set_year(2024);
  EXPECT_EQ(ListIds(q), std::vector<std::string>{earlier.id()});
  q.clear_year();
  q.set_text("nguyen hue");
  EXPECT_EQ(ListIds(q), std::vector<std::string>{hue.id()});
  q.set_text("dang van hoa");
  EXPECT_EQ(ListIds(q), std::vector<std::string>{hoa.id()});
  // A commune officer sees only the commune.
  nv1::ListNominationsRequest mine;
  EXPECT_EQ(ListIds(mine, Role::kOfficer, kBaDinh), std::vector<std::string>{hn.id()});
}

TEST_F(NominationE2ETest, PaginationIsStableWhileRecordsAreAdded) {
  std::vector<std::string> created;
  for (int i = 0; i < 25; ++i) {
    created.push_back(CreateAs(server, Role::kOfficer, kKhanhHoa,
                               Details("Cá nhân số " + std::to_string(i), i % 2 ? kBacNhaTrang : kNhaTrang)).id());
  }
  nv1::ListNominationsRequest q;
  q.set_page_size(10);
  std::vector<std::string> seen;
  std::vector<int> page_sizes;
  do {
    nv1::ListNominationsResponse page;
    ASSERT_TRUE(stub->ListNominations(server.Context(Role::kOfficer, kKhanhHoa).get(), q, &page).ok());
    page_sizes.push_back(page.nominations_size());
    for (const auto& n : page.nominations()) seen.push_back(n.id());
    // New records while paging must not shift or repeat later pages.
    CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Người mới", kNhaTrang));
    q.set_page_token(page.next_page_token());
  } while (!q.page_token().empty());
  EXPECT_EQ(page_sizes, (std::vector<int>{10, 10, 5}));
  std::reverse(created.begin(), created.end());
  EXPECT_EQ(seen, created);
}

TEST_F(NominationE2ETest, MergedUnitsRecordsStayReadableUnderTheSuccessor) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Huỳnh Văn Nghệ", kBacNhaTrang));
  auto agencies = nv1::AgencyService::NewStub(server.channel());
  nv1::GetAgencyRequest get;
  get.set_id(kBacNhaTrang);
  nv1::Agency unit;
  ASSERT_TRUE(agencies->GetAgency(server.Context(Role::kAdmin, "TW").get(), get, &unit).ok());
  nv1::MergeAgencyRequest merge;
  merge.set_id(kBacNhaTrang);
  merge.set_successor_id(kNhaTrang);
  merge.set_expected_version(unit.version());
  nv1::Agency successor;
  ASSERT_TRUE(agencies->MergeAgency(server.Context(Role::kAdmin, "TW").get(), merge, &successor).ok());
  EXPECT_EQ(successor.id(), kNhaTrang);

  // The successor's officer now reads and lists the merged unit's record,
  // which keeps the old unit's name.
  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read, kNhaTrang).ok());
  EXPECT_EQ(read.agency_name_at_creation(), "Phường Bắc Nha Trang");
  EXPECT_EQ(read.details().agency_id(), kBacNhaTrang);
  EXPECT_EQ(read.current_agency_id(), kNhaTrang);
  EXPECT_EQ(ListIds(nv1::ListNominationsRequest(), Role::kOfficer, kNhaTrang), std::vector<std::string>{n.id()});
  ASSERT_TRUE(agencies->GetAgency(server.Context(Role::kAdmin, "TW").get(), get, &unit).ok());
  EXPECT_EQ(unit.merged_into(), kNhaTrang);
  // The successor's officer can still correct the merged unit's record.
  nv1::UpdateNominationRequest fix;
  fix.set_request_id(NextRequestId());
  fix.set_id(n.id());
  fix.set_expected_version(read.version());
  *fix.mutable_details() = read.details();
  fix.mutable_details()->set_achievements("Bổ sung thành tích năm 2026");
  ASSERT_TRUE(stub->UpdateNomination(server.Context(Role::kOfficer, kNhaTrang).get(), fix, &read).ok());
  EXPECT_EQ(read.version(), 2);
  // Its history names the unit as it was called when each change was made.
  auto history = History(n.id());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].agency_name(), "Phường Bắc Nha Trang");
  // New candidates go to the successor.
  nv1::CreateNominationRequest r;
  r.set_request_id(NextRequestId());
  *r.mutable_details() = Details("Người sau sáp nhập", kBacNhaTrang);
  grpc::Status st = stub->CreateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &read);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(NominationE2ETest, MovementsAreReferencedByCandidates) {
  auto movements = nv1::MovementService::NewStub(server.channel());
  nv1::CreateMovementRequest m;
  m.set_request_id(NextRequestId());
  m.mutable_movement()->set_agency_id(kKhanhHoa);
  m.mutable_movement()->set_name("Phong trào thi đua \"Bình dân học vụ số\"");
  m.mutable_movement()->set_period_start("2025-03-01");
  m.mutable_movement()->set_period_end("2026-12-31");
  m.mutable_movement()->add_goals("100% cán bộ sử dụng thành thạo dịch vụ công trực tuyến");
  nv1::Movement movement;
  ASSERT_TRUE(movements->CreateMovement(server.Context(Role::kOfficer, kKhanhHoa).get(), m, &movement).ok());

  auto d = Details("Nguyễn Văn Số", kBacNhaTrang, "information_communications");
  d.set_movement_id(movement.id());
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, d);
  EXPECT_EQ(n.details().movement_id(), movement.id());

  // Hà Nội's communes are not covered by Khánh Hòa's movement.
  nv1::CreateNominationRequest r;
  r.set_request_id(NextRequestId());
  *r.mutable_details() = Details("Ngoài phạm vi", kBaDinh);
  r.mutable_details()->set_movement_id(movement.id());
  nv1::Nomination out;
  grpc::Status st = stub->CreateNomination(server.Context(Role::kOfficer, "TW").get(), r, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message().rfind("details.movement_id:", 0), 0u) << st.error_message();

  nv1::ListMovementsRequest list;
  list.set_text("binh dan hoc vu");
  nv1::ListMovementsResponse found;
  ASSERT_TRUE(movements->ListMovements(server.Context(Role::kMediaEditor, kKhanhHoa).get(), list, &found).ok());
  ASSERT_EQ(found.movements_size(), 1);
  // A commune can read its province's movement.
  nv1::GetMovementRequest get;
  get.set_id(movement.id());
  nv1::Movement read;
  ASSERT_TRUE(movements->GetMovement(server.Context(Role::kOfficer, kBacNhaTrang).get(), get, &read).ok());
  EXPECT_EQ(read.name(), movement.name());
}

TEST_F(NominationE2ETest, BatchCreateIsAllOrNothing) {
  nv1::BatchCreateNominationsRequest batch;
  batch.set_request_id("import-1");
  *batch.add_rows() = Details("Nguyễn Văn Một", kBacNhaTrang);
  *batch.add_rows() = Details("", kBacNhaTrang);
  *batch.add_rows() = Details("Nguyễn Văn Ba", "99999");
  std::string before = RedisDigest();
  nv1::BatchCreateNominationsResponse out;
  grpc::Status st = stub->BatchCreateNominations(server.Context(Role::kOfficer, kKhanhHoa).get(), batch, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("row 2: details.name"), std::string::npos) << st.error_message();
  EXPECT_NE(st.error_message().find("row 3: details.agency_id"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);

  batch.mutable_rows(1)->set_name("Nguyễn Văn Hai");
  batch.mutable_rows(2)->set_agency_id(kNhaTrang);
  ASSERT_TRUE(stub->BatchCreateNominations(server.Context(Role::kOfficer, kKhanhHoa).get(), batch, &out).ok());
  EXPECT_EQ(out.nominations_size(), 3);
  // Retrying the whole batch, even seconds later, records nothing twice.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_TRUE(stub->BatchCreateNominations(server.Context(Role::kOfficer, kKhanhHoa).get(), batch, &out).ok());
  EXPECT_EQ(ListIds(nv1::ListNominationsRequest()).size(), 3u);
}

// What the evaluation service adds to a candidate's file: attachments,
// history notes, the decision with a recognition, and the hierarchy it caches.

nv1::AddAttachmentRequest AttachmentRequest(const nv1::Nomination& n, const std::string& title,
                                            const std::string& kind = "minutes") {
  nv1::AddAttachmentRequest r;
  r.set_request_id(NextRequestId());
  r.set_id(n.id());
  r.set_expected_version(n.version());
  r.mutable_attachment()->set_title(title);
  r.mutable_attachment()->set_uri("tdkt://evaluation/sessions/ses-7/minutes");
  r.mutable_attachment()->set_kind(kind);
  return r;
}

nv1::AddHistoryNoteRequest NoteRequest(const nv1::Nomination& n, const std::string& kind, const std::string& text) {
  nv1::AddHistoryNoteRequest r;
  r.set_request_id(NextRequestId());
  r.set_id(n.id());
  r.set_expected_version(n.version());
  r.set_kind(kind);
  r.set_text(text);
  return r;
}

nv1::Recognition Decision125() {
  nv1::Recognition r;
  r.set_decision_number("125/QĐ-UBND");
  r.set_decision_date("2026-12-15");
  r.set_form("Chiến sĩ thi đua cơ sở");
  r.set_title_code("chien-si-thi-dua-co-so");
  r.set_session_id("ses-7");
  return r;
}

TEST_F(NominationE2ETest, AttachmentsAndNotesJoinTheFileAndTheHistory) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Phan Thị Lụa", kBacNhaTrang));
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);

  auto attach = AttachmentRequest(n, " Biên bản họp Hội đồng phiên ses-7 ");
  attach.mutable_attachment()->set_added_by("someone-else");  // The server sets who and when.
  ASSERT_TRUE(stub->AddAttachment(server.Context(Role::kCouncilSecretary, kKhanhHoa).get(), attach, &n).ok());
  EXPECT_EQ(n.version(), 3);
  EXPECT_EQ(n.state(), nv1::SUBMITTED);
  ASSERT_EQ(n.attachments_size(), 1);
  EXPECT_EQ(n.attachments(0).title(), "Biên bản họp Hội đồng phiên ses-7");
  EXPECT_EQ(n.attachments(0).uri(), "tdkt://evaluation/sessions/ses-7/minutes");
  EXPECT_EQ(n.attachments(0).kind(), "minutes");
  EXPECT_EQ(n.attachments(0).added_by(), "council_secretary@56");
  EXPECT_GT(n.attachments(0).added_at().seconds(), 0);

  ASSERT_TRUE(stub->AddAttachment(server.Context(Role::kNode, kKhanhHoa).get(),
                                  AttachmentRequest(n, "Tờ trình của Phòng Nội vụ", ""), &n).ok());
  ASSERT_EQ(n.attachments_size(), 2);
  EXPECT_EQ(n.attachments(1).kind(), "other");  // Oldest first; an empty kind is "other".

  ASSERT_TRUE(stub->AddHistoryNote(server.Context(Role::kNode, kKhanhHoa).get(),
                                   NoteRequest(n, "objection_lodged", "Đơn phản ánh của ông Trần Văn A"), &n).ok());
  ASSERT_TRUE(stub->AddHistoryNote(server.Context(Role::kOfficer, kKhanhHoa).get(),
                                   NoteRequest(n, "appraisal", "Hồ sơ đủ điều kiện\nĐề nghị Hội đồng xét"), &n).ok());
  EXPECT_EQ(n.version(), 6);
  EXPECT_EQ(n.updated_by(), "officer@56");

  // Notes are allowed in every state, final ones too.
  n = MoveTo(server, Role::kNode, kKhanhHoa, n, nv1::REJECTED, "Không đạt tỷ lệ phiếu");
  ASSERT_TRUE(stub->AddHistoryNote(server.Context(Role::kCouncilSecretary, kKhanhHoa).get(),
                                   NoteRequest(n, "objection_resolved", "Đã trả lời đơn phản ánh"), &n).ok());
  EXPECT_EQ(n.version(), 8);

  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read).ok());
  EXPECT_EQ(read.SerializeAsString(), n.SerializeAsString());

  auto history = History(n.id());
  std::vector<std::string> actions, reasons;
  for (const auto& e : history) {
    actions.push_back(e.action());
    reasons.push_back(e.reason());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "transition", "attach", "attach", "objection_lodged",
                                               "appraisal", "transition", "objection_resolved"}));
  EXPECT_EQ(reasons[2], "Biên bản họp Hội đồng phiên ses-7");
  EXPECT_EQ(reasons[4], "Đơn phản ánh của ông Trần Văn A");
  EXPECT_EQ(reasons[5], "Hồ sơ đủ điều kiện\nĐề nghị Hội đồng xét");
  EXPECT_EQ(history[4].actor_role(), "node");
  EXPECT_EQ(history[4].from_state(), nv1::SUBMITTED);
  EXPECT_EQ(history[4].to_state(), nv1::SUBMITTED);
  EXPECT_EQ(history[7].version(), 8);
  EXPECT_EQ(history[7].to_state(), nv1::REJECTED);

  // Each is a change like any other: one outbox event each.
  RedisClient redis(TestRedisOptions(), nullptr);
  EXPECT_EQ(redis.Command({"XLEN", nomination::RedisNominationRepository::OutboxKey(kBacNhaTrang)})->integer, 8);
}

TEST_F(NominationE2ETest, RetriedAttachmentIsAddedOnce) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Lâm Văn Hải", kBacNhaTrang));
  auto attach = AttachmentRequest(n, "Biên bản kiểm phiếu");
  nv1::Nomination first, second;
  ASSERT_TRUE(stub->AddAttachment(server.Context(Role::kNode, kKhanhHoa).get(), attach, &first).ok());
  ASSERT_TRUE(stub->AddAttachment(server.Context(Role::kNode, kKhanhHoa).get(), attach, &second).ok());
  EXPECT_EQ(second.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(second.version(), 2);
  EXPECT_EQ(second.attachments_size(), 1);
  EXPECT_EQ(History(n.id()).size(), 2u);

  // The same request id for another document is refused, naming request_id.
  attach.mutable_attachment()->set_title("Biên bản khác");
  grpc::Status st = stub->AddAttachment(server.Context(Role::kNode, kKhanhHoa).get(), attach, &second);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message().rfind("request_id:", 0), 0u) << st.error_message();
  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read).ok());
  EXPECT_EQ(read.attachments_size(), 1);
}

TEST_F(NominationE2ETest, RecognitionIsStoredWithTheDecisionAndKept) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Trương Thị Hạnh", kBacNhaTrang));
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);

  nv1::TransitionNominationRequest r;
  r.set_request_id(NextRequestId());
  r.set_id(n.id());
  r.set_expected_version(n.version());
  r.set_to_state(nv1::RECOGNISED);
  *r.mutable_recognition() = Decision125();
  r.mutable_recognition()->set_decision_number(" 125/QĐ-UBND ");
  nv1::Nomination recognised;
  ASSERT_TRUE(stub->TransitionNomination(server.Context(Role::kNode, kKhanhHoa).get(), r, &recognised).ok());
  EXPECT_EQ(recognised.state(), nv1::RECOGNISED);

  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read).ok());
  ASSERT_TRUE(read.has_recognition());
  EXPECT_EQ(read.recognition().decision_number(), "125/QĐ-UBND");
  EXPECT_EQ(read.recognition().decision_date(), "2026-12-15");
  EXPECT_EQ(read.recognition().form(), "Chiến sĩ thi đua cơ sở");
  EXPECT_EQ(read.recognition().title_code(), "chien-si-thi-dua-co-so");
  EXPECT_EQ(read.recognition().session_id(), "ses-7");
  EXPECT_EQ(read.recognition().decided_by_agency(), kKhanhHoa);  // The secretary's agency, by default.

  // A retry answers with the first result; the same id with another
  // decision is refused: the decision is part of the request's fingerprint.
  nv1::Nomination again;
  ASSERT_TRUE(stub->TransitionNomination(server.Context(Role::kNode, kKhanhHoa).get(), r, &again).ok());
  EXPECT_EQ(again.version(), recognised.version());
  r.mutable_recognition()->set_decision_number("126/QĐ-UBND");
  grpc::Status st = stub->TransitionNomination(server.Context(Role::kNode, kKhanhHoa).get(), r, &again);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message().rfind("request_id:", 0), 0u) << st.error_message();

  // Later moves without a decision keep it.
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, read, nv1::REPLICATING);
  EXPECT_EQ(n.recognition().SerializeAsString(), read.recognition().SerializeAsString());
  ASSERT_TRUE(Get(n.id(), &read).ok());
  EXPECT_EQ(read.recognition().decision_number(), "125/QĐ-UBND");

  // A proposal to the level above may come without number and date, and
  // names the agency that decided.
  r.set_request_id(NextRequestId());
  r.set_expected_version(read.version());
  r.set_to_state(nv1::PROPOSED);
  r.clear_recognition();
  r.mutable_recognition()->set_form("Chiến sĩ thi đua cấp tỉnh");
  r.mutable_recognition()->set_decided_by_agency(kKhanhHoa);
  ASSERT_TRUE(stub->TransitionNomination(server.Context(Role::kNode, "TW").get(), r, &read).ok());
  EXPECT_EQ(read.recognition().form(), "Chiến sĩ thi đua cấp tỉnh");
  EXPECT_EQ(read.recognition().decision_number(), "");
}

TEST_F(NominationE2ETest, RecognitionIsRefusedForAReturn) {
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Đoàn Văn Lực", kBacNhaTrang));
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
  std::string before = RedisDigest();
  nv1::TransitionNominationRequest r;
  r.set_request_id(NextRequestId());
  r.set_id(n.id());
  r.set_expected_version(n.version());
  r.set_to_state(nv1::RETURNED);
  r.set_reason("Thiếu minh chứng sáng kiến");
  *r.mutable_recognition() = Decision125();
  nv1::Nomination out;
  grpc::Status st = stub->TransitionNomination(server.Context(Role::kNode, kKhanhHoa).get(), r, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message().rfind("recognition:", 0), 0u) << st.error_message();
  EXPECT_NE(st.error_message().find("not to returned"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);
  // Without the decision the same return goes through, and leaves none.
  r.clear_recognition();
  r.set_request_id(NextRequestId());
  ASSERT_TRUE(stub->TransitionNomination(server.Context(Role::kNode, kKhanhHoa).get(), r, &out).ok());
  EXPECT_EQ(out.state(), nv1::RETURNED);
  EXPECT_FALSE(out.has_recognition());
}

TEST_F(NominationE2ETest, NomineeCodeIsKept) {
  auto d = Details("Ngô Văn Mạnh", kBacNhaTrang);
  d.set_nominee_code("  CB-56/2026.0042 ");
  auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, d);
  EXPECT_EQ(n.details().nominee_code(), "CB-56/2026.0042");

  // An update sends the details back whole, the code with them.
  nv1::UpdateNominationRequest fix;
  fix.set_request_id(NextRequestId());
  fix.set_id(n.id());
  fix.set_expected_version(n.version());
  *fix.mutable_details() = n.details();
  fix.mutable_details()->set_achievements("Bổ sung: sáng kiến cấp tỉnh năm 2026");
  ASSERT_TRUE(stub->UpdateNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), fix, &n).ok());
  n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::FOSTERING);
  nv1::Nomination read;
  ASSERT_TRUE(Get(n.id(), &read).ok());
  EXPECT_EQ(read.version(), 3);
  EXPECT_EQ(read.details().nominee_code(), "CB-56/2026.0042");
  EXPECT_EQ(read.details().achievements(), "Bổ sung: sáng kiến cấp tỉnh năm 2026");
}

TEST_F(NominationE2ETest, HierarchySnapshotFullThenUnchangedThenChanged) {
  auto agencies = nv1::AgencyService::NewStub(server.channel());
  nv1::SnapshotAgenciesRequest r;
  nv1::AgencySnapshot full;
  ASSERT_TRUE(agencies->SnapshotAgencies(server.Context(Role::kNode, kKhanhHoa).get(), r, &full).ok());
  EXPECT_FALSE(full.unchanged());
  EXPECT_GT(full.version(), 0);
  // Every unit, Hà Nội's too (not only the caller's subtree), parents first.
  ASSERT_GT(full.agencies_size(), 5);
  EXPECT_EQ(full.agencies(0).id(), "TW");
  EXPECT_EQ(full.agencies(0).parent_id(), "");
  std::set<std::string> seen;
  for (const auto& a : full.agencies()) {
    if (!a.parent_id().empty()) { EXPECT_TRUE(seen.count(a.parent_id())) << a.id() << " before its parent"; }
    EXPECT_TRUE(seen.insert(a.id()).second) << a.id() << " twice";
  }
  for (const char* id : {kKhanhHoa, kBacNhaTrang, kNhaTrang, kHaNoi, kBaDinh}) EXPECT_TRUE(seen.count(id)) << id;

  r.set_known_version(full.version());
  nv1::AgencySnapshot same;
  ASSERT_TRUE(agencies->SnapshotAgencies(server.Context(Role::kAdmin, "TW").get(), r, &same).ok());
  EXPECT_TRUE(same.unchanged());
  EXPECT_EQ(same.version(), full.version());
  EXPECT_EQ(same.agencies_size(), 0);

  nv1::AddAgencyRequest add;
  add.set_id("TDP1");
  add.set_name("Tổ dân phố 1");
  add.set_kind("Tổ dân phố");
  add.set_parent_id(kBacNhaTrang);
  nv1::Agency added;
  ASSERT_TRUE(agencies->AddAgency(server.Context(Role::kAdmin, kKhanhHoa).get(), add, &added).ok());
  nv1::AgencySnapshot changed;
  ASSERT_TRUE(agencies->SnapshotAgencies(server.Context(Role::kNode, kKhanhHoa).get(), r, &changed).ok());
  EXPECT_FALSE(changed.unchanged());
  EXPECT_GT(changed.version(), full.version());
  EXPECT_EQ(changed.agencies_size(), full.agencies_size() + 1);
  bool found = false;
  for (const auto& a : changed.agencies()) {
    if (a.id() == "TDP1") {
      found = true;
      EXPECT_EQ(a.parent_id(), kBacNhaTrang);
      EXPECT_EQ(a.name(), "Tổ dân phố 1");
    }
  }
  EXPECT_TRUE(found);
  // Asking with 0 always sends everything.
  r.set_known_version(0);
  ASSERT_TRUE(agencies->SnapshotAgencies(server.Context(Role::kNode, kKhanhHoa).get(), r, &same).ok());
  EXPECT_FALSE(same.unchanged());
  EXPECT_EQ(same.agencies_size(), changed.agencies_size());
}

}  // namespace
}  // namespace tdkt::testing
