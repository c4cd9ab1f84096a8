// Pure rules of campaigns, the anniversary calendar and outreach.
#include <gtest/gtest.h>

#include "services/campaign_media/domain/anniversaries.h"
#include "services/campaign_media/domain/campaign_rules.h"
#include "services/campaign_media/domain/outreach_rules.h"

namespace tdkt::campaign_media {
namespace {

cv1::Campaign Valid() {
  cv1::Campaign c;
  c.set_agency_id("56");
  c.set_name("  Tuyên truyền gương người tốt, việc tốt năm 2026 ");
  c.set_goal("Lan tỏa các điển hình tiên tiến trong phong trào thi đua yêu nước");
  c.set_start_date("2026-03-01");
  c.set_end_date("2026-12-31");
  c.add_channels("portal");
  c.add_channels("loudspeaker");
  auto* item = c.add_planned_items();
  item->set_title("Phóng sự về Hợp tác xã Vĩnh Thạnh");
  item->set_channel("loudspeaker");
  item->set_kind("reportage");
  item->set_planned_date("2026-06-11");
  c.set_budget_vnd(150000000);
  return c;
}

TEST(CampaignRules, AcceptsAndNormalisesAValidCampaign) {
  cv1::Campaign c = Valid();
  ASSERT_TRUE(NormalizeCampaign(c).ok());
  EXPECT_EQ(c.name(), "Tuyên truyền gương người tốt, việc tốt năm 2026");
}

TEST(CampaignRules, NamesTheOffendingField) {
  struct Case {
    const char* field;
    void (*spoil)(cv1::Campaign&);
  } cases[] = {
      {"campaign.name", [](cv1::Campaign& c) { c.set_name(""); }},
      {"campaign.name", [](cv1::Campaign& c) { c.set_name("Chiến dịch <script>alert(1)</script>"); }},
      {"campaign.name", [](cv1::Campaign& c) { c.set_name("Hai\ndòng"); }},
      {"campaign.name", [](cv1::Campaign& c) { c.set_name(std::string(301, 'a')); }},
      {"campaign.name", [](cv1::Campaign& c) { c.set_name("\xff\xfe"); }},
      {"campaign.goal", [](cv1::Campaign& c) { c.set_goal("  "); }},
      {"campaign.end_date", [](cv1::Campaign& c) { c.set_end_date("2026-02-28"); }},
      {"campaign.channels", [](cv1::Campaign& c) { c.clear_channels(); }},
      {"campaign.channels[1]", [](cv1::Campaign& c) { c.set_channels(1, "pigeon"); }},
      {"campaign.channels[1]", [](cv1::Campaign& c) { c.set_channels(1, "portal"); }},
      {"campaign.planned_items[0].title", [](cv1::Campaign& c) { c.mutable_planned_items(0)->set_title("<b>x</b>"); }},
      {"campaign.planned_items[0].channel",
       [](cv1::Campaign& c) { c.mutable_planned_items(0)->set_channel("television"); }},
      {"campaign.planned_items[0].channel", [](cv1::Campaign& c) { c.mutable_planned_items(0)->set_channel("tv"); }},
      {"campaign.planned_items[0].kind", [](cv1::Campaign& c) { c.mutable_planned_items(0)->set_kind("novel"); }},
      {"campaign.planned_items[0].planned_date",
       [](cv1::Campaign& c) { c.mutable_planned_items(0)->set_planned_date("2027-01-01"); }},
      {"campaign.planned_items[0].planned_date",
       [](cv1::Campaign& c) { c.mutable_planned_items(0)->set_planned_date("2026-02-28"); }},
      {"campaign.budget_vnd", [](cv1::Campaign& c) { c.set_budget_vnd(-1); }},
  };
  for (const auto& k : cases) {
    cv1::Campaign c = Valid();
    k.spoil(c);
    Status st = NormalizeCampaign(c);
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << k.field;
    EXPECT_EQ(st.field(), k.field) << st.ToString();
    EXPECT_FALSE(st.message().empty());
  }
}

TEST(CampaignRules, PeriodTouchesYear) {
  cv1::Campaign c = Valid();
  c.set_start_date("2025-11-01");
  c.set_end_date("2027-01-31");
  EXPECT_FALSE(PeriodTouchesYear(c, 2024));
  EXPECT_TRUE(PeriodTouchesYear(c, 2025));
  EXPECT_TRUE(PeriodTouchesYear(c, 2026));
  EXPECT_TRUE(PeriodTouchesYear(c, 2027));
  EXPECT_FALSE(PeriodTouchesYear(c, 2028));
  EXPECT_EQ(YearsTouched(c), (std::vector<int>{2025, 2026, 2027}));
}

TEST(Anniversaries, NationalOnesInDateOrderWithYearsSince) {
  auto occurrences = OccurrencesIn(NationalAnniversaries(), 2026);
  ASSERT_EQ(occurrences.size(), 5u);
  EXPECT_EQ(occurrences[0].date(), "2026-02-03");
  EXPECT_EQ(occurrences[0].years(), 96);
  EXPECT_EQ(occurrences[3].anniversary().id(), "national-06-11");
  EXPECT_EQ(occurrences[3].anniversary().name(), "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc");
  EXPECT_EQ(occurrences[3].years(), 78);
  EXPECT_EQ(occurrences[4].date(), "2026-09-02");
  EXPECT_EQ(occurrences[4].years(), 81);
  for (const auto& o : occurrences) EXPECT_TRUE(o.anniversary().national());
  EXPECT_NE(FindNational("national-05-19"), nullptr);
  EXPECT_EQ(FindNational("national-05-20"), nullptr);
}

TEST(Anniversaries, LeapDayOnlyInLeapYears) {
  cv1::Anniversary leap;
  leap.set_id("anniv-56-1");
  leap.set_month_day("02-29");
  leap.set_name("Ngày truyền thống");
  leap.set_since_year(2000);
  std::vector<cv1::Anniversary> calendar = NationalAnniversaries();
  calendar.push_back(leap);
  EXPECT_EQ(OccurrencesIn(calendar, 2026).size(), 5u);
  auto in_2028 = OccurrencesIn(calendar, 2028);
  ASSERT_EQ(in_2028.size(), 6u);
  EXPECT_EQ(in_2028[1].date(), "2028-02-29");
  EXPECT_EQ(in_2028[1].years(), 28);
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(2100));
}

TEST(Anniversaries, ChecksWhatAnAgencyAdds) {
  cv1::Anniversary a;
  a.set_month_day("02-29");
  a.set_name(" Ngày thành lập tỉnh ");
  a.set_since_year(1975);
  ASSERT_TRUE(NormalizeAnniversary(a, 2026).ok());
  EXPECT_EQ(a.name(), "Ngày thành lập tỉnh");
  for (const char* bad : {"02-30", "13-01", "6-11", "06/11", "00-10", ""}) {
    cv1::Anniversary b = a;
    b.set_month_day(bad);
    EXPECT_EQ(NormalizeAnniversary(b, 2026).field(), "anniversary.month_day") << bad;
  }
  cv1::Anniversary b = a;
  b.set_name("<script>");
  EXPECT_EQ(NormalizeAnniversary(b, 2026).field(), "anniversary.name");
  b = a;
  b.set_since_year(2030);
  EXPECT_EQ(NormalizeAnniversary(b, 2026).field(), "anniversary.since_year");
}

cv1::ExchangeEvent ValidEvent() {
  cv1::ExchangeEvent e;
  e.set_kind(cv1::EXCHANGE);
  e.set_title("Giao lưu điển hình tiên tiến ngành y tế");
  e.set_date("2026-06-11");
  e.set_mode(cv1::IN_PERSON);
  e.add_audience("school");
  e.add_audience("youth");
  e.add_exemplar_ids("nom-56-1");
  e.set_attendance(120);
  return e;
}

TEST(OutreachRules, Audiences) {
  EXPECT_EQ(AudienceCodes().size(), 6u);
  EXPECT_EQ(AudienceLabel("youth"), "Đoàn viên, thanh niên");
  EXPECT_TRUE(CheckAudience("armed_forces", "a").ok());
  EXPECT_EQ(CheckAudience("aliens", "event.audience[0]").field(), "event.audience[0]");
}

TEST(OutreachRules, EventChecks) {
  cv1::ExchangeEvent ok = ValidEvent();
  ASSERT_TRUE(NormalizeEvent(ok).ok());
  struct Case {
    const char* field;
    void (*spoil)(cv1::ExchangeEvent&);
  } cases[] = {
      {"event.kind", [](cv1::ExchangeEvent& e) { e.set_kind(cv1::EVENT_KIND_UNSPECIFIED); }},
      {"event.title", [](cv1::ExchangeEvent& e) { e.set_title("<script>x</script>"); }},
      {"event.title", [](cv1::ExchangeEvent& e) { e.set_title(""); }},
      {"event.mode", [](cv1::ExchangeEvent& e) { e.set_mode(cv1::EVENT_MODE_UNSPECIFIED); }},
      {"event.audience", [](cv1::ExchangeEvent& e) { e.clear_audience(); }},
      {"event.audience[1]", [](cv1::ExchangeEvent& e) { e.set_audience(1, "voters"); }},
      {"event.audience[1]", [](cv1::ExchangeEvent& e) { e.set_audience(1, "school"); }},
      {"event.exemplar_ids", [](cv1::ExchangeEvent& e) { e.clear_exemplar_ids(); }},
      {"event.attendance", [](cv1::ExchangeEvent& e) { e.set_attendance(-5); }},
  };
  for (const auto& k : cases) {
    cv1::ExchangeEvent e = ValidEvent();
    k.spoil(e);
    EXPECT_EQ(NormalizeEvent(e).field(), k.field);
  }
}

TEST(OutreachRules, ReplicationChecks) {
  cv1::Replication r;
  r.set_exemplar_id("nom-56-1");
  r.set_adopting_unit_name("Trường THCS Lê Thánh Tôn");
  r.set_adopted_date("2026-05-01");
  r.set_evidence_title("Báo cáo kết quả áp dụng mô hình");
  ASSERT_TRUE(NormalizeReplication(r, "2026-06-01").ok());
  cv1::Replication b = r;
  b.set_adopted_date("2026-06-02");
  EXPECT_EQ(NormalizeReplication(b, "2026-06-01").field(), "replication.adopted_date");
  b = r;
  b.clear_adopting_unit_name();
  EXPECT_EQ(NormalizeReplication(b, "2026-06-01").field(), "replication.adopting_unit_name");
  b.set_adopting_agency_id("22333");
  EXPECT_TRUE(NormalizeReplication(b, "2026-06-01").ok());
  b = r;
  b.clear_evidence_title();
  EXPECT_EQ(NormalizeReplication(b, "2026-06-01").field(), "replication.evidence_title");
  b = r;
  b.set_evidence_uri("javascript: alert(1)");
  EXPECT_EQ(NormalizeReplication(b, "2026-06-01").field(), "replication.evidence_uri");
  b = r;
  b.clear_exemplar_id();
  EXPECT_EQ(NormalizeReplication(b, "2026-06-01").field(), "replication.exemplar_id");
}

}  // namespace
}  // namespace tdkt::campaign_media
