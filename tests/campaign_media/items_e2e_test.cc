// Media items end to end: a real nomination server with recognised
// exemplars, the campaign-media node with the items component, gRPC on
// loopback, the test Redis. Claim checking, four eyes, publication only of
// recognised exemplars, reach per channel, automatic retraction on
// revocation, and every RPC x every role.
#include <gtest/gtest.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "common/record_store.h"
#include "common/request_fingerprint.h"
#include "common/vn_time.h"

#include "services/campaign_media/items_component.h"
#include "tdkt/campaign_media/v1/media_item.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

namespace cv1 = ::tdkt::campaign_media::v1;
using campaign_media::ItemsComponent;

class ItemsE2E : public ::testing::Test {
 protected:
  ItemsComponent* items = nullptr;
  CampaignMediaServer server{[this](campaign_media::CampaignMediaNode& node) {
    auto component = std::make_unique<ItemsComponent>(node.context(), node.verifier(), 3600 * 1000, node.registry());
    items = component.get();
    node.Add(std::move(component));
  }};
  std::unique_ptr<cv1::MediaItemService::Stub> stub = cv1::MediaItemService::NewStub(server.channel());

  nv1::Nomination Candidate(const std::string& name) {
    auto d = Details(name, kBacNhaTrang);
    d.set_achievements("Cứu 12 người trong lũ năm 2025\nHiến 300 m2 đất làm đường");
    return CreateAs(server.nomination(), Role::kOfficer, kKhanhHoa, d);
  }
  nv1::Nomination Recognised(const std::string& name) {
    auto n = Candidate(name);
    n = MoveTo(server.nomination(), Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
    return MoveTo(server.nomination(), Role::kNode, kKhanhHoa, n, nv1::RECOGNISED);
  }
  cv1::MediaItem Draft(const std::string& exemplar, const std::string& ref = "achievement/1") {
    cv1::MediaItem item;
    item.set_agency_id(kKhanhHoa);
    item.set_kind("article");
    item.set_channel("portal");
    item.set_title("Người phụ nữ cứu 12 người trong lũ");
    item.set_body("Đoạn một.\n\nĐoạn hai.");
    item.add_exemplar_ids(exemplar);
    auto* claim = item.add_claims();
    claim->set_exemplar_id(exemplar);
    claim->set_text("Chị đã cứu 12 người trong trận lũ");
    claim->set_achievement_ref(ref);
    return item;
  }
  grpc::Status Create(const cv1::MediaItem& item, cv1::MediaItem* out, Role role = Role::kMediaEditor,
                      const std::string& subject = "editor-1") {
    cv1::CreateItemRequest r;
    r.set_request_id(NextRequestId());
    *r.mutable_item() = item;
    return stub->CreateItem(server.Context(role, kKhanhHoa, subject).get(), r, out);
  }
  grpc::Status Move(cv1::MediaItem* item, cv1::MediaItemState to, Role role, const std::string& subject,
                    const std::string& reason = "") {
    cv1::TransitionItemRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(item->id());
    r.set_expected_version(item->version());
    r.set_to_state(to);
    r.set_reason(reason);
    cv1::MediaItem out;
    grpc::Status st = stub->TransitionItem(server.Context(role, kKhanhHoa, subject).get(), r, &out);
    if (st.ok()) *item = out;
    return st;
  }
  // Created by editor-1, submitted, approved by officer-2, published.
  cv1::MediaItem Published(const std::string& exemplar) {
    cv1::MediaItem item;
    EXPECT_TRUE(Create(Draft(exemplar), &item).ok());
    EXPECT_TRUE(Move(&item, cv1::IN_REVIEW, Role::kMediaEditor, "editor-1").ok());
    EXPECT_TRUE(Move(&item, cv1::APPROVED, Role::kOfficer, "officer-2").ok());
    grpc::Status st = Move(&item, cv1::PUBLISHED, Role::kMediaEditor, "editor-1");
    EXPECT_TRUE(st.ok()) << st.error_message();
    return item;
  }
  cv1::MediaItem Read(const std::string& id) {
    cv1::GetItemRequest r;
    r.set_id(id);
    cv1::MediaItem out;
    EXPECT_TRUE(stub->GetItem(server.Context(Role::kInspector, kKhanhHoa).get(), r, &out).ok());
    return out;
  }
  std::vector<cv1::ItemHistoryEntry> History(const std::string& id) {
    cv1::GetItemHistoryRequest r;
    r.set_id(id);
    cv1::GetItemHistoryResponse out;
    EXPECT_TRUE(stub->GetItemHistory(server.Context(Role::kInspector, kKhanhHoa).get(), r, &out).ok());
    return {out.entries().begin(), out.entries().end()};
  }
};

TEST_F(ItemsE2E, WholeFlowFromDraftToPublishedWithReach) {
  auto exemplar = Recognised("Nguyễn Thị Huệ");
  cv1::ListExemplarAchievementsRequest ar;
  ar.set_exemplar_id(exemplar.id());
  cv1::ListExemplarAchievementsResponse achievements;
  ASSERT_TRUE(stub->ListExemplarAchievements(server.Context(Role::kMediaEditor, kKhanhHoa).get(), ar, &achievements).ok());
  EXPECT_EQ(achievements.state(), "RECOGNISED");
  ASSERT_EQ(achievements.achievements_size(), 2);
  EXPECT_EQ(achievements.achievements(1).ref(), "achievement/2");

  cv1::MediaItem item;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &item).ok());
  EXPECT_EQ(item.state(), cv1::DRAFT);
  EXPECT_EQ(item.agency_id(), kKhanhHoa);
  EXPECT_EQ(item.author(), "editor-1");
  ASSERT_TRUE(Move(&item, cv1::IN_REVIEW, Role::kMediaEditor, "editor-1").ok());

  cv1::ReviewItemRequest rr;
  rr.set_id(item.id());
  cv1::ReviewItemResponse review;
  ASSERT_TRUE(stub->ReviewItem(server.Context(Role::kOfficer, kKhanhHoa).get(), rr, &review).ok());
  EXPECT_EQ(review.unsupported(), 0);
  EXPECT_TRUE(review.approvable());
  EXPECT_EQ(review.checks(0).cited().text(), "Cứu 12 người trong lũ năm 2025");

  ASSERT_TRUE(Move(&item, cv1::APPROVED, Role::kOfficer, "officer-2").ok());
  ASSERT_TRUE(Move(&item, cv1::PUBLISHED, Role::kMediaEditor, "editor-1").ok());
  EXPECT_GT(item.published_at().seconds(), 0);
  auto latest = items->manager().LatestPublished(kKhanhHoa, 10);
  ASSERT_TRUE(latest.ok());
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ((*latest)[0].id(), item.id());

  cv1::RecordReachRequest reach;
  reach.set_request_id(NextRequestId());
  reach.set_id(item.id());
  reach.set_report_date("2026-06-30");
  reach.mutable_reach()->set_views(1200);
  cv1::MediaItem after;
  auto ctx = [&] { return server.Context(Role::kMediaEditor, kKhanhHoa, "editor-1"); };
  ASSERT_TRUE(stub->RecordReach(ctx().get(), reach, &after).ok());
  ASSERT_TRUE(stub->RecordReach(ctx().get(), reach, &after).ok());  // retried: counted once
  EXPECT_EQ(after.reach().views(), 1200);
  reach.set_request_id(NextRequestId());
  reach.mutable_reach()->set_views(300);
  ASSERT_TRUE(stub->RecordReach(ctx().get(), reach, &after).ok());
  EXPECT_EQ(after.reach().views(), 1500);
  // A portal counts views, not listeners: refused, nothing changes.
  const std::string before = RedisDigest();
  reach.set_request_id(NextRequestId());
  reach.mutable_reach()->set_listeners(10);
  grpc::Status st = stub->RecordReach(ctx().get(), reach, &after);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("reach.listeners"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);

  std::vector<std::string> actions;
  for (const auto& e : History(item.id())) actions.push_back(e.action());
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "transition", "transition", "transition", "reach", "reach"}));

  cv1::AgencyMediaFigures figures;
  ASSERT_TRUE(items->manager().AddYearFigures(kKhanhHoa, 2026, &figures).ok());
  EXPECT_EQ(figures.views(), 1500);
}

