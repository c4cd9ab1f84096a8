// Upward forwarding between two real nomination nodes: parent "56" (Khánh
// Hòa) and child "22333" (Phường Bắc Nha Trang), each on its own logical
// database of the test Redis and its own gRPC server on loopback.
#include <algorithm>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "common/federation/envelope.h"
#include "services/nomination/domain/record_id.h"
#include "services/nomination/storage/federation_store.h"
#include "services/nomination/storage/redis_nomination_repository.h"
#include "tests/support/federation_nodes.h"

namespace tdkt::testing {
namespace {

namespace nv1 = ::tdkt::nomination::v1;
namespace fv1 = ::tdkt::federation::v1;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string NextId() {
  static int n = 0;
  return "fed-test-" + std::to_string(++n);
}

class FederationTest : public ::testing::Test {
 protected:
  FederationTest() {
    FlushTestRedis();
    Link(parent, child);
    parent.Start();
    child.Start();
  }

  FederationNode parent{"56", 1};
  FederationNode child{"22333", 2};

  nv1::Nomination Create(const std::string& name, const std::string& unit = "22333",
                         const std::string& caller_agency = "22333") {
    nv1::CreateNominationRequest r;
    r.set_request_id(NextId());
    r.mutable_details()->set_kind(nv1::INDIVIDUAL);
    r.mutable_details()->set_name(name);
    r.mutable_details()->set_agency_id(unit);
    r.mutable_details()->add_fields("health");
    r.mutable_details()->set_achievements("Ba năm liền hoàn thành xuất sắc nhiệm vụ");
    nv1::Nomination out;
    grpc::Status st = child.stub().CreateNomination(child.Context(Role::kOfficer, caller_agency).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  static grpc::Status Move(FederationNode& node, Role role, const std::string& agency, nv1::Nomination& n,
                           nv1::NominationState to, const std::string& reason = "",
                           const nv1::Recognition* recognition = nullptr) {
    nv1::TransitionNominationRequest r;
    r.set_request_id(NextId());
    r.set_id(n.id());
    r.set_expected_version(n.version());
    r.set_to_state(to);
    r.set_reason(reason);
    if (recognition) *r.mutable_recognition() = *recognition;
    nv1::Nomination out;
    grpc::Status st = node.stub().TransitionNomination(node.Context(role, agency).get(), r, &out);
    if (st.ok()) n = out;
    return st;
  }

  // Discovered → submitted (officer) → proposed (the council's vote, node).
  nv1::Nomination Propose(const std::string& name, const std::string& unit = "22333",
                          const std::string& caller_agency = "22333") {
    nv1::Nomination n = Create(name, unit, caller_agency);
    EXPECT_TRUE(Move(child, Role::kOfficer, caller_agency, n, nv1::SUBMITTED).ok());
    nv1::Recognition decision;
    decision.set_decision_number("7/QĐ-UBND");
    decision.set_decision_date("2026-04-01");
    grpc::Status st = Move(child, Role::kNode, caller_agency, n, nv1::PROPOSED, "", &decision);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return n;
  }

  nv1::Nomination GetAt(FederationNode& node, const std::string& id, const std::string& agency = "") {
    nv1::GetNominationRequest r;
    r.set_id(id);
    nv1::Nomination out;
    grpc::Status st = node.stub().GetNomination(
        node.Context(Role::kOfficer, agency.empty() ? node.agency() : agency).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  std::vector<nv1::AuditEntry> HistoryAt(FederationNode& node, const std::string& id) {
    nv1::GetHistoryRequest r;
    r.set_id(id);
    nv1::GetHistoryResponse out;
    grpc::Status st = node.stub().GetHistory(node.Context(Role::kInspector, node.agency()).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return {out.entries().begin(), out.entries().end()};
  }

  // The parent's records, oldest first.
  std::vector<nv1::Nomination> ParentRecords() {
    nv1::ListNominationsRequest r;
    r.set_agency_id("56");
    r.set_page_size(200);
    nv1::ListNominationsResponse out;
    grpc::Status st = parent.stub().ListNominations(parent.Context(Role::kOfficer, "56").get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    std::vector<nv1::Nomination> records(out.nominations().begin(), out.nominations().end());
    std::reverse(records.begin(), records.end());
    return records;
  }

  int64_t ParentKeyCount() { return parent.redis().Command({"DBSIZE"})->integer; }

  // A proposal envelope as the child would seal it.
  fv1::Envelope Envelope(const nv1::Nomination& n, const std::string& message_id,
                         const federation::SigningKey* key = nullptr, const std::string& sender = "22333",
                         const std::string& recipient = "56", int64_t signed_at = 0) {
    nv1::ProposalPayload payload;
    *payload.mutable_nomination() = n;
    for (const auto& e : HistoryAt(child, n.id())) *payload.add_history() = e;
    return federation::Seal(key ? *key : child.key(), message_id, sender, recipient, "proposal",
                            payload.SerializeAsString(), signed_at ? signed_at : NowMs());
  }

  grpc::Status Deliver(const fv1::Envelope& envelope, fv1::Receipt* receipt) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return parent.federation_stub().ReceiveProposal(&context, envelope, receipt);
  }
};

TEST_F(FederationTest, ProposalArrivesOnceAsSubmittedWithOriginAndChildHistory) {
  nv1::Nomination n = Propose("Nguyễn Thị Huệ");
  EXPECT_EQ(n.upward().state(), nv1::UpwardStatus::QUEUED);
  EXPECT_EQ(child.redis().Command({"XLEN", nomination::FederationStore::UplinkKey()})->integer, 1);

  auto drained = child.node().DrainUplinkOnce();
  ASSERT_TRUE(drained.ok()) << drained.status().ToString();
  EXPECT_EQ(*drained, 1);
  EXPECT_EQ(*child.node().DrainUplinkOnce(), 0);

  auto records = ParentRecords();
  ASSERT_EQ(records.size(), 1u);
  const nv1::Nomination& received = records[0];
  EXPECT_EQ(received.state(), nv1::SUBMITTED);
  EXPECT_EQ(received.details().agency_id(), "22333");
  EXPECT_EQ(received.details().name(), "Nguyễn Thị Huệ");
  EXPECT_EQ(received.origin().child_agency(), "22333");
  EXPECT_EQ(received.origin().child_record_id(), n.id());
  EXPECT_EQ(received.origin().record().state(), nv1::PROPOSED);
  EXPECT_EQ(received.origin().message_id().rfind("22333/proposals/", 0), 0u);
  ASSERT_EQ(received.origin().history_size(), 3);
  EXPECT_EQ(received.origin().history(0).action(), "create");
  EXPECT_EQ(received.origin().history(2).to_state(), nv1::PROPOSED);
  auto parent_history = HistoryAt(parent, received.id());
  ASSERT_EQ(parent_history.size(), 1u);
  EXPECT_EQ(parent_history[0].action(), "received");
  EXPECT_NE(parent_history[0].reason().find(n.id()), std::string::npos);
  EXPECT_NE(parent_history[0].reason().find("22333"), std::string::npos);

  nv1::Nomination at_child = GetAt(child, n.id());
  EXPECT_EQ(at_child.state(), nv1::PROPOSED);
  EXPECT_EQ(at_child.upward().state(), nv1::UpwardStatus::RECEIVED);
  EXPECT_EQ(at_child.upward().parent_record_id(), received.id());
  auto child_history = HistoryAt(child, n.id());
  EXPECT_EQ(child_history.back().action(), "upward");
  EXPECT_EQ(child_history.back().reason(), "received by the parent node as " + received.id());
}

TEST_F(FederationTest, ParentDownThenBackDeliversEveryProposalOnceInOrder) {
  const int port = parent.port();
  parent.Stop();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    nv1::Nomination n = Propose("Ứng viên số " + std::to_string(i + 1));
    ASSERT_FALSE(n.id().empty());
    ids.push_back(n.id());
  }
  // The child keeps working while its parent is away.
  nv1::Nomination other = Create("Trần Văn Bình");
  nv1::UpdateNominationRequest update;
  update.set_request_id(NextId());
  update.set_id(other.id());
  update.set_expected_version(1);
  *update.mutable_details() = other.details();
  update.mutable_details()->set_achievements("Sáng kiến cải tiến quy trình tiếp dân");
  nv1::Nomination updated;
  ASSERT_TRUE(child.stub().UpdateNomination(child.Context(Role::kOfficer, "22333").get(), update, &updated).ok());

  auto failed = child.node().DrainUplinkOnce();
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(federation::IsRetryable(failed.status())) << failed.status().ToString();
  auto stats = child.node().uplink()->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->depth, 5);

  parent.Start(port);
  int delivered = 0;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (delivered < 5 && std::chrono::steady_clock::now() < until) {
    auto drained = child.node().DrainUplinkOnce();
    if (drained.ok()) delivered += *drained;
    else std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(delivered, 5);
  auto records = ParentRecords();
  ASSERT_EQ(records.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(records[i].origin().child_record_id(), ids[i]) << i;
  EXPECT_EQ(*child.node().DrainUplinkOnce(), 0);
  EXPECT_EQ(ParentRecords().size(), 5u);
  for (const auto& id : ids) EXPECT_EQ(GetAt(child, id).upward().state(), nv1::UpwardStatus::RECEIVED);
}

TEST_F(FederationTest, SameEnvelopeTwiceRecordsOnce) {
  nv1::Nomination n = Propose("Lê Thị Mai");
  fv1::Envelope envelope = Envelope(n, "22333/proposals/1-0");
  fv1::Receipt first, second;
  ASSERT_TRUE(Deliver(envelope, &first).ok());
  EXPECT_FALSE(first.duplicate());
  ASSERT_TRUE(Deliver(envelope, &second).ok());
  EXPECT_TRUE(second.duplicate());
  EXPECT_EQ(second.recorded_as(), first.recorded_as());
  EXPECT_EQ(second.message_id(), "22333/proposals/1-0");
  EXPECT_EQ(ParentRecords().size(), 1u);

  // The same message id with other content is refused and changes nothing.
  nv1::Nomination changed = n;
  changed.mutable_details()->set_name("Tên khác");
  const int64_t keys = ParentKeyCount();
  fv1::Receipt third;
  grpc::Status st = Deliver(Envelope(changed, "22333/proposals/1-0"), &third);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("was already used for another payload"), std::string::npos) << st.error_message();
  EXPECT_EQ(ParentKeyCount(), keys);
  EXPECT_EQ(ParentRecords().size(), 1u);
}

TEST_F(FederationTest, RefusesForgedEnvelopesAndRecordsNothing) {
  nv1::Nomination n = Propose("Phạm Văn Cường");
  const int64_t keys = ParentKeyCount();
  fv1::Receipt receipt;

  fv1::Envelope tampered = Envelope(n, "22333/proposals/2-0");
  nv1::ProposalPayload payload;
  ASSERT_TRUE(payload.ParseFromString(tampered.payload()));
  payload.mutable_nomination()->mutable_details()->set_name("Người khác");
  tampered.set_payload(payload.SerializeAsString());
  grpc::Status st = Deliver(tampered, &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << st.error_message();

  federation::SigningKey stranger = federation::SigningKey::Generate();
  st = Deliver(Envelope(n, "22366/proposals/3-0", &stranger, "22366"), &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  EXPECT_NE(st.error_message().find("unknown sender"), std::string::npos) << st.error_message();

  // The child's name, signed with a key that is not the child's.
  st = Deliver(Envelope(n, "22333/proposals/4-0", &stranger), &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << st.error_message();

  st = Deliver(Envelope(n, "22333/proposals/5-0", nullptr, "22333", "01"), &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  EXPECT_NE(st.error_message().find("meant for"), std::string::npos) << st.error_message();

  st = Deliver(Envelope(n, "22333/proposals/6-0", nullptr, "22333", "56", NowMs() - 11 * 60 * 1000), &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << st.error_message();
  EXPECT_NE(st.error_message().find("ago"), std::string::npos) << st.error_message();

  fv1::Envelope garbage = federation::Seal(child.key(), "22333/proposals/7-0", "22333", "56", "proposal",
                                           "\xff\xff not a proposal", NowMs());
  st = Deliver(garbage, &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_EQ(st.error_message().rfind("payload", 0), 0u) << st.error_message();

  EXPECT_EQ(ParentKeyCount(), keys);
  EXPECT_TRUE(ParentRecords().empty());

  // A node without children (the child itself) refuses every sender.
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  st = child.federation_stub().ReceiveProposal(&context, Envelope(n, "56/proposals/1-0", &parent.key(), "56", "22333"),
                                               &receipt);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
}

// Returned and proposed again while the parent was unreachable: two entries
// are queued, but the parent gets one candidate, and a proposal returned
// before delivery is not sent at all.
TEST_F(FederationTest, ProposalSupersededBeforeDeliveryIsSentOnce) {
  nv1::Nomination again = Propose("Trương Thị Lệ");
  ASSERT_TRUE(Move(child, Role::kCouncilSecretary, "22333", again, nv1::RETURNED, "Bổ sung minh chứng").ok());
  ASSERT_TRUE(Move(child, Role::kOfficer, "22333", again, nv1::SUBMITTED).ok());
  nv1::Recognition decision;
  decision.set_decision_number("9/QĐ-UBND");
  decision.set_decision_date("2026-04-20");
  ASSERT_TRUE(Move(child, Role::kNode, "22333", again, nv1::PROPOSED, "", &decision).ok());
  nv1::Nomination returned = Propose("Mai Văn Hòa");
  ASSERT_TRUE(Move(child, Role::kCouncilSecretary, "22333", returned, nv1::RETURNED, "Chưa đủ điều kiện").ok());

  ASSERT_EQ(*child.node().DrainUplinkOnce(), 3);
  auto records = ParentRecords();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].origin().child_record_id(), again.id());
  EXPECT_EQ(records[0].origin().record().recognition().decision_number(), "9/QĐ-UBND");
  EXPECT_EQ(GetAt(child, again.id()).upward().state(), nv1::UpwardStatus::RECEIVED);
}

TEST_F(FederationTest, OutcomesFlowBackDown) {
  nv1::Nomination recognised = Propose("Võ Thị Sáu");
  nv1::Nomination returned = Propose("Đặng Văn Ngữ");
  ASSERT_EQ(*child.node().DrainUplinkOnce(), 2);
  EXPECT_EQ(*child.node().PollOutcomesOnce(), 0);
  auto records = ParentRecords();
  ASSERT_EQ(records.size(), 2u);

  nv1::Recognition decision;
  decision.set_decision_number("12/QĐ-TTg");
  decision.set_decision_date("2026-05-04");
  decision.set_form("Chiến sĩ thi đua cấp tỉnh");
  grpc::Status st = Move(parent, Role::kNode, "56", records[0], nv1::RECOGNISED, "", &decision);
  ASSERT_TRUE(st.ok()) << st.error_message();
  st = Move(parent, Role::kCouncilSecretary, "56", records[1], nv1::RETURNED, "Thiếu minh chứng sáng kiến");
  ASSERT_TRUE(st.ok()) << st.error_message();

  auto polled = child.node().PollOutcomesOnce();
  ASSERT_TRUE(polled.ok()) << polled.status().ToString();
  EXPECT_EQ(*polled, 2);
  EXPECT_EQ(*child.node().PollOutcomesOnce(), 0);  // Cursor stored: applied once.

  nv1::Nomination r = GetAt(child, recognised.id());
  EXPECT_EQ(r.state(), nv1::PROPOSED);
  EXPECT_EQ(r.upward().state(), nv1::UpwardStatus::RECOGNISED);
  EXPECT_EQ(r.upward().parent_record_id(), records[0].id());
  EXPECT_EQ(r.upward().recognition().decision_number(), "12/QĐ-TTg");
  EXPECT_EQ(r.upward().recognition().decision_date(), "2026-05-04");
  auto history = HistoryAt(child, recognised.id());
  EXPECT_EQ(history.back().reason(), "outcome from the parent: recognised by 12/QĐ-TTg of 2026-05-04");
  EXPECT_EQ(history.back().request_id().rfind("outcome-", 0), 0u);

  nv1::Nomination b = GetAt(child, returned.id());
  EXPECT_EQ(b.upward().state(), nv1::UpwardStatus::RETURNED);
  EXPECT_EQ(b.upward().reason(), "Thiếu minh chứng sáng kiến");
  EXPECT_NE(HistoryAt(child, returned.id()).back().reason().find("returned: Thiếu minh chứng"), std::string::npos);

  // Replaying from the start changes nothing: the outcomes are applied once.
  ASSERT_TRUE(child.redis().Command({"DEL", nomination::FederationStore::CursorKey()}).ok());
  const int64_t version = GetAt(child, recognised.id()).version();
  EXPECT_EQ(*child.node().PollOutcomesOnce(), 2);
  EXPECT_EQ(GetAt(child, recognised.id()).version(), version);
}

TEST_F(FederationTest, UnitOutsideTheChildSubtreeIsRefusedThenDeadLettered) {
  // An officer of the province at the child's node records a unit of
  // another commune (22366): the parent must not take it from node 22333.
  nv1::Nomination n = Propose("Hồ Văn Ngoài", "22366", "56");
  ASSERT_FALSE(n.id().empty());
  const int refusals = child.config().max_refusals;
  for (int i = 0; i < refusals - 1; ++i) {
    auto drained = child.node().DrainUplinkOnce();
    ASSERT_FALSE(drained.ok());
    EXPECT_EQ(drained.status().code(), Code::kPermissionDenied);
    EXPECT_NE(drained.status().message().find("outside the subtree"), std::string::npos)
        << drained.status().ToString();
  }
  auto last = child.node().DrainUplinkOnce();
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(*last, 1);
  auto dead = child.node().uplink()->DeadLetters(0, 10);
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->size(), 1u);
  EXPECT_EQ((*dead)[0].fields.at("id"), n.id());
  EXPECT_NE((*dead)[0].reason.find("outside the subtree"), std::string::npos) << (*dead)[0].reason;
  EXPECT_EQ(child.redis().Command({"LLEN", nomination::FederationStore::UplinkDeadKey()})->integer, 1);
  EXPECT_TRUE(ParentRecords().empty());

  nv1::Nomination at_child = GetAt(child, n.id(), "56");
  EXPECT_EQ(at_child.upward().state(), nv1::UpwardStatus::DEAD_LETTER);
  EXPECT_NE(at_child.upward().reason().find("outside the subtree"), std::string::npos);
  EXPECT_EQ(*child.node().DrainUplinkOnce(), 0);
}

TEST_F(FederationTest, BackgroundThreadsForwardAndFetchOutcomesThenStopCleanly) {
  child.Stop();
  child.set_threads(true, 100);
  child.Start();
  nv1::Nomination n = Propose("Bùi Thị Xuân");
  auto wait_for = [&](nv1::UpwardStatus::State state) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < until) {
      if (GetAt(child, n.id()).upward().state() == state) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  ASSERT_TRUE(wait_for(nv1::UpwardStatus::RECEIVED));
  auto records = ParentRecords();
  ASSERT_EQ(records.size(), 1u);
  nv1::Recognition decision;
  decision.set_decision_number("3/QĐ-UBND");
  decision.set_decision_date("2026-06-01");
  ASSERT_TRUE(Move(parent, Role::kNode, "56", records[0], nv1::RECOGNISED, "", &decision).ok());
  ASSERT_TRUE(wait_for(nv1::UpwardStatus::RECOGNISED));
  EXPECT_EQ(GetAt(child, n.id()).upward().recognition().decision_number(), "3/QĐ-UBND");

  auto started = std::chrono::steady_clock::now();
  child.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

// The save script's extras, without gRPC: the claim and the extra stream
// entries are written with the record or not at all.
TEST(FederationSaveTest, ClaimAndStreamsAreAtomicWithTheRecord) {
  FlushTestRedis();
  RedisOptions options = TestRedisOptions();
  options.db = 3;
  RedisClient redis(options, nullptr);
  nomination::RedisNominationRepository repo(redis);
  nv1::Nomination n;
  n.set_id(nomination::MakeRecordId("nom", "22333", *repo.NextSequence()));
  n.set_version(1);
  n.set_state(nv1::SUBMITTED);
  n.mutable_details()->add_fields("health");
  nv1::AuditEntry audit;
  audit.set_action("received");
  nomination::SaveExtras extras;
  extras.claim_key = nomination::FederationStore::InboxKey("22333/proposals/9-0");
  extras.claim_value = "digest1 " + n.id();
  extras.events.push_back({"nom:{fwd}:test-a", {{"x", "1"}, {"y", std::string("\0\xff", 2)}}});
  extras.events.push_back({"nom:{fwd}:test-b", {{"z", "2"}}});
  auto saved = repo.Save(nullptr, n, audit, "r1", "fp", "received", extras);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->kind, nomination::SaveOutcome::Kind::kSaved);
  EXPECT_EQ(redis.Command({"GET", extras.claim_key})->str, extras.claim_value);
  EXPECT_EQ(redis.Command({"TTL", extras.claim_key})->integer, -1);  // Forever.
  auto a = redis.Command({"XRANGE", "nom:{fwd}:test-a", "-", "+"});
  ASSERT_EQ(a->elements.size(), 1u);
  EXPECT_EQ(a->elements[0].elements[1].elements[3].str, std::string("\0\xff", 2));
  EXPECT_EQ(redis.Command({"XLEN", "nom:{fwd}:test-b"})->integer, 1);
  auto got = repo.Get("22333", n.id());
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->state(), nv1::SUBMITTED);

  // Another record claiming the same key: nothing is written.
  nv1::Nomination other = n;
  other.set_id(nomination::MakeRecordId("nom", "22333", *repo.NextSequence()));
  extras.claim_value = "digest2 " + other.id();
  auto claimed = repo.Save(nullptr, other, audit, "r2", "fp", "received", extras);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(claimed->kind, nomination::SaveOutcome::Kind::kClaimed);
  EXPECT_EQ(claimed->claimed, "digest1 " + n.id());
  EXPECT_FALSE(repo.Get("22333", other.id())->has_value());
  EXPECT_EQ(redis.Command({"XLEN", "nom:{fwd}:test-a"})->integer, 1);

  // A version conflict writes no stream entry either.
  nv1::Nomination stale = n;
  stale.set_version(5);
  nv1::Nomination next = n;
  next.set_version(6);
  nomination::SaveExtras events;
  events.events.push_back({"nom:{fwd}:test-a", {{"x", "3"}}});
  auto conflict = repo.Save(&stale, next, audit, "r3", "fp", "transition", events);
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(conflict->kind, nomination::SaveOutcome::Kind::kConflict);
  EXPECT_EQ(redis.Command({"XLEN", "nom:{fwd}:test-a"})->integer, 1);
}


// Three levels: a ward proposes to its province, which proposes the same
// candidate on to the central board. The board's decision travels back down
// both links, to the unit that first proposed it.
class ThreeLevelTest : public ::testing::Test {
 protected:
  ThreeLevelTest() {
    FlushTestRedis();
    Link(top, province);
    Link(province, ward);
    top.Start();
    province.Start();
    ward.Start();
  }

  static nv1::Nomination Move(FederationNode& node, Role role, const nv1::Nomination& n, nv1::NominationState to,
                              const std::string& decision_number = "") {
    nv1::TransitionNominationRequest r;
    r.set_request_id(NextId());
    r.set_id(n.id());
    r.set_expected_version(n.version());
    r.set_to_state(to);
    if (!decision_number.empty()) {
      r.mutable_recognition()->set_decision_number(decision_number);
      r.mutable_recognition()->set_decision_date("2026-10-20");
    }
    nv1::Nomination out;
    grpc::Status st = node.stub().TransitionNomination(node.Context(role, node.agency()).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }

  // The only record a node holds.
  static nv1::Nomination OnlyRecord(FederationNode& node) {
    nv1::ListNominationsRequest r;
    r.set_agency_id(node.agency());
    nv1::ListNominationsResponse out;
    grpc::Status st = node.stub().ListNominations(node.Context(Role::kOfficer, node.agency()).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(out.nominations_size(), 1);
    return out.nominations_size() > 0 ? out.nominations(0) : nv1::Nomination();
  }

  FederationNode top{"TW", 3};
  FederationNode province{"56", 1};
  FederationNode ward{"22333", 2};
};

TEST_F(ThreeLevelTest, DecisionAtTheTopReachesTheUnitThatFirstProposed) {
  nv1::CreateNominationRequest create;
  create.set_request_id(NextId());
  create.mutable_details()->set_kind(nv1::INDIVIDUAL);
  create.mutable_details()->set_name("Đoàn Minh Quân");
  create.mutable_details()->set_agency_id("22333");
  create.mutable_details()->add_fields("education");
  create.mutable_details()->set_achievements("Mười năm dạy học vùng khó khăn");
  nv1::Nomination at_ward;
  ASSERT_TRUE(ward.stub().CreateNomination(ward.Context(Role::kOfficer, "22333").get(), create, &at_ward).ok());
  at_ward = Move(ward, Role::kOfficer, at_ward, nv1::SUBMITTED);
  at_ward = Move(ward, Role::kNode, at_ward, nv1::PROPOSED, "3/QĐ-UBND");
  ASSERT_EQ(*ward.node().DrainUplinkOnce(), 1);

  nv1::Nomination at_province = OnlyRecord(province);
  ASSERT_EQ(at_province.state(), nv1::SUBMITTED);
  Move(province, Role::kNode, at_province, nv1::PROPOSED, "88/QĐ-UBND");
  ASSERT_EQ(*province.node().DrainUplinkOnce(), 1);
  ASSERT_EQ(*ward.node().PollOutcomesOnce(), 1);  // "proposed further up"
  nv1::GetNominationRequest get;
  get.set_id(at_ward.id());
  ASSERT_TRUE(ward.stub().GetNomination(ward.Context(Role::kOfficer, "22333").get(), get, &at_ward).ok());
  EXPECT_EQ(at_ward.upward().state(), nv1::UpwardStatus::PROPOSED);

  nv1::Nomination at_top = OnlyRecord(top);
  EXPECT_EQ(at_top.origin().child_agency(), "56");
  Move(top, Role::kNode, at_top, nv1::RECOGNISED, "1250/QĐ-TTg");

  ASSERT_EQ(*province.node().PollOutcomesOnce(), 1);
  ASSERT_EQ(*ward.node().PollOutcomesOnce(), 1);  // Relayed by the province.
  ASSERT_TRUE(ward.stub().GetNomination(ward.Context(Role::kOfficer, "22333").get(), get, &at_ward).ok());
  EXPECT_EQ(at_ward.upward().state(), nv1::UpwardStatus::RECOGNISED);
  EXPECT_EQ(at_ward.upward().recognition().decision_number(), "1250/QĐ-TTg");
  EXPECT_EQ(*ward.node().PollOutcomesOnce(), 0);
  EXPECT_EQ(*province.node().PollOutcomesOnce(), 0);
}

}  // namespace
}  // namespace tdkt::testing
