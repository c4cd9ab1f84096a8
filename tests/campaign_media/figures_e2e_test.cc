// The report's media figures end to end: a real nomination server, a
// campaign-media node with every area's component (campaigns and outreach,
// contests, media items, figures) and a reporting node reading it, all on
// loopback over the test Redis. What is created through the campaign-media
// API shows in the yearly report's media section, its exchange quota and its
// export; without campaign-media the report still builds and says so.
#include <map>

#include <gtest/gtest.h>

#include "common/vn_time.h"
#include "services/campaign_media/campaigns_component.h"
#include "services/campaign_media/contests_component.h"
#include "services/campaign_media/figures_component.h"
#include "services/campaign_media/items_component.h"
#include "tdkt/campaign_media/v1/campaign.grpc.pb.h"
#include "tdkt/campaign_media/v1/contest.grpc.pb.h"
#include "tdkt/campaign_media/v1/figures.grpc.pb.h"
#include "tdkt/campaign_media/v1/media_item.grpc.pb.h"
#include "tdkt/campaign_media/v1/outreach.grpc.pb.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"
#include "tests/support/reporting_server.h"

namespace tdkt::testing {
namespace {

namespace cv1 = ::tdkt::campaign_media::v1;
namespace rv1 = ::tdkt::reporting::v1;
using namespace campaign_media;

void AddEverything(CampaignMediaNode& node) {
  auto campaigns = std::make_unique<CampaignsComponent>(node.context(), node.verifier());
  auto contests = std::make_unique<ContestsComponent>(node.context(), node.verifier());
  auto items = std::make_unique<ItemsComponent>(node.context(), node.verifier(), 3600 * 1000);
  auto figures = std::make_unique<FiguresComponent>(
      node.context(), node.verifier(),
      std::vector<FigureSource*>{&campaigns->campaigns(), &campaigns->outreach(), &contests->manager(),
                                 &items->manager()});
  node.Add(std::move(campaigns));
  node.Add(std::move(contests));
  node.Add(std::move(items));
  node.Add(std::move(figures));
}

class FiguresE2ETest : public ::testing::Test {
 protected:
  CampaignMediaServer media{AddEverything};
  std::unique_ptr<cv1::CampaignService::Stub> campaigns = cv1::CampaignService::NewStub(media.channel());
  std::unique_ptr<cv1::OutreachService::Stub> outreach = cv1::OutreachService::NewStub(media.channel());
  std::unique_ptr<cv1::ContestService::Stub> contests = cv1::ContestService::NewStub(media.channel());
  std::unique_ptr<cv1::MediaItemService::Stub> items = cv1::MediaItemService::NewStub(media.channel());

  // Today is 2026-12-01 in Vietnam (10:00), whatever the machine's date.
  void SetUp() override { media.clock().Set(1796094000); }

  reporting::ReportingNodeOptions ReportingFor(const std::string& campaign_media_address) {
    auto options = ReportingOptions(media.nomination(), kKhanhHoa);
    options.campaign_media_address = campaign_media_address;
    return options;
  }