// The process dies right after the write (no Finish) and the one-minute
// claim runs out: the retry gets the first answer, the reach is counted once
// and the item made once, because the answer is stored in the write's step.
TEST_F(ItemsE2E, RetryAfterACrashRightAfterTheWriteWritesOnce) {
  auto exemplar = Recognised("Hoàng Thị Mai");
  RedisClient redis(TestRedisOptions(), nullptr);
  RequestMemo& memo = server.node().context().memo;
  auto expire_claim = [&](const std::string& key) {  // What the claim's expiry would do.
    auto v = redis.Command({"GET", key});
    if (!v->is_nil() && v->str.rfind("pending\n", 0) == 0) (void)redis.Command({"DEL", key});
  };
  auto ctx = [&] { return server.Context(Role::kMediaEditor, kKhanhHoa, "editor-1"); };

  cv1::CreateItemRequest create;
  create.set_request_id("item-crash-1");
  *create.mutable_item() = Draft(exemplar.id());
  memo.DropFinishForTest(true);
  cv1::MediaItem first, again;
  ASSERT_TRUE(stub->CreateItem(ctx().get(), create, &first).ok());
  expire_claim(memo.Key("editor-1", "item-crash-1"));
  memo.DropFinishForTest(false);
  ASSERT_TRUE(stub->CreateItem(ctx().get(), create, &again).ok());
  EXPECT_EQ(again.id(), first.id());
  cv1::ListItemsRequest list;
  cv1::ListItemsResponse listed;
  ASSERT_TRUE(stub->ListItems(ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.items_size(), 1);

  cv1::MediaItem item = Published(exemplar.id());
  cv1::RecordReachRequest reach;
  reach.set_request_id("reach-crash-1");
  reach.set_id(item.id());
  reach.set_report_date("2026-06-30");
  reach.mutable_reach()->set_views(1200);
  memo.DropFinishForTest(true);
  cv1::MediaItem after;
  ASSERT_TRUE(stub->RecordReach(ctx().get(), reach, &after).ok());
  const std::string key = memo.Key("editor-1", "reach-crash-1");
  EXPECT_EQ(redis.Command({"GET", key})->str,
            RequestFingerprint("RecordReach", reach) + "\n" + after.SerializeAsString());
  expire_claim(key);
  memo.DropFinishForTest(false);
  cv1::MediaItem retried;
  ASSERT_TRUE(stub->RecordReach(ctx().get(), reach, &retried).ok());
  EXPECT_EQ(retried.version(), after.version());
  EXPECT_EQ(Read(item.id()).reach().views(), 1200);
  cv1::AgencyMediaFigures figures;
  ASSERT_TRUE(items->manager().AddYearFigures(kKhanhHoa, 2026, &figures).ok());
  EXPECT_EQ(figures.views(), 1200);
  int reaches = 0;
  for (const auto& e : History(item.id())) reaches += e.action() == "reach";
  EXPECT_EQ(reaches, 1);

  // A transition retried after the crash is not refused as a stale version.
  cv1::TransitionItemRequest retract;
  retract.set_request_id("retract-crash-1");
  retract.set_id(item.id());
  retract.set_expected_version(after.version());
  retract.set_to_state(cv1::RETRACTED);
  retract.set_reason("Cần đính chính số liệu");
  memo.DropFinishForTest(true);
  grpc::Status st = stub->TransitionItem(ctx().get(), retract, &after);
  ASSERT_TRUE(st.ok()) << st.error_message();
  expire_claim(memo.Key("editor-1", "retract-crash-1"));
  memo.DropFinishForTest(false);
  st = stub->TransitionItem(ctx().get(), retract, &retried);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(retried.state(), cv1::RETRACTED);
  EXPECT_EQ(retried.version(), after.version());
}

TEST_F(ItemsE2E, ApprovingWithUnsupportedClaimsIsRefusedAndChangesNothing) {
  auto exemplar = Recognised("Trần Văn Bình");
  auto draft = Draft(exemplar.id(), "");
  auto* second = draft.add_claims();
  second->set_exemplar_id(exemplar.id());
  second->set_text("Anh đã xây 3 cây cầu");
  second->set_achievement_ref("achievement/7");
  cv1::MediaItem item;
  ASSERT_TRUE(Create(draft, &item).ok());
  ASSERT_TRUE(Move(&item, cv1::IN_REVIEW, Role::kMediaEditor, "editor-1").ok());
  cv1::ReviewItemRequest rr;
  rr.set_id(item.id());
  cv1::ReviewItemResponse review;
  ASSERT_TRUE(stub->ReviewItem(server.Context(Role::kOfficer, kKhanhHoa).get(), rr, &review).ok());
  EXPECT_EQ(review.unsupported(), 2);
  EXPECT_FALSE(review.approvable());
  EXPECT_EQ(review.checks(0).problem(), "chưa dẫn thành tích");

  const std::string before = RedisDigest();
  grpc::Status st = Move(&item, cv1::APPROVED, Role::kOfficer, "officer-2");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("claims[0].achievement_ref"), std::string::npos) << st.error_message();
  EXPECT_NE(st.error_message().find("2"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);
  EXPECT_EQ(Read(item.id()).state(), cv1::IN_REVIEW);
}

TEST_F(ItemsE2E, TheCreatorCannotApproveTheirOwnItem) {
  auto exemplar = Recognised("Lê Thị Cúc");
  cv1::MediaItem item;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &item, Role::kOfficer, "officer-1").ok());
  ASSERT_TRUE(Move(&item, cv1::IN_REVIEW, Role::kOfficer, "officer-1").ok());
  const std::string before = RedisDigest();
  EXPECT_EQ(Move(&item, cv1::APPROVED, Role::kOfficer, "officer-1").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(RedisDigest(), before);
  EXPECT_TRUE(Move(&item, cv1::APPROVED, Role::kAdmin, "admin-1").ok());
}

