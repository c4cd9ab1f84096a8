// Campaigns, the anniversary calendar, exchange events and replication end to
// end: a real nomination server and a campaign-media node serving only the
// campaigns component, on loopback, over the test Redis.
#include <functional>

#include <gtest/gtest.h>

#include "common/record_store.h"
#include "common/request_fingerprint.h"
#include "services/campaign_media/campaigns_component.h"
#include "tdkt/campaign_media/v1/campaign.grpc.pb.h"
#include "tdkt/campaign_media/v1/outreach.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

namespace cv1 = ::tdkt::campaign_media::v1;
using campaign_media::CampaignsComponent;

class CampaignsE2ETest : public ::testing::Test {
 protected:
  CampaignsComponent* component = nullptr;
  CampaignMediaServer server{[this](campaign_media::CampaignMediaNode& node) {
    auto c = std::make_unique<CampaignsComponent>(node.context(), node.verifier());
    component = c.get();
    node.Add(std::move(c));
  }};
  std::unique_ptr<cv1::CampaignService::Stub> campaigns = cv1::CampaignService::NewStub(server.channel());
  std::unique_ptr<cv1::OutreachService::Stub> outreach = cv1::OutreachService::NewStub(server.channel());

  // Today is 2026-12-01 in Vietnam (10:00), whatever the machine's date.
  void SetUp() override { server.clock().Set(1796094000); }

