// `tdktctl demo-data`'s campaign-media part against a real campaign-media
// node (every area's component): what it loads shows in the year's figures,
// and a second run adds nothing.
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include <google/protobuf/util/message_differencer.h>

#include "common/vn_time.h"
#include "services/campaign_media/campaigns_component.h"
#include "services/campaign_media/contests_component.h"
#include "services/campaign_media/figures_component.h"
#include "services/campaign_media/items_component.h"
#include "tdkt/campaign_media/v1/figures.grpc.pb.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"
#include "tools/tdktctl/demo_campaign_media.h"

namespace tdkt::testing {
namespace {

namespace cv1 = ::tdkt::campaign_media::v1;
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

cv1::AgencyMediaFigures Total(CampaignMediaServer& media, int year) {
  auto stub = cv1::MediaFiguresService::NewStub(media.channel());
  cv1::GetYearFiguresRequest r;
  r.set_year(year);
  cv1::GetYearFiguresResponse out;
  auto st = stub->GetYearFigures(media.Context(Role::kNode, kKhanhHoa).get(), r, &out);
  EXPECT_TRUE(st.ok()) << st.error_message();
  cv1::AgencyMediaFigures total;  // The counts a rerun must not change, over every unit.
  for (const auto& row : out.agencies()) {
    total.set_campaigns(total.campaigns() + row.campaigns());
    total.set_items_published(total.items_published() + row.items_published());
    total.set_exchange_events(total.exchange_events() + row.exchange_events());
    total.set_replications(total.replications() + row.replications());
    total.set_contests(total.contests() + row.contests());
    total.set_contest_entries(total.contest_entries() + row.contest_entries());
  }
  return total;
}

TEST(DemoCampaignMediaTest, LoadsEveryAreaOnceAndARerunAddsNothing) {
  CampaignMediaServer media(AddEverything);
  const std::string secret_file = ::testing::TempDir() + "/demo-cm-secret";
  std::ofstream(secret_file) << kTestSecret << "\n";
  auto d = Details("Nguyễn Thị Huệ", kBacNhaTrang);
  d.set_achievements("Cứu 12 người trong lũ năm 2025\nHiến 300 m2 đất làm đường");
  auto n = CreateAs(media.nomination(), Role::kOfficer, kKhanhHoa, d);
  n = MoveTo(media.nomination(), Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
  n = MoveTo(media.nomination(), Role::kNode, kKhanhHoa, n, nv1::RECOGNISED);
  ASSERT_EQ(n.state(), nv1::RECOGNISED);

  ctl::CampaignMediaDemo demo;
  demo.endpoint.addr = media.address();
  demo.secret_file = secret_file;
  demo.agency = kKhanhHoa;
  demo.exemplars = {n};
  ctl::Json first, second;
  auto st = ctl::LoadCampaignMediaDemo(demo, &first);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(first["items"][1]["state"], "PUBLISHED");

  const int year = VietnamYear(media.clock().NowSeconds());
  const bool june_passed = FormatVietnamTime(media.clock().NowSeconds(), "%m-%d") > "06-30";
  auto now = Total(media, year);
  auto dated = june_passed ? now : Total(media, year - 1);
  EXPECT_EQ(dated.campaigns(), 1);
  EXPECT_EQ(dated.exchange_events(), 1);
  EXPECT_EQ(dated.replications(), 1);
  EXPECT_EQ(now.items_published(), 2);
  EXPECT_EQ(now.contests(), 1);
  EXPECT_EQ(now.contest_entries(), 3);

  st = ctl::LoadCampaignMediaDemo(demo, &second);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(first, second);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(Total(media, year), now));
  std::remove(secret_file.c_str());
}

}  // namespace
}  // namespace tdkt::testing