TEST_F(ItemsE2E, AnUnrecognisedExemplarIsNeverPresented) {
  auto candidate = Candidate("Phạm Văn Dũng");  // DISCOVERED
  cv1::MediaItem item;
  ASSERT_TRUE(Create(Draft(candidate.id()), &item).ok());
  ASSERT_TRUE(Move(&item, cv1::IN_REVIEW, Role::kMediaEditor, "editor-1").ok());
  grpc::Status st = Move(&item, cv1::APPROVED, Role::kOfficer, "officer-2");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("exemplar_ids[0]"), std::string::npos) << st.error_message();

  // Approved while recognised, revoked before publication: not published.
  auto exemplar = Recognised("Hoàng Thị Em");
  cv1::MediaItem other;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &other).ok());
  ASSERT_TRUE(Move(&other, cv1::IN_REVIEW, Role::kMediaEditor, "editor-1").ok());
  ASSERT_TRUE(Move(&other, cv1::APPROVED, Role::kOfficer, "officer-2").ok());
  MoveTo(server.nomination(), Role::kNode, kKhanhHoa, exemplar, nv1::REVOKED, "Vi phạm");
  const std::string before = RedisDigest();
  st = Move(&other, cv1::PUBLISHED, Role::kMediaEditor, "editor-1");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("REVOKED"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);
}