  // A nomination of `unit` (under Khánh Hòa) moved to RECOGNISED.
  nv1::Nomination Recognised(const std::string& name, const std::string& unit = kBacNhaTrang) {
    auto n = CreateAs(server.nomination(), Role::kOfficer, kKhanhHoa, Details(name, unit));
    n = MoveTo(server.nomination(), Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
    return MoveTo(server.nomination(), Role::kNode, kKhanhHoa, n, nv1::RECOGNISED);
  }
  nv1::Nomination Candidate(const std::string& name) {
    return CreateAs(server.nomination(), Role::kOfficer, kKhanhHoa, Details(name, kBacNhaTrang));
  }

  cv1::Campaign Draft(const std::string& exemplar) {
    cv1::Campaign c;
    c.set_agency_id(kKhanhHoa);
    c.set_name("Tuyên truyền điển hình tiên tiến năm 2026");
    c.set_goal("Lan tỏa gương người tốt, việc tốt trong phong trào thi đua yêu nước");
    c.set_start_date("2026-03-01");
    c.set_end_date("2026-12-31");
    c.add_exemplar_ids(exemplar);
    c.add_channels("portal");
    c.add_channels("loudspeaker");
    auto* item = c.add_planned_items();
    item->set_title("Phóng sự phát trên loa truyền thanh cơ sở");
    item->set_channel("loudspeaker");
    item->set_kind("reportage");
    item->set_planned_date("2026-06-11");
    item->set_anniversary_id("national-06-11");
    c.set_budget_vnd(150000000);
    return c;
  }

  grpc::Status Create(const cv1::Campaign& c, cv1::Campaign* out, const std::string& rid = "",
                      Role role = Role::kOfficer, const std::string& agency = kKhanhHoa) {
    cv1::CreateCampaignRequest r;
    r.set_request_id(rid.empty() ? NextRequestId() : rid);
    *r.mutable_campaign() = c;
    return campaigns->CreateCampaign(server.Context(role, agency).get(), r, out);
  }
  grpc::Status Update(const std::string& id, int64_t version, const cv1::Campaign& c, cv1::Campaign* out) {
    cv1::UpdateCampaignRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(id);
    r.set_expected_version(version);
    *r.mutable_campaign() = c;
    return campaigns->UpdateCampaign(server.Context(Role::kMediaEditor, kKhanhHoa).get(), r, out);
  }
  std::vector<std::string> ListIds(int year, const std::string& agency = kKhanhHoa) {
    cv1::ListCampaignsRequest r;
    r.set_agency_id(agency);
    r.set_year(year);
    cv1::ListCampaignsResponse out;
    EXPECT_TRUE(campaigns->ListCampaigns(server.Context(Role::kInspector, kKhanhHoa).get(), r, &out).ok());
    std::vector<std::string> ids;
    for (const auto& c : out.campaigns()) ids.push_back(c.id());
    return ids;
  }
  grpc::Status AddAnniversary(const std::string& agency, const std::string& md, const std::string& name,
                              int since, cv1::Anniversary* out, const std::string& caller_agency = kKhanhHoa) {
    cv1::AddAnniversaryRequest r;
    r.set_request_id(NextRequestId());
    r.mutable_anniversary()->set_agency_id(agency);
    r.mutable_anniversary()->set_month_day(md);
    r.mutable_anniversary()->set_name(name);
    r.mutable_anniversary()->set_since_year(since);
    return campaigns->AddAnniversary(server.Context(Role::kOfficer, caller_agency).get(), r, out);
  }
  cv1::ExchangeEvent Event(const std::string& exemplar, cv1::EventKind kind = cv1::EXCHANGE,
                           const std::string& date = "2026-06-11", int64_t attendance = 120) {
    cv1::ExchangeEvent e;
    e.set_agency_id(kKhanhHoa);
    e.set_kind(kind);
    e.set_title("Giao lưu điển hình tiên tiến ngành y tế");
    e.set_date(date);
    e.set_mode(cv1::IN_PERSON);
    e.add_audience("school");
    e.add_audience("youth");
    e.add_exemplar_ids(exemplar);
    e.set_attendance(attendance);
    e.set_place("Nhà văn hóa phường Bắc Nha Trang");
    return e;
  }
  grpc::Status RecordEvent(const cv1::ExchangeEvent& e, cv1::ExchangeEvent* out, const std::string& rid = "") {
    cv1::RecordExchangeEventRequest r;
    r.set_request_id(rid.empty() ? NextRequestId() : rid);
    *r.mutable_event() = e;
    return outreach->RecordExchangeEvent(server.Context(Role::kOfficer, kKhanhHoa).get(), r, out);
  }
  cv1::Replication Adoption(const std::string& exemplar, const std::string& date = "2026-05-01") {
    cv1::Replication r;
    r.set_agency_id(kKhanhHoa);
    r.set_exemplar_id(exemplar);
    r.set_adopting_agency_id(kNhaTrang);
    r.set_adopted_date(date);
    r.set_evidence_title("Báo cáo số 12/BC-UBND về áp dụng mô hình");
    r.set_evidence_uri("https://khanhhoa.gov.vn/bc-12.pdf");
    return r;
  }
  grpc::Status RecordReplication(const cv1::Replication& rep, cv1::Replication* out) {
    cv1::RecordReplicationRequest r;
    r.set_request_id(NextRequestId());
    *r.mutable_replication() = rep;
    return outreach->RecordReplication(server.Context(Role::kOfficer, kKhanhHoa).get(), r, out);
  }
};

TEST_F(CampaignsE2ETest, CreateGetListAndUpdateWithVersions) {
  auto exemplar = Recognised("Nguyễn Thị Lan");
  cv1::Campaign created;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &created).ok());
  EXPECT_EQ(created.id().rfind("camp-56-", 0), 0u) << created.id();
  EXPECT_EQ(created.version(), 1);
  EXPECT_EQ(created.created_by(), "officer@56");
  EXPECT_GT(created.created_at().seconds(), 0);
  EXPECT_EQ(created.planned_items(0).anniversary_id(), "national-06-11");

  cv1::GetCampaignRequest get;
  get.set_id(created.id());
  cv1::Campaign read;
  ASSERT_TRUE(campaigns->GetCampaign(server.Context(Role::kSupervisor, kKhanhHoa).get(), get, &read).ok());
  EXPECT_EQ(read.SerializeAsString(), created.SerializeAsString());
  // Any role of the agency reads; node callers too; a unit below cannot read its province's campaign.
  EXPECT_TRUE(campaigns->GetCampaign(server.Context(Role::kNode, "TW").get(), get, &read).ok());
  EXPECT_EQ(campaigns->GetCampaign(server.Context(Role::kOfficer, kBacNhaTrang).get(), get, &read).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  EXPECT_EQ(ListIds(2026), std::vector<std::string>{created.id()});
  EXPECT_TRUE(ListIds(2025).empty());

  cv1::Campaign changed = created;
  changed.set_end_date("2027-03-31");
  changed.set_budget_vnd(200000000);
  cv1::Campaign updated;
  ASSERT_TRUE(Update(created.id(), 1, changed, &updated).ok());
  EXPECT_EQ(updated.version(), 2);
  EXPECT_EQ(updated.updated_by(), "media_editor@56");
  EXPECT_EQ(updated.created_by(), "officer@56");
  EXPECT_EQ(ListIds(2027), std::vector<std::string>{created.id()});

  // A stale version is ABORTED and changes nothing.
  const std::string before = RedisDigest();
  cv1::Campaign stale;
  EXPECT_EQ(Update(created.id(), 1, changed, &stale).error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(RedisDigest(), before);

  // Moving the period out of 2026 takes the campaign out of that year's list.
  changed = updated;
  changed.set_start_date("2027-01-01");
  changed.mutable_planned_items(0)->set_planned_date("2027-02-03");
  changed.mutable_planned_items(0)->set_anniversary_id("national-02-03");
  ASSERT_TRUE(Update(created.id(), 2, changed, &updated).ok());
  EXPECT_EQ(updated.version(), 3);
  EXPECT_TRUE(ListIds(2026).empty());
  EXPECT_EQ(ListIds(2027), std::vector<std::string>{created.id()});
  // The agency cannot change.
  changed = updated;
  changed.set_agency_id(kHaNoi);
  EXPECT_EQ(Update(created.id(), 3, changed, &stale).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CampaignsE2ETest, ListsPageNewestFirst) {
  auto exemplar = Recognised("Trần Văn Minh");
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    cv1::Campaign c;
    ASSERT_TRUE(Create(Draft(exemplar.id()), &c).ok());
    ids.push_back(c.id());
  }
  cv1::ListCampaignsRequest r;
  r.set_page_size(2);
  cv1::ListCampaignsResponse page;
  ASSERT_TRUE(campaigns->ListCampaigns(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &page).ok());
  ASSERT_EQ(page.campaigns_size(), 2);
  EXPECT_EQ(page.campaigns(0).id(), ids[2]);
  EXPECT_EQ(page.campaigns(1).id(), ids[1]);
  ASSERT_FALSE(page.next_page_token().empty());
  r.set_page_token(page.next_page_token());
  ASSERT_TRUE(campaigns->ListCampaigns(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &page).ok());
  ASSERT_EQ(page.campaigns_size(), 1);
  EXPECT_EQ(page.campaigns(0).id(), ids[0]);
  EXPECT_TRUE(page.next_page_token().empty());
  EXPECT_TRUE(ListIds(0, kBacNhaTrang).empty());  // That agency only, not the province's.
}

TEST_F(CampaignsE2ETest, RetryReturnsTheFirstResultAndReusedIdIsRefused) {
  auto exemplar = Recognised("Lê Thị Hoa");
  cv1::Campaign first, again;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &first, "camp-retry-1").ok());
  ASSERT_TRUE(Create(Draft(exemplar.id()), &again, "camp-retry-1").ok());
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(ListIds(0).size(), 1u);
  cv1::Campaign other = Draft(exemplar.id());
  other.set_name("Một chiến dịch khác");
  const std::string before = RedisDigest();
  grpc::Status st = Create(other, &again, "camp-retry-1");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << st.error_message();
  EXPECT_EQ(RedisDigest(), before);
  EXPECT_EQ(ListIds(0).size(), 1u);
  // Events too.
  cv1::ExchangeEvent e1, e2;
  ASSERT_TRUE(RecordEvent(Event(exemplar.id()), &e1, "event-retry-1").ok());
  ASSERT_TRUE(RecordEvent(Event(exemplar.id()), &e2, "event-retry-1").ok());
  EXPECT_EQ(e1.id(), e2.id());
}