  nv1::Nomination Recognised(const std::string& name) {
    auto d = Details(name, kBacNhaTrang);
    d.set_achievements("Cứu 12 người trong lũ năm 2025\nHiến 300 m2 đất làm đường");
    auto n = CreateAs(media.nomination(), Role::kOfficer, kKhanhHoa, d);
    n = MoveTo(media.nomination(), Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
    return MoveTo(media.nomination(), Role::kNode, kKhanhHoa, n, nv1::RECOGNISED);
  }

  void CreateCampaign(const std::string& exemplar) {
    cv1::CreateCampaignRequest r;
    r.set_request_id(NextRequestId());
    auto* c = r.mutable_campaign();
    c->set_agency_id(kKhanhHoa);
    c->set_name("Tuyên truyền điển hình nhân Ngày 11/6");
    c->set_goal("Lan tỏa gương người tốt, việc tốt trong phong trào thi đua yêu nước");
    c->set_start_date("2026-06-01");
    c->set_end_date("2026-06-30");
    c->add_exemplar_ids(exemplar);
    c->add_channels("portal");
    c->set_budget_vnd(150000000);
    cv1::Campaign out;
    auto st = campaigns->CreateCampaign(media.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  void PublishItem(const std::string& exemplar) {
    cv1::CreateItemRequest cr;
    cr.set_request_id(NextRequestId());
    auto* item = cr.mutable_item();
    item->set_agency_id(kKhanhHoa);
    item->set_kind("article");
    item->set_channel("portal");
    item->set_title("Người phụ nữ cứu 12 người trong lũ");
    item->set_body("Đoạn một.\n\nĐoạn hai.");
    item->add_exemplar_ids(exemplar);
    auto* claim = item->add_claims();
    claim->set_exemplar_id(exemplar);
    claim->set_text("Chị đã cứu 12 người trong trận lũ");
    claim->set_achievement_ref("achievement/1");
    cv1::MediaItem out;
    auto st = items->CreateItem(media.Context(Role::kMediaEditor, kKhanhHoa, "editor-1").get(), cr, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
    auto move = [&](cv1::MediaItemState to, Role role, const std::string& subject) {
      cv1::TransitionItemRequest r;
      r.set_request_id(NextRequestId());
      r.set_id(out.id());
      r.set_expected_version(out.version());
      r.set_to_state(to);
      cv1::MediaItem next;
      auto s = items->TransitionItem(media.Context(role, kKhanhHoa, subject).get(), r, &next);
      ASSERT_TRUE(s.ok()) << s.error_message();
      out = next;
    };
    move(cv1::IN_REVIEW, Role::kMediaEditor, "editor-1");
    move(cv1::APPROVED, Role::kOfficer, "officer-2");
    move(cv1::PUBLISHED, Role::kMediaEditor, "editor-1");
  }

  void RecordEvent(const std::string& exemplar) {
    cv1::RecordExchangeEventRequest r;
    r.set_request_id(NextRequestId());
    auto* e = r.mutable_event();
    e->set_agency_id(kBacNhaTrang);  // A ward: counts for it and for the province.
    e->set_kind(cv1::EXCHANGE);
    e->set_title("Giao lưu điển hình tiên tiến ngành y tế");
    e->set_date("2026-06-11");
    e->set_mode(cv1::IN_PERSON);
    e->add_audience("school");
    e->add_exemplar_ids(exemplar);
    e->set_attendance(120);
    e->set_place("Nhà văn hóa phường Bắc Nha Trang");
    cv1::ExchangeEvent out;
    auto st = outreach->RecordExchangeEvent(media.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  void RecordReplication(const std::string& exemplar) {
    cv1::RecordReplicationRequest r;
    r.set_request_id(NextRequestId());
    auto* rep = r.mutable_replication();
    rep->set_agency_id(kKhanhHoa);
    rep->set_exemplar_id(exemplar);
    rep->set_adopting_agency_id(kNhaTrang);
    rep->set_adopted_date("2026-05-01");
    rep->set_evidence_title("Báo cáo số 12/BC-UBND về áp dụng mô hình");
    rep->set_evidence_uri("https://khanhhoa.gov.vn/bc-12.pdf");
    cv1::Replication out;
    auto st = outreach->RecordReplication(media.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  void ContestWithEntry() {
    cv1::CreateContestRequest cr;
    cr.set_request_id(NextRequestId());
    auto* c = cr.mutable_contest();
    c->set_kind(cv1::WRITING);
    c->set_title("Cuộc thi viết \"Người tốt, việc tốt\" Khánh Hòa");
    c->set_rules("Mỗi tác giả gửi tối đa hai bài, không quá 3.000 chữ.");
    c->set_entry_deadline(FormatVietnamTime(media.clock().NowSeconds(), "%Y-%m-%d"));
    auto* a = c->add_criteria();
    a->set_code("chan-thuc");
    a->set_name("Tính chân thực");
    a->set_weight(1);
    a->set_max_score(10);
    c->add_jury("gk-an");
    c->set_prizes(1);
    cv1::Contest contest;
    auto st = contests->CreateContest(media.Context(Role::kMediaEditor, kKhanhHoa).get(), cr, &contest);
    ASSERT_TRUE(st.ok()) << st.error_message();
    cv1::SubmitEntryRequest er;
    er.set_request_id(NextRequestId());
    auto* e = er.mutable_entry();
    e->set_contest_id(contest.id());
    e->set_title("Chuyện người y sĩ ở xã đảo");
    e->set_author_name("Trần Thị Mai");
    e->set_author_unit("Báo Khánh Hòa");
    e->set_body("Chuyện người y sĩ ở xã đảo.");
    cv1::ContestEntry entry;
    st = contests->SubmitEntry(media.Context(Role::kOfficer, kKhanhHoa).get(), er, &entry);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  rv1::YearlyReport Build(ReportingServer& reporting, int year = 2026) {
    auto stub = rv1::ReportService::NewStub(reporting.channel());
    rv1::BuildReportRequest r;
    r.set_agency_id(kKhanhHoa);
    r.set_year(year);
    rv1::YearlyReport out;
    auto st = stub->BuildReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), r, &out);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return out;
  }
};

TEST_F(FiguresE2ETest, TheReportsMediaFiguresAndExchangeQuota) {
  auto exemplar = Recognised("Nguyễn Thị Huệ");
  ASSERT_FALSE(exemplar.id().empty());
  CreateCampaign(exemplar.id());
  PublishItem(exemplar.id());
  RecordEvent(exemplar.id());
  RecordReplication(exemplar.id());
  ContestWithEntry();
  if (HasFatalFailure()) return;

  // What campaign-media itself answers for the province.
  auto figures = cv1::MediaFiguresService::NewStub(media.channel());
  cv1::GetYearFiguresRequest fr;
  fr.set_year(2026);
  cv1::GetYearFiguresResponse rows;
  ASSERT_TRUE(figures->GetYearFigures(media.Context(Role::kNode, kKhanhHoa).get(), fr, &rows).ok());
  ASSERT_EQ(rows.agencies_size(), 2);
  EXPECT_EQ(rows.agencies(0).agency_id(), kBacNhaTrang);
  EXPECT_EQ(rows.agencies(0).exchange_events(), 1);
  EXPECT_EQ(rows.agencies(1).agency_id(), kKhanhHoa);

  ReportingServer reporting(ReportingFor(media.address()));
  auto report = Build(reporting);
  const auto& m = report.media();
  EXPECT_TRUE(m.available()) << m.note();
  EXPECT_TRUE(m.note().empty()) << m.note();
  EXPECT_EQ(m.campaigns(), 1);
  EXPECT_EQ(m.campaign_budget_vnd(), 150000000);
  EXPECT_EQ(m.articles(), 1);
  EXPECT_EQ(m.items_retracted(), 0);
  ASSERT_EQ(m.published_by_channel_size(), 1);
  EXPECT_EQ(m.published_by_channel(0).key(), "portal");
  EXPECT_NE(m.published_by_channel(0).label(), "portal");
  ASSERT_EQ(m.published_by_kind_size(), 1);
  EXPECT_EQ(m.published_by_kind(0).key(), "article");
  EXPECT_EQ(m.exchange_events(), 1);
  EXPECT_EQ(m.event_attendance(), 120);
  EXPECT_EQ(m.replications(), 1);
  EXPECT_EQ(m.contests(), 1);
  EXPECT_EQ(m.contest_entries(), 1);

  std::map<std::string, rv1::QuotaLine> lines;
  for (const auto& l : report.quotas()) lines[l.agency_id()] = l;
  EXPECT_EQ(lines[kKhanhHoa].exchange_events_target(), 1);
  EXPECT_EQ(lines[kKhanhHoa].exchange_events_actual(), 1);  // The ward's event counts for the province.
  EXPECT_EQ(lines[kKhanhHoa].exchange_events_gap(), 0);
  EXPECT_EQ(lines[kBacNhaTrang].exchange_events_actual(), 1);
  EXPECT_EQ(lines[kNhaTrang].exchange_events_actual(), 0);
  EXPECT_EQ(lines[kNhaTrang].exchange_events_gap(), 1);

  // Another year has none of it.
  auto before = Build(reporting, 2025);
  EXPECT_TRUE(before.media().available());
  EXPECT_EQ(before.media().articles(), 0);
  EXPECT_EQ(before.media().exchange_events(), 0);

  // The export shows them with Vietnamese labels.
  auto stub = rv1::ReportService::NewStub(reporting.channel());
  rv1::ExportReportRequest er;
  er.set_agency_id(kKhanhHoa);
  er.set_year(2026);
  er.set_format(rv1::CSV);
  rv1::ExportReportResponse exported;
  ASSERT_TRUE(stub->ExportReport(reporting.Context(Role::kReportingOfficer, kKhanhHoa).get(), er, &exported).ok());
  EXPECT_NE(exported.content().find("Buổi giao lưu điển hình"), std::string::npos);
  EXPECT_NE(exported.content().find("Giao lưu: thực hiện"), std::string::npos);
  EXPECT_NE(exported.content().find("Tin, bài theo kênh"), std::string::npos);
}

TEST_F(FiguresE2ETest, WithoutCampaignMediaTheReportStillBuildsAndSaysSo) {
  ReportingServer reporting(ReportingFor("127.0.0.1:1"));  // Nothing listens there.
  auto report = Build(reporting);
  EXPECT_EQ(report.agency_id(), kKhanhHoa);
  EXPECT_FALSE(report.media().available());
  EXPECT_NE(report.media().note().find("campaign-media"), std::string::npos) << report.media().note();
  EXPECT_GT(report.quotas_size(), 0);
}

}  // namespace
}  // namespace tdkt::testing