TEST_F(ItemsE2E, BadInputIsRefusedAndChangesNothing) {
  auto exemplar = Recognised("Võ Văn Giang");
  const std::string before = RedisDigest();
  cv1::MediaItem out;
  auto script = Draft(exemplar.id());
  script.set_title("Tin <script>alert(1)</script>");
  grpc::Status st = Create(script, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("item.title"), std::string::npos) << st.error_message();
  auto channel = Draft(exemplar.id());
  channel.set_channel("tiktok");
  st = Create(channel, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("item.channel"), std::string::npos) << st.error_message();
  auto unknown = Draft("nom-22333-999999");
  st = Create(unknown, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("item.exemplar_ids[0]"), std::string::npos) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);
}

TEST_F(ItemsE2E, RevokingAnExemplarRetractsItsPublishedItemsAndFlagsTheRest) {
  auto exemplar = Recognised("Đặng Văn Hải");
  auto published = Published(exemplar.id());
  cv1::MediaItem draft;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &draft).ok());
  auto bystander = Published(Recognised("Bùi Thị Lan").id());

  MoveTo(server.nomination(), Role::kNode, kKhanhHoa, exemplar, nv1::REVOKED, "Vi phạm pháp luật");
  auto changed = items->watch().PollOnce();
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(*changed, 2);

  auto retracted = Read(published.id());
  EXPECT_EQ(retracted.state(), cv1::RETRACTED);
  auto history = History(published.id());
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().actor(), "nomination-watch");
  EXPECT_EQ(history.back().to_state(), cv1::RETRACTED);
  EXPECT_EQ(history.back().reason(),
            "Điển hình Đặng Văn Hải (" + exemplar.id() + ") đã bị thu hồi: Vi phạm pháp luật");
  auto flagged = Read(draft.id());
  EXPECT_EQ(flagged.state(), cv1::DRAFT);
  EXPECT_TRUE(flagged.flagged());
  EXPECT_NE(flagged.flag_reason().find("Vi phạm pháp luật"), std::string::npos);
  EXPECT_EQ(History(draft.id()).back().action(), "flag");
  EXPECT_EQ(Read(bystander.id()).state(), cv1::PUBLISHED);
  auto latest = items->manager().LatestPublished(kKhanhHoa, 10);
  ASSERT_TRUE(latest.ok());
  ASSERT_EQ(latest->size(), 1u);
  EXPECT_EQ((*latest)[0].id(), bystander.id());

  cv1::AgencyMediaFigures figures;
  ASSERT_TRUE(items->manager().AddYearFigures(kKhanhHoa, VietnamYear(published.published_at().seconds()), &figures).ok());
  EXPECT_EQ(figures.items_published(), 1);
  EXPECT_EQ(figures.items_retracted(), 1);
  ASSERT_EQ(figures.published_by_channel_size(), 1);
  EXPECT_EQ(figures.published_by_channel(0).key(), "portal");

  // Read again (a restart before the cursor was saved): nothing changes twice.
  const std::string before = RedisDigest();
  auto again = items->watch().PollOnce();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(RedisDigest(), before);
  ASSERT_TRUE(server.node().redis().Command({"DEL", "cm:watch:cursor"}).ok());
  again = items->watch().PollOnce();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(Read(published.id()).version(), retracted.version());
  EXPECT_EQ(Read(draft.id()).version(), flagged.version());

  // Operators see what the watch did and when it last read the feed.
  const std::string metrics = prometheus::TextSerializer().Serialize(server.metrics().registry().Collect());
  EXPECT_NE(metrics.find("tdkt_cm_watch_items_changed_total 2"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("tdkt_cm_watch_failures_total 0"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("tdkt_cm_watch_last_success_seconds " + std::to_string(server.clock().NowSeconds())),
            std::string::npos) << metrics;

  // A flagged item cannot move on to approval.
  ASSERT_TRUE(Move(&flagged, cv1::IN_REVIEW, Role::kMediaEditor, "editor-1").ok());
  EXPECT_EQ(Move(&flagged, cv1::APPROVED, Role::kOfficer, "officer-2").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ItemsE2E, ListsPageNewestFirstWithFilters) {
  auto a = Recognised("Trịnh Văn Khoa");
  auto b = Recognised("Lý Thị Nga");
  std::vector<std::string> created;
  for (int i = 0; i < 3; ++i) {
    cv1::MediaItem item;
    ASSERT_TRUE(Create(Draft(i == 2 ? b.id() : a.id()), &item).ok());
    created.push_back(item.id());
  }
  auto published = Published(a.id());
  auto list = [&](cv1::ListItemsRequest r) {
    std::vector<std::string> ids;
    do {
      cv1::ListItemsResponse out;
      grpc::Status st = stub->ListItems(server.Context(Role::kInspector, kKhanhHoa).get(), r, &out);
      EXPECT_TRUE(st.ok()) << st.error_message();
      if (!st.ok()) break;
      EXPECT_LE(out.items_size(), std::max(1, r.page_size()));
      for (const auto& item : out.items()) ids.push_back(item.id());
      r.set_page_token(out.next_page_token());
    } while (!r.page_token().empty());
    return ids;
  };
  cv1::ListItemsRequest r;
  r.set_page_size(1);
  EXPECT_EQ(list(r), (std::vector<std::string>{published.id(), created[2], created[1], created[0]}));
  r.set_state(cv1::DRAFT);
  EXPECT_EQ(list(r), (std::vector<std::string>{created[2], created[1], created[0]}));
  r.set_exemplar_id(a.id());
  EXPECT_EQ(list(r), (std::vector<std::string>{created[1], created[0]}));
  cv1::ListItemsRequest published_only;
  published_only.set_state(cv1::PUBLISHED);
  EXPECT_EQ(list(published_only), (std::vector<std::string>{published.id()}));
  cv1::ListItemsRequest bad;
  bad.set_page_size(201);
  cv1::ListItemsResponse out;
  EXPECT_EQ(stub->ListItems(server.Context(Role::kInspector, kKhanhHoa).get(), bad, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ItemsE2E, ListFindsWordsWithOrWithoutDiacritics) {
  auto a = Recognised("Trịnh Văn Khoa");
  cv1::MediaItem flood, school;
  ASSERT_TRUE(Create(Draft(a.id()), &flood).ok());  // "Người phụ nữ cứu 12 người trong lũ"
  cv1::MediaItem other = Draft(a.id());
  other.set_title("Thầy giáo vùng cao");
  other.set_summary("Dạy chữ cho trẻ em bản Khe Sanh");
  ASSERT_TRUE(Create(other, &school).ok());
  auto find = [&](const std::string& words) {
    cv1::ListItemsRequest r;
    r.set_text(words);
    cv1::ListItemsResponse out;
    grpc::Status st = stub->ListItems(server.Context(Role::kInspector, kKhanhHoa).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    std::vector<std::string> ids;
    for (const auto& item : out.items()) ids.push_back(item.id());
    return ids;
  };
  EXPECT_EQ(find("nguoi phu nu"), (std::vector<std::string>{flood.id()}));
  EXPECT_EQ(find("Người lũ"), (std::vector<std::string>{flood.id()}));
  EXPECT_EQ(find("khe sanh"), (std::vector<std::string>{school.id()}));   // In the summary.
  EXPECT_EQ(find("doan hai").size(), 2u);                                 // In both bodies.
  EXPECT_TRUE(find("thay giao lu").empty());                               // Every word must match.
  cv1::ListItemsRequest bad;
  bad.set_text(std::string(201, 'a'));
  cv1::ListItemsResponse out;
  grpc::Status st = stub->ListItems(server.Context(Role::kInspector, kKhanhHoa).get(), bad, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("text"), std::string::npos);
}

struct Rpc {
  std::string name;
  std::set<Role> allowed;
  std::function<Call()> prepare;
};

TEST_F(ItemsE2E, EveryRpcForEveryRole) {
  auto exemplar = Recognised("Ngô Thị Mai");
  auto published = Published(exemplar.id());
  const std::set<Role> writers{Role::kMediaEditor, Role::kOfficer};
  const std::set<Role> movers{Role::kMediaEditor, Role::kOfficer, Role::kAdmin};
  const std::set<Role>& every = EveryRole();
  auto fresh = [&] {
    cv1::MediaItem item;
    EXPECT_TRUE(Create(Draft(exemplar.id()), &item).ok());
    return item;
  };
  std::vector<Rpc> rpcs;
  rpcs.push_back({"CreateItem", writers, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::CreateItemRequest r;
      r.set_request_id(NextRequestId());
      *r.mutable_item() = Draft(exemplar.id());
      cv1::MediaItem out;
      return stub->CreateItem(c, r, &out);
    };
  }});
  rpcs.push_back({"UpdateItem", writers, [&] {
    auto item = fresh();
    return [&, item](grpc::ClientContext* c) {
      cv1::UpdateItemRequest r;
      r.set_request_id(NextRequestId());
      r.set_id(item.id());
      r.set_expected_version(item.version());
      *r.mutable_item() = Draft(exemplar.id());
      cv1::MediaItem out;
      return stub->UpdateItem(c, r, &out);
    };
  }});
  rpcs.push_back({"GetItem", every, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::GetItemRequest r;
      r.set_id(published.id());
      cv1::MediaItem out;
      return stub->GetItem(c, r, &out);
    };
  }});
  rpcs.push_back({"ListItems", every, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::ListItemsRequest r;
      r.set_agency_id(kKhanhHoa);
      cv1::ListItemsResponse out;
      return stub->ListItems(c, r, &out);
    };
  }});
  rpcs.push_back({"TransitionItem", movers, [&] {
    auto item = fresh();
    return [&, item](grpc::ClientContext* c) {
      cv1::TransitionItemRequest r;
      r.set_request_id(NextRequestId());
      r.set_id(item.id());
      r.set_expected_version(item.version());
      r.set_to_state(cv1::RETRACTED);
      r.set_reason("Trùng nội dung");
      cv1::MediaItem out;
      return stub->TransitionItem(c, r, &out);
    };
  }});
  rpcs.push_back({"ReviewItem", every, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::ReviewItemRequest r;
      r.set_id(published.id());
      cv1::ReviewItemResponse out;
      return stub->ReviewItem(c, r, &out);
    };
  }});
  rpcs.push_back({"ListExemplarAchievements", every, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::ListExemplarAchievementsRequest r;
      r.set_exemplar_id(exemplar.id());
      cv1::ListExemplarAchievementsResponse out;
      return stub->ListExemplarAchievements(c, r, &out);
    };
  }});
  rpcs.push_back({"RecordReach", writers, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::RecordReachRequest r;
      r.set_request_id(NextRequestId());
      r.set_id(published.id());
      r.set_report_date("2026-07-01");
      r.mutable_reach()->set_views(5);
      cv1::MediaItem out;
      return stub->RecordReach(c, r, &out);
    };
  }});
  rpcs.push_back({"GetItemHistory", every, [&] {
    return [&](grpc::ClientContext* c) {
      cv1::GetItemHistoryRequest r;
      r.set_id(published.id());
      cv1::GetItemHistoryResponse out;
      return stub->GetItemHistory(c, r, &out);
    };
  }});
  std::set<std::string> listed;
  for (auto& rpc : rpcs) {
    listed.insert(rpc.name);
    for (Role role : every) {
      Call call = rpc.prepare();
      grpc::Status st = call(server.Context(role, kKhanhHoa).get());
      if (rpc.allowed.count(role)) {
        EXPECT_TRUE(st.ok()) << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << " as " << RoleName(role);
      }
    }
    // An allowed role of another province is refused (except the node-wide
    // achievements of an exemplar, which any caller of the node may read).
    if (rpc.name != "ListExemplarAchievements") {
      Call call = rpc.prepare();
      Role role = *rpc.allowed.begin();
      EXPECT_EQ(call(server.Context(role, kHaNoi).get()).error_code(), grpc::StatusCode::PERMISSION_DENIED)
          << rpc.name << " as " << RoleName(role) << " of Hà Nội";
    }
    for (const std::string& header : BadAuthorizationHeaders()) {
      Call call = rpc.prepare();
      EXPECT_EQ(call(WithAuthorization(header).get()).error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << rpc.name << " with '" << header << "'";
    }
  }
  ExpectEveryMethodListed(listed, {"tdkt.campaign_media.v1.MediaItemService"});
}

}  // namespace
}  // namespace tdkt::testing