// The process dies right after the write (no Finish) and the one-minute
// claim runs out: the client's retry must get the first answer, not a second
// record. The answer is stored in the write's own atomic step.
TEST_F(CampaignsE2ETest, RetryAfterACrashRightAfterTheWriteWritesOnce) {
  auto exemplar = Recognised("Phạm Văn Đức");
  RedisClient redis(TestRedisOptions(), nullptr);
  RequestMemo& memo = server.node().context().memo;
  // What the claim's expiry would do: a pending claim disappears, a stored answer stays.
  auto expire_claim = [&](const std::string& key) {
    auto v = redis.Command({"GET", key});
    if (!v->is_nil() && v->str.rfind("pending\n", 0) == 0) (void)redis.Command({"DEL", key});
  };

  cv1::CreateCampaignRequest create;
  create.set_request_id("camp-crash-1");
  *create.mutable_campaign() = Draft(exemplar.id());
  memo.DropFinishForTest(true);
  cv1::Campaign first;
  ASSERT_TRUE(campaigns->CreateCampaign(server.Context(Role::kOfficer, kKhanhHoa).get(), create, &first).ok());
  const std::string key = memo.Key("officer@56", "camp-crash-1");
  EXPECT_EQ(redis.Command({"GET", key})->str,
            RequestFingerprint("CreateCampaign", create) + "\n" + first.SerializeAsString());
  expire_claim(key);
  memo.DropFinishForTest(false);
  cv1::Campaign again;
  ASSERT_TRUE(campaigns->CreateCampaign(server.Context(Role::kOfficer, kKhanhHoa).get(), create, &again).ok());
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(ListIds(0), std::vector<std::string>{first.id()});
  EXPECT_EQ(ListIds(2026), std::vector<std::string>{first.id()});

  // An update: the retry is not refused as a stale version, and says version 2.
  cv1::UpdateCampaignRequest update;
  update.set_request_id("camp-crash-2");
  update.set_id(first.id());
  update.set_expected_version(1);
  *update.mutable_campaign() = Draft(exemplar.id());
  update.mutable_campaign()->set_end_date("2027-03-31");
  memo.DropFinishForTest(true);
  cv1::Campaign updated;
  ASSERT_TRUE(campaigns->UpdateCampaign(server.Context(Role::kOfficer, kKhanhHoa).get(), update, &updated).ok());
  expire_claim(memo.Key("officer@56", "camp-crash-2"));
  memo.DropFinishForTest(false);
  grpc::Status st = campaigns->UpdateCampaign(server.Context(Role::kOfficer, kKhanhHoa).get(), update, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.version(), 2);
  EXPECT_EQ(ListIds(2027), std::vector<std::string>{first.id()});

  // An exchange event and a replication.
  cv1::RecordExchangeEventRequest event;
  event.set_request_id("event-crash-1");
  *event.mutable_event() = Event(exemplar.id());
  memo.DropFinishForTest(true);
  cv1::ExchangeEvent e1, e2;
  ASSERT_TRUE(outreach->RecordExchangeEvent(server.Context(Role::kOfficer, kKhanhHoa).get(), event, &e1).ok());
  expire_claim(memo.Key("officer@56", "event-crash-1"));
  cv1::RecordReplicationRequest repl;
  repl.set_request_id("repl-crash-1");
  *repl.mutable_replication() = Adoption(exemplar.id());
  cv1::Replication r1, r2;
  ASSERT_TRUE(outreach->RecordReplication(server.Context(Role::kOfficer, kKhanhHoa).get(), repl, &r1).ok());
  expire_claim(memo.Key("officer@56", "repl-crash-1"));
  memo.DropFinishForTest(false);
  ASSERT_TRUE(outreach->RecordExchangeEvent(server.Context(Role::kOfficer, kKhanhHoa).get(), event, &e2).ok());
  EXPECT_EQ(e2.id(), e1.id());
  ASSERT_TRUE(outreach->RecordReplication(server.Context(Role::kOfficer, kKhanhHoa).get(), repl, &r2).ok());
  EXPECT_EQ(r2.id(), r1.id());
  cv1::ListExchangeEventsRequest le;
  cv1::ListExchangeEventsResponse events;
  ASSERT_TRUE(outreach->ListExchangeEvents(server.Context(Role::kOfficer, kKhanhHoa).get(), le, &events).ok());
  EXPECT_EQ(events.events_size(), 1);
  cv1::ListReplicationsRequest lr;
  lr.set_exemplar_id(exemplar.id());
  cv1::ListReplicationsResponse found;
  ASSERT_TRUE(outreach->ListReplications(server.Context(Role::kOfficer, kKhanhHoa).get(), lr, &found).ok());
  ASSERT_EQ(found.replications_size(), 1);  // The per-exemplar index, written with the record.
  EXPECT_EQ(found.replications(0).id(), r1.id());
}

