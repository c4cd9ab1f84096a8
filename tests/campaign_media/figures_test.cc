// MediaFiguresService.GetYearFigures with sources of the test's own: the
// rows of the subtree (one per agency with anything in the year, each the sum
// of every source), who may call it, and the bad input it refuses.
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "services/campaign_media/figures_component.h"
#include "tdkt/campaign_media/v1/figures.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

namespace fgv1 = ::tdkt::campaign_media::v1;

// Fixed figures for 2026: campaigns and budget per agency; adds a channel
// count so repeated fields are summed too.
class FixedCampaigns : public campaign_media::FigureSource {
 public:
  Status AddYearFigures(const std::string& agency, int year, fgv1::AgencyMediaFigures* out) override {
    if (fail) return Status::Unavailable("campaign store down");
    if (year != 2026) return Status::Ok();
    if (agency == kKhanhHoa) {
      out->set_campaigns(out->campaigns() + 2);
      out->set_campaign_budget_vnd(out->campaign_budget_vnd() + 50'000'000);
    }
    if (agency == kHaNoi) out->set_campaigns(out->campaigns() + 7);
    return Status::Ok();
  }
  bool fail = false;
};

class FixedOutreach : public campaign_media::FigureSource {
 public:
  Status AddYearFigures(const std::string& agency, int year, fgv1::AgencyMediaFigures* out) override {
    if (year != 2026) return Status::Ok();
    if (agency == kKhanhHoa) {
      out->set_exchange_events(out->exchange_events() + 1);
      out->set_campaigns(out->campaigns() + 1);  // Summed with the other source.
    }
    if (agency == kBacNhaTrang) {
      out->set_exchange_events(out->exchange_events() + 3);
      out->set_event_attendance(out->event_attendance() + 120);
      auto* c = out->add_published_by_channel();
      c->set_key("radio");
      c->set_count(4);
    }
    return Status::Ok();
  }
};

class FiguresTest : public ::testing::Test {
 protected:
  FixedCampaigns campaigns;
  FixedOutreach outreach;
  CampaignMediaServer server{[this](campaign_media::CampaignMediaNode& node) {
    node.Add(std::make_unique<campaign_media::FiguresComponent>(
        node.context(), node.verifier(), std::vector<campaign_media::FigureSource*>{&campaigns, &outreach, nullptr}));
  }};
  std::unique_ptr<fgv1::MediaFiguresService::Stub> figures = fgv1::MediaFiguresService::NewStub(server.channel());

  void SetUp() override {
    // Agencies with campaign-media records; Nha Trang has nothing in 2026.
    for (const char* a : {kKhanhHoa, kBacNhaTrang, kNhaTrang, kHaNoi}) {
      ASSERT_TRUE(server.node().context().RememberAgency(a).ok());
    }
  }

  grpc::Status Get(Role role, const std::string& caller_agency, const std::string& agency, int year,
                   fgv1::GetYearFiguresResponse* out) {
    fgv1::GetYearFiguresRequest request;
    request.set_agency_id(agency);
    request.set_year(year);
    return figures->GetYearFigures(server.Context(role, caller_agency).get(), request, out);
  }
};

TEST_F(FiguresTest, OneRowPerAgencyOfTheSubtreeWithAnythingSummedOverSources) {
  fgv1::GetYearFiguresResponse out;
  ASSERT_TRUE(Get(Role::kReportingOfficer, kKhanhHoa, kKhanhHoa, 2026, &out).ok());
  ASSERT_EQ(out.agencies_size(), 2);  // Nha Trang (nothing) and Hà Nội (outside) left out.
  const auto& ward = out.agencies(0);
  EXPECT_EQ(ward.agency_id(), kBacNhaTrang);
  EXPECT_EQ(ward.exchange_events(), 3);
  EXPECT_EQ(ward.event_attendance(), 120);
  ASSERT_EQ(ward.published_by_channel_size(), 1);
  EXPECT_EQ(ward.published_by_channel(0).key(), "radio");
  EXPECT_EQ(ward.published_by_channel(0).count(), 4);
  const auto& province = out.agencies(1);
  EXPECT_EQ(province.agency_id(), kKhanhHoa);
  EXPECT_EQ(province.campaigns(), 3);
  EXPECT_EQ(province.campaign_budget_vnd(), 50'000'000);
  EXPECT_EQ(province.exchange_events(), 1);
}

TEST_F(FiguresTest, AWardSeesItsOwnRowAndTheDefaultIsTheCallersAgency) {
  fgv1::GetYearFiguresResponse out;
  ASSERT_TRUE(Get(Role::kOfficer, kBacNhaTrang, "", 2026, &out).ok());
  ASSERT_EQ(out.agencies_size(), 1);
  EXPECT_EQ(out.agencies(0).agency_id(), kBacNhaTrang);
  // The central node sees every province.
  ASSERT_TRUE(Get(Role::kNode, "TW", "TW", 2026, &out).ok());
  EXPECT_EQ(out.agencies_size(), 3);
}

TEST_F(FiguresTest, AnotherYearHasNoRows) {
  fgv1::GetYearFiguresResponse out;
  ASSERT_TRUE(Get(Role::kAdmin, kKhanhHoa, kKhanhHoa, 2025, &out).ok());
  EXPECT_EQ(out.agencies_size(), 0);
}

TEST_F(FiguresTest, RefusesBadYearsUnknownAgenciesAndOtherSubtrees) {
  fgv1::GetYearFiguresResponse out;
  for (int year : {0, 1999, 2101}) {
    auto st = Get(Role::kReportingOfficer, kKhanhHoa, kKhanhHoa, year, &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << year;
    EXPECT_NE(st.error_message().find("year"), std::string::npos) << st.error_message();
  }
  auto st = Get(Role::kReportingOfficer, kKhanhHoa, "99999", 2026, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("agency_id"), std::string::npos);
  st = Get(Role::kReportingOfficer, kHaNoi, kKhanhHoa, 2026, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(FiguresTest, EveryRole) {
  const std::set<Role> allowed{Role::kNode, Role::kReportingOfficer, Role::kOfficer, Role::kAdmin};
  for (Role role : EveryRole()) {
    fgv1::GetYearFiguresResponse out;
    auto st = Get(role, kKhanhHoa, kKhanhHoa, 2026, &out);
    if (allowed.count(role)) {
      EXPECT_TRUE(st.ok()) << RoleName(role) << ": " << st.error_message();
    } else {
      EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << RoleName(role);
    }
  }
  for (const auto& header : BadAuthorizationHeaders()) {
    fgv1::GetYearFiguresRequest request;
    request.set_year(2026);
    fgv1::GetYearFiguresResponse out;
    EXPECT_EQ(figures->GetYearFigures(WithAuthorization(header).get(), request, &out).error_code(),
              grpc::StatusCode::UNAUTHENTICATED)
        << header;
  }
  ExpectEveryMethodListed({"GetYearFigures"}, {"tdkt.campaign_media.v1.MediaFiguresService"});
}

TEST_F(FiguresTest, ASourceFailureIsTheAnswer) {
  campaigns.fail = true;
  fgv1::GetYearFiguresResponse out;
  EXPECT_EQ(Get(Role::kNode, kKhanhHoa, kKhanhHoa, 2026, &out).error_code(), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace tdkt::testing