TEST_F(CampaignsE2ETest, CalendarShowsNationalAgencyAndAncestorAnniversaries) {
  cv1::Anniversary province, ward, sibling, leap;
  ASSERT_TRUE(AddAnniversary(kKhanhHoa, "07-01", "Ngày truyền thống tỉnh Khánh Hòa", 1989, &province).ok());
  ASSERT_TRUE(AddAnniversary(kBacNhaTrang, "03-26", "Ngày truyền thống phường", 0, &ward).ok());
  ASSERT_TRUE(AddAnniversary(kNhaTrang, "08-15", "Ngày của phường bên cạnh", 2000, &sibling, kNhaTrang).ok());
  ASSERT_TRUE(AddAnniversary(kBacNhaTrang, "02-29", "Ngày hội nhuận", 2000, &leap, kBacNhaTrang).ok());
  EXPECT_FALSE(province.national());
  EXPECT_EQ(province.agency_id(), kKhanhHoa);

  cv1::ListAnniversariesRequest r;
  r.set_agency_id(kBacNhaTrang);
  r.set_year(2026);
  cv1::ListAnniversariesResponse out;
  ASSERT_TRUE(campaigns->ListAnniversaries(server.Context(Role::kMediaEditor, kBacNhaTrang).get(), r, &out).ok());
  std::vector<std::string> dates, ids;
  for (const auto& o : out.occurrences()) {
    dates.push_back(o.date());
    ids.push_back(o.anniversary().id());
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-02-03", "2026-03-26", "2026-04-30", "2026-05-19", "2026-06-11",
                                             "2026-07-01", "2026-09-02"}));
  EXPECT_EQ(ids[4], "national-06-11");
  EXPECT_EQ(out.occurrences(4).years(), 78);
  EXPECT_EQ(out.occurrences(4).anniversary().name(), "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc");
  EXPECT_EQ(ids[1], ward.id());
  EXPECT_EQ(out.occurrences(1).years(), 0);
  EXPECT_EQ(ids[5], province.id());
  EXPECT_EQ(out.occurrences(5).years(), 37);

  r.set_year(2028);  // A leap year: the 29th of February appears.
  ASSERT_TRUE(campaigns->ListAnniversaries(server.Context(Role::kMediaEditor, kBacNhaTrang).get(), r, &out).ok());
  ASSERT_EQ(out.occurrences_size(), 8);
  EXPECT_EQ(out.occurrences(1).date(), "2028-02-29");
  EXPECT_EQ(out.occurrences(1).years(), 28);

  // The province sees only the national ones and its own.
  r.set_agency_id(kKhanhHoa);
  r.set_year(2026);
  ASSERT_TRUE(campaigns->ListAnniversaries(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out).ok());
  EXPECT_EQ(out.occurrences_size(), 6);

  // A campaign may plan around its agency's or an ancestor's anniversary, not another unit's.
  auto exemplar = Recognised("Phạm Văn Đức");
  cv1::Campaign c = Draft(exemplar.id());
  c.set_agency_id(kBacNhaTrang);
  c.mutable_planned_items(0)->set_planned_date("2026-07-01");
  c.mutable_planned_items(0)->set_anniversary_id(province.id());
  cv1::Campaign out_c;
  grpc::Status st = Create(c, &out_c, "", Role::kOfficer, kBacNhaTrang);
  EXPECT_TRUE(st.ok()) << st.error_message();
  c.mutable_planned_items(0)->set_anniversary_id(sibling.id());
  st = Create(c, &out_c, "", Role::kOfficer, kBacNhaTrang);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message().rfind("campaign.planned_items[0].anniversary_id:", 0), 0u) << st.error_message();
}

TEST_F(CampaignsE2ETest, BadInputIsRefusedAndChangesNothing) {
  auto exemplar = Recognised("Võ Thị Sáu");
  auto candidate = Candidate("Đặng Văn Chưa");
  cv1::Campaign existing;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &existing).ok());
  // Warm the node's view of the hierarchy, so reads below leave no trace.
  ListIds(0);

  struct Case {
    std::string field;
    std::function<grpc::Status()> call;
  };
  auto create = [&](std::function<void(cv1::Campaign&)> spoil) {
    return [&, spoil]() {
      cv1::Campaign c = Draft(exemplar.id());
      spoil(c);
      cv1::Campaign out;
      return Create(c, &out);
    };
  };
  auto update = [&](std::function<void(cv1::Campaign&)> spoil) {
    return [&, spoil]() {
      cv1::Campaign c = existing;
      spoil(c);
      cv1::Campaign out;
      return Update(existing.id(), existing.version(), c, &out);
    };
  };
  auto event = [&](std::function<void(cv1::ExchangeEvent&)> spoil) {
    return [&, spoil]() {
      cv1::ExchangeEvent e = Event(exemplar.id());
      spoil(e);
      cv1::ExchangeEvent out;
      return RecordEvent(e, &out);
    };
  };
  auto replication = [&](std::function<void(cv1::Replication&)> spoil) {
    return [&, spoil]() {
      cv1::Replication r = Adoption(exemplar.id());
      spoil(r);
      cv1::Replication out;
      return RecordReplication(r, &out);
    };
  };
  auto anniversary = [&](const std::string& md, const std::string& name, int since) {
    return [&, md, name, since]() {
      cv1::Anniversary out;
      return AddAnniversary(kKhanhHoa, md, name, since, &out);
    };
  };
  std::vector<Case> cases = {
      {"campaign.channels[1]", create([](auto& c) { c.set_channels(1, "carrier_pigeon"); })},
      {"campaign.planned_items[0].planned_date",
       create([](auto& c) { c.mutable_planned_items(0)->set_planned_date("2027-01-05"); })},
      {"campaign.planned_items[0].planned_date",
       create([](auto& c) { c.mutable_planned_items(0)->set_planned_date("2026-02-30"); })},
      {"campaign.planned_items[0].channel",
       create([](auto& c) { c.mutable_planned_items(0)->set_channel("television"); })},
      {"campaign.planned_items[0].anniversary_id",
       create([](auto& c) { c.mutable_planned_items(0)->set_anniversary_id("national-12-25"); })},
      {"campaign.end_date", create([](auto& c) { c.set_end_date("2026-01-31"); })},
      {"campaign.start_date", create([](auto& c) { c.set_start_date("01/03/2026"); })},
      {"campaign.budget_vnd", create([](auto& c) { c.set_budget_vnd(-1000); })},
      {"campaign.name", create([](auto& c) { c.set_name("Chiến dịch <script>alert(1)</script>"); })},
      {"campaign.name", create([](auto& c) { c.set_name("Hai dòng\nmột tiêu đề"); })},
      {"campaign.goal", create([](auto& c) { c.clear_goal(); })},
      {"campaign.exemplar_ids[0]", create([&](auto& c) { c.set_exemplar_ids(0, candidate.id()); })},
      {"campaign.exemplar_ids[0]", create([](auto& c) { c.set_exemplar_ids(0, "nom-56-999999"); })},
      {"campaign.exemplar_ids[1]", create([&](auto& c) { c.add_exemplar_ids(exemplar.id()); })},
      {"campaign.agency_id", create([](auto& c) { c.set_agency_id("99999"); })},
      {"request_id", [&]() {
         cv1::CreateCampaignRequest r;
         *r.mutable_campaign() = Draft(exemplar.id());
         cv1::Campaign out;
         return campaigns->CreateCampaign(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"campaign.channels[0]", update([](auto& c) { c.set_channels(0, "fax"); })},
      {"campaign.name", update([](auto& c) { c.set_name("a > b"); })},
      {"campaign.exemplar_ids[0]", update([&](auto& c) { c.set_exemplar_ids(0, candidate.id()); })},
      {"campaign.agency_id", update([](auto& c) { c.set_agency_id(kBacNhaTrang); })},
      {"anniversary.month_day", anniversary("02-30", "Ngày không có", 0)},
      {"anniversary.month_day", anniversary("2026-06-11", "Sai dạng", 0)},
      {"anniversary.name", anniversary("06-01", "<img src=x onerror=alert(1)>", 0)},
      {"anniversary.since_year", anniversary("06-01", "Ngày tương lai", 2999)},
      {"anniversary.name", anniversary("05-19", "Ngày sinh Chủ tịch Hồ Chí Minh", 1890)},
      {"event.title", event([](auto& e) { e.set_title("Giao lưu <script>x</script>"); })},
      {"event.audience[1]", event([](auto& e) { e.set_audience(1, "martians"); })},
      {"event.kind", event([](auto& e) { e.set_kind(cv1::EVENT_KIND_UNSPECIFIED); })},
      {"event.mode", event([](auto& e) { e.set_mode(cv1::EVENT_MODE_UNSPECIFIED); })},
      {"event.date", event([](auto& e) { e.set_date("2026-13-01"); })},
      {"event.attendance", event([](auto& e) { e.set_attendance(-1); })},
      {"event.exemplar_ids", event([](auto& e) { e.clear_exemplar_ids(); })},
      {"event.exemplar_ids[0]", event([&](auto& e) { e.set_exemplar_ids(0, candidate.id()); })},
      {"event.campaign_id", event([](auto& e) { e.set_campaign_id("camp-56-424242"); })},
      {"replication.exemplar_id", replication([&](auto& r) { r.set_exemplar_id(candidate.id()); })},
      {"replication.exemplar_id", replication([](auto& r) { r.set_exemplar_id("nom-xx"); })},
      {"replication.adopted_date", replication([](auto& r) { r.set_adopted_date("2099-01-01"); })},
      {"replication.adopting_agency_id", replication([](auto& r) { r.set_adopting_agency_id("88888"); })},
      {"replication.adopting_unit_name", replication([](auto& r) { r.clear_adopting_agency_id(); })},
      {"replication.evidence_title", replication([](auto& r) { r.clear_evidence_title(); })},
  };
  for (const auto& k : cases) {
    const std::string before = RedisDigest();
    grpc::Status st = k.call();
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << k.field << ": " << st.error_message();
    EXPECT_EQ(st.error_message().rfind(k.field + ":", 0), 0u) << k.field << " got: " << st.error_message();
    EXPECT_EQ(RedisDigest(), before) << k.field << " changed Redis";
  }
  // An event tied to a real campaign of the agency is fine.
  cv1::ExchangeEvent e = Event(exemplar.id());
  e.set_campaign_id(existing.id());
  cv1::ExchangeEvent out;
  EXPECT_TRUE(RecordEvent(e, &out).ok());
}

TEST_F(CampaignsE2ETest, EventsReplicationsAndTheYearsFigures) {
  auto lan = Recognised("Nguyễn Thị Lan");
  auto minh = Recognised("Trần Văn Minh", kNhaTrang);
  cv1::ExchangeEvent e;
  ASSERT_TRUE(RecordEvent(Event(lan.id(), cv1::EXCHANGE, "2026-06-11", 120), &e).ok());
  EXPECT_EQ(e.id().rfind("event-56-", 0), 0u);
  EXPECT_EQ(e.created_by(), "officer@56");
  ASSERT_TRUE(RecordEvent(Event(minh.id(), cv1::EXCHANGE, "2026-09-02", 80), &e).ok());
  ASSERT_TRUE(RecordEvent(Event(lan.id(), cv1::HONOURING, "2026-04-30", 300), &e).ok());
  ASSERT_TRUE(RecordEvent(Event(lan.id(), cv1::EXCHANGE, "2025-12-20", 50), &e).ok());

  cv1::ListExchangeEventsRequest le;
  le.set_year(2026);
  cv1::ListExchangeEventsResponse events;
  ASSERT_TRUE(outreach->ListExchangeEvents(server.Context(Role::kSupervisor, kKhanhHoa).get(), le, &events).ok());
  std::vector<std::string> dates;
  for (const auto& ev : events.events()) dates.push_back(ev.date());
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-09-02", "2026-06-11", "2026-04-30"}));
  le.set_year(0);
  le.set_page_size(3);
  ASSERT_TRUE(outreach->ListExchangeEvents(server.Context(Role::kSupervisor, kKhanhHoa).get(), le, &events).ok());
  ASSERT_EQ(events.events_size(), 3);
  le.set_page_token(events.next_page_token());
  ASSERT_TRUE(outreach->ListExchangeEvents(server.Context(Role::kSupervisor, kKhanhHoa).get(), le, &events).ok());
  ASSERT_EQ(events.events_size(), 1);
  EXPECT_EQ(events.events(0).date(), "2025-12-20");
  EXPECT_TRUE(events.next_page_token().empty());

  cv1::Replication rep;
  ASSERT_TRUE(RecordReplication(Adoption(lan.id(), "2026-05-01"), &rep).ok());
  EXPECT_EQ(rep.id().rfind("repl-56-", 0), 0u);
  cv1::Replication outside = Adoption(minh.id(), "2026-03-15");
  outside.clear_adopting_agency_id();
  outside.set_adopting_unit_name("Hợp tác xã Nông nghiệp Ninh Ích");
  ASSERT_TRUE(RecordReplication(outside, &rep).ok());
  ASSERT_TRUE(RecordReplication(Adoption(lan.id(), "2025-10-01"), &rep).ok());
  ASSERT_TRUE(RecordReplication(Adoption(lan.id(), "2026-01-02"), &rep).ok());

  cv1::ListReplicationsRequest lr;
  lr.set_exemplar_id(lan.id());
  cv1::ListReplicationsResponse reps;
  ASSERT_TRUE(outreach->ListReplications(server.Context(Role::kNode, kKhanhHoa).get(), lr, &reps).ok());
  ASSERT_EQ(reps.replications_size(), 3);
  EXPECT_EQ(reps.replications(0).adopted_date(), "2026-05-01");
  lr.set_year(2026);
  ASSERT_TRUE(outreach->ListReplications(server.Context(Role::kNode, kKhanhHoa).get(), lr, &reps).ok());
  EXPECT_EQ(reps.replications_size(), 2);
  lr.clear_exemplar_id();
  ASSERT_TRUE(outreach->ListReplications(server.Context(Role::kNode, kKhanhHoa).get(), lr, &reps).ok());
  EXPECT_EQ(reps.replications_size(), 3);

  cv1::Campaign c1, c2, c3;
  ASSERT_TRUE(Create(Draft(lan.id()), &c1).ok());  // 2026, 150 million.
  cv1::Campaign spanning = Draft(lan.id());
  spanning.set_start_date("2025-10-01");
  spanning.set_budget_vnd(50000000);
  ASSERT_TRUE(Create(spanning, &c2).ok());
  cv1::Campaign earlier = Draft(lan.id());
  earlier.set_start_date("2025-01-01");
  earlier.set_end_date("2025-12-31");
  earlier.mutable_planned_items(0)->set_planned_date("2025-06-11");
  ASSERT_TRUE(Create(earlier, &c3).ok());

  cv1::AgencyMediaFigures f;
  f.set_agency_id(kKhanhHoa);
  ASSERT_TRUE(component->campaigns().AddYearFigures(kKhanhHoa, 2026, &f).ok());
  ASSERT_TRUE(component->outreach().AddYearFigures(kKhanhHoa, 2026, &f).ok());
  EXPECT_EQ(f.campaigns(), 2);
  EXPECT_EQ(f.campaign_budget_vnd(), 200000000);
  EXPECT_EQ(f.exchange_events(), 2);
  EXPECT_EQ(f.honouring_events(), 1);
  EXPECT_EQ(f.event_attendance(), 500);
  EXPECT_EQ(f.replications(), 3);
  cv1::AgencyMediaFigures f25;
  ASSERT_TRUE(component->campaigns().AddYearFigures(kKhanhHoa, 2025, &f25).ok());
  ASSERT_TRUE(component->outreach().AddYearFigures(kKhanhHoa, 2025, &f25).ok());
  EXPECT_EQ(f25.campaigns(), 2);
  EXPECT_EQ(f25.exchange_events(), 1);
  EXPECT_EQ(f25.event_attendance(), 50);
  EXPECT_EQ(f25.replications(), 1);
  cv1::AgencyMediaFigures ward;
  ASSERT_TRUE(component->outreach().AddYearFigures(kBacNhaTrang, 2026, &ward).ok());
  EXPECT_EQ(ward.exchange_events(), 0);

  auto known = server.node().context().KnownAgencies();
  ASSERT_TRUE(known.ok());
  EXPECT_NE(std::find(known->begin(), known->end(), kKhanhHoa), known->end());
}

struct Rpc {
  std::string name;
  std::set<Role> allowed;
  std::function<grpc::Status(grpc::ClientContext*)> call;
};

TEST_F(CampaignsE2ETest, EveryRpcByEveryRole) {
  auto exemplar = Recognised("Hồ Văn Tâm");
  cv1::Campaign existing;
  ASSERT_TRUE(Create(Draft(exemplar.id()), &existing).ok());
  const std::set<Role> writers{Role::kOfficer, Role::kMediaEditor, Role::kAdmin};
  const std::set<Role>& every = EveryRole();
  std::vector<Rpc> rpcs;
  rpcs.push_back({"CreateCampaign", writers, [&](grpc::ClientContext* c) {
                    cv1::CreateCampaignRequest r;
                    r.set_request_id(NextRequestId());
                    *r.mutable_campaign() = Draft(exemplar.id());
                    cv1::Campaign out;
                    return campaigns->CreateCampaign(c, r, &out);
                  }});
  rpcs.push_back({"UpdateCampaign", writers, [&](grpc::ClientContext* c) {
                    cv1::UpdateCampaignRequest r;
                    r.set_request_id(NextRequestId());
                    r.set_id(existing.id());
                    r.set_expected_version(existing.version());
                    *r.mutable_campaign() = existing;
                    cv1::Campaign out;
                    grpc::Status st = campaigns->UpdateCampaign(c, r, &out);
                    if (st.ok()) existing = out;
                    return st;
                  }});
  rpcs.push_back({"GetCampaign", every, [&](grpc::ClientContext* c) {
                    cv1::GetCampaignRequest r;
                    r.set_id(existing.id());
                    cv1::Campaign out;
                    return campaigns->GetCampaign(c, r, &out);
                  }});
  rpcs.push_back({"ListCampaigns", every, [&](grpc::ClientContext* c) {
                    cv1::ListCampaignsRequest r;
                    r.set_agency_id(kKhanhHoa);
                    r.set_year(2026);
                    cv1::ListCampaignsResponse out;
                    return campaigns->ListCampaigns(c, r, &out);
                  }});
  rpcs.push_back({"ListAnniversaries", every, [&](grpc::ClientContext* c) {
                    cv1::ListAnniversariesRequest r;
                    r.set_agency_id(kKhanhHoa);
                    r.set_year(2026);
                    cv1::ListAnniversariesResponse out;
                    return campaigns->ListAnniversaries(c, r, &out);
                  }});
  rpcs.push_back({"AddAnniversary", writers, [&](grpc::ClientContext* c) {
                    cv1::AddAnniversaryRequest r;
                    r.set_request_id(NextRequestId());
                    r.mutable_anniversary()->set_agency_id(kKhanhHoa);
                    r.mutable_anniversary()->set_month_day("07-01");
                    r.mutable_anniversary()->set_name("Ngày truyền thống " + NextRequestId());
                    cv1::Anniversary out;
                    return campaigns->AddAnniversary(c, r, &out);
                  }});
  rpcs.push_back({"RecordExchangeEvent", writers, [&](grpc::ClientContext* c) {
                    cv1::RecordExchangeEventRequest r;
                    r.set_request_id(NextRequestId());
                    *r.mutable_event() = Event(exemplar.id());
                    cv1::ExchangeEvent out;
                    return outreach->RecordExchangeEvent(c, r, &out);
                  }});
  rpcs.push_back({"ListExchangeEvents", every, [&](grpc::ClientContext* c) {
                    cv1::ListExchangeEventsRequest r;
                    r.set_agency_id(kKhanhHoa);
                    cv1::ListExchangeEventsResponse out;
                    return outreach->ListExchangeEvents(c, r, &out);
                  }});
  rpcs.push_back({"RecordReplication", writers, [&](grpc::ClientContext* c) {
                    cv1::RecordReplicationRequest r;
                    r.set_request_id(NextRequestId());
                    *r.mutable_replication() = Adoption(exemplar.id());
                    cv1::Replication out;
                    return outreach->RecordReplication(c, r, &out);
                  }});
  rpcs.push_back({"ListReplications", every, [&](grpc::ClientContext* c) {
                    cv1::ListReplicationsRequest r;
                    r.set_agency_id(kKhanhHoa);
                    cv1::ListReplicationsResponse out;
                    return outreach->ListReplications(c, r, &out);
                  }});
  std::set<std::string> listed;
  for (const auto& rpc : rpcs) {
    listed.insert(rpc.name);
    for (Role role : EveryRole()) {
      grpc::Status st = rpc.call(server.Context(role, kKhanhHoa).get());
      if (rpc.allowed.count(role)) {
        EXPECT_TRUE(st.ok()) << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << " as " << RoleName(role);
      }
    }
    for (const auto& header : BadAuthorizationHeaders()) {
      EXPECT_EQ(rpc.call(WithAuthorization(header).get()).error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << rpc.name << " with '" << header.substr(0, 20) << "'";
    }
    // A unit below the province acts only inside its own subtree.
    grpc::Status st = rpc.call(server.Context(Role::kAdmin, kBacNhaTrang).get());
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << ": " << st.error_message();
    // Another province likewise.
    st = rpc.call(server.Context(Role::kOfficer, kHaNoi).get());
    EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << ": " << st.error_message();
  }
  ExpectEveryMethodListed(listed, {"tdkt.campaign_media.v1.CampaignService", "tdkt.campaign_media.v1.OutreachService"});
}

}  // namespace
}  // namespace tdkt::testing
