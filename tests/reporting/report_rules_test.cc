// Hand counts of the yearly report's arithmetic: breakdowns, quotas, merged
// units, roll-up without double counting, completeness.
#include "services/reporting/domain/report_rules.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace tdkt::reporting {
namespace {

// Tỉnh Khánh Hòa (56) with two wards, one ward merged into another, and a
// second province.
AgencyTree Tree() {
  AgencyTree t;
  EXPECT_TRUE(t.Add({"TW", "Trung ương", "Trung ương", "", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"56", "Tỉnh Khánh Hòa", "Tỉnh", "TW", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"22333", "Phường Bắc Nha Trang", "Phường", "56", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"22366", "Phường Nha Trang", "Phường", "56", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"22400", "Xã Cũ", "Xã", "56", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"01", "Thành phố Hà Nội", "Thành phố Trung ương", "TW", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"00004", "Phường Ba Đình", "Phường", "01", "", {}, 1}).ok());
  EXPECT_TRUE(t.Merge("22400", "22366").ok());
  return t;
}

RecordFacts F(const std::string& id, const std::string& agency, const std::string& state, int discovered,
              int recognised = 0, std::vector<std::string> fields = {"health"}, const std::string& kind = "INDIVIDUAL") {
  RecordFacts f;
  f.id = id;
  f.agency = agency;
  f.state = state;
  f.discovered_year = discovered;
  f.recognised_year = recognised;
  f.fields = std::move(fields);
  f.kind = kind;
  if (recognised) f.form = "chien-si-thi-dua-co-so";
  return f;
}

std::vector<RecordFacts> Sample() {
  std::vector<RecordFacts> v;
  v.push_back(F("a", "22333", "DISCOVERED", 2026));
  v.push_back(F("b", "22333", "FOSTERING", 2026, 0, {"health", "education"}));
  v.push_back(F("c", "22366", "RECOGNISED", 2025, 2026, {"education"}, "COLLECTIVE"));
  v.push_back(F("d", "22366", "RECOGNISED", 2026, 2026));
  v.push_back(F("e", "56", "PROPOSED", 2026));
  v.push_back(F("f", "22333", "DISCOVERED", 2025));  // Another year: not counted.
  auto up = F("g", "22333", "PROPOSED", 2026);
  up.upward_state = "RECOGNISED";
  v.push_back(up);
  auto recv = F("h", "56", "SUBMITTED", 2026);
  recv.received = true;
  recv.origin_agency = "22333";
  v.push_back(recv);
  return v;
}

TEST(ReportRulesTest, CountsByStageFieldKindAndAgencyByHand) {
  Figures g = Aggregate(Sample(), {}, 2026);
  EXPECT_EQ(g.exemplars, 6);  // a b c d e g (f is 2025, h is received).
  EXPECT_EQ(g.by_state["DISCOVERED"], 1);
  EXPECT_EQ(g.by_state["FOSTERING"], 1);
  EXPECT_EQ(g.by_state["RECOGNISED"], 2);
  EXPECT_EQ(g.by_state["PROPOSED"], 2);
  EXPECT_EQ(g.by_field["health"], 5);     // a b d e g
  EXPECT_EQ(g.by_field["education"], 2);  // b c
  EXPECT_EQ(g.by_kind["INDIVIDUAL"], 5);
  EXPECT_EQ(g.by_kind["COLLECTIVE"], 1);
  EXPECT_EQ(g.by_agency["22333"], 3);
  EXPECT_EQ(g.by_agency["22366"], 2);
  EXPECT_EQ(g.by_agency["56"], 1);
  EXPECT_EQ(g.recognitions, 2);
  EXPECT_EQ(g.by_form["chien-si-thi-dua-co-so"], 2);
  EXPECT_EQ(g.proposals.sent(), 2);
  EXPECT_EQ(g.proposals.recognised(), 1);
  EXPECT_EQ(g.proposals.pending(), 1);
  EXPECT_EQ(g.received, 1);
  EXPECT_EQ(g.received_by_child["22333"], 1);
  EXPECT_EQ(g.received_pending, 1);
}

TEST(ReportRulesTest, QuotaTargetsActualsAndGaps) {
  AgencyTree tree = Tree();
  Figures g = Aggregate(Sample(), {}, 2026);
  g.recognised_by_agency["22400"] = 1;  // Recorded under the merged unit.
  auto rules = DefaultQuotaRules("2026-2030");
  bool truncated = true;
  auto lines = ComputeQuotas(tree, "56", g.recognised_by_agency, rules, &truncated);
  EXPECT_FALSE(truncated);
  ASSERT_EQ(lines.size(), 3u);  // 56, 22333, 22366 (22400 merged: counted under 22366).
  EXPECT_EQ(lines[0].agency_id(), "56");
  EXPECT_EQ(lines[0].target(), 15);
  EXPECT_EQ(lines[0].actual(), 3);
  EXPECT_EQ(lines[0].gap(), 12);
  EXPECT_EQ(lines[0].exchange_events_target(), 1);
  const auto& nha_trang = lines[1].agency_id() == "22366" ? lines[1] : lines[2];
  EXPECT_EQ(nha_trang.target(), 2);
  EXPECT_EQ(nha_trang.actual(), 3);  // c, d and the merged unit's one.
  EXPECT_EQ(nha_trang.gap(), 0);
  const auto& bac = lines[1].agency_id() == "22333" ? lines[1] : lines[2];
  EXPECT_EQ(bac.actual(), 0);
  EXPECT_EQ(bac.gap(), 2);
  EXPECT_EQ(PlanPeriodOf(2026), "2026-2030");
  EXPECT_EQ(PlanPeriodOf(2025), "2021-2025");
  EXPECT_EQ(PlanPeriodOf(2030), "2026-2030");
}

TEST(ReportRulesTest, MergedUnitCountedOnceUnderSuccessor) {
  AgencyTree tree = Tree();
  Figures a, b;
  a.by_agency["22400"] = 2;
  b.by_agency["22366"] = 3;
  Figures total;
  total.Merge(a, tree);
  total.Merge(b, tree);
  EXPECT_EQ(total.by_agency.size(), 1u);
  EXPECT_EQ(total.by_agency["22366"], 5);
}

TEST(ReportRulesTest, RollupDoesNotDoubleCountChildUnitsOrReceivedProposals) {
  AgencyTree tree = Tree();
  // The central node's own data: one record of its own, one in Khánh Hòa's
  // subtree (the province reported, so its report is authoritative), one
  // received from Khánh Hòa, and one in Hà Nội (which has not reported).
  std::vector<RecordFacts> own;
  own.push_back(F("tw1", "TW", "DISCOVERED", 2026));
  own.push_back(F("tw2", "22333", "RECOGNISED", 2026, 2026));
  auto recv = F("tw3", "56", "RECOGNISED", 2026, 2026);
  recv.received = true;
  recv.origin_agency = "56";
  own.push_back(recv);
  own.push_back(F("tw4", "00004", "DISCOVERED", 2026));
  // Khánh Hòa's report: 4 exemplars, 2 recognitions (one in the merged unit).
  Figures kh = Aggregate(Sample(), {}, 2026);
  kh.recognised_by_agency.clear();
  kh.recognised_by_agency["22366"] = 1;
  kh.recognised_by_agency["22400"] = 1;
  auto rules = DefaultQuotaRules("2026-2030");
  auto kh_report = ToReport(kh, tree, "56", 2026, rules, 0);
  Figures total = RollupFigures(own, {}, 2026, tree, {kh_report});
  EXPECT_EQ(total.exemplars, 2 + 6);  // tw1 and tw4 of its own, 6 from the province.
  EXPECT_EQ(total.by_agency["TW"], 1);
  EXPECT_EQ(total.by_agency["00004"], 1);
  EXPECT_EQ(total.by_agency["22333"], 3);  // From the report only, not tw2 again.
  // The province's two, and tw3: the centre's own decision on a proposal it
  // received (the province's report counts that one only as sent up). tw2
  // lies in the province's subtree and is not added again.
  EXPECT_EQ(total.recognitions, 3);
  EXPECT_EQ(total.received, 2);  // tw3, and the one the province's report names.
  EXPECT_EQ(total.received_by_child["56"], 1);
  EXPECT_EQ(total.recognised_by_agency.count("22400"), 0u);
  EXPECT_EQ(total.recognised_by_agency["22366"], 2);
  EXPECT_EQ(total.recognised_by_agency["56"], 1);
  auto merged = ToReport(total, tree, "TW", 2026, rules, 0);
  ASSERT_GE(merged.quotas_size(), 3);
  EXPECT_EQ(merged.quotas(0).agency_id(), "TW");
  EXPECT_EQ(merged.quotas(0).actual(), 3);
}

TEST(ReportRulesTest, CompletenessReportedLateAndMissing) {
  const int64_t due = DueInstantMs(2026);
  // 15 Dec 2026 17:00 UTC = 16 Dec 00:00 Vietnam.
  EXPECT_EQ(due, 1797354000000LL);
  std::vector<ExpectedChild> expected = {{"01", "Hà Nội"}, {"56", "Khánh Hòa"}, {"79", "TP HCM"}, {"48", "Đà Nẵng"}};
  std::map<std::string, rv1::ReportVersion> latest;
  std::map<std::string, int64_t> first;
  latest["01"].set_version(2);
  latest["01"].set_received_at_unix_ms(due + 5000);  // A correction after the due date...
  first["01"] = due - 1;                              // ...of a report that came on time.
  latest["56"].set_version(1);
  latest["56"].set_received_at_unix_ms(due);
  first["56"] = due;                                  // At the due instant: late.
  rv1::Rollup before;
  FillCompleteness(expected, latest, first, 2026, due - 1000, &before);
  EXPECT_EQ(before.expected(), 4);
  EXPECT_EQ(before.reported(), 1);
  EXPECT_EQ(before.late(), 1);
  EXPECT_EQ(before.not_reported(), 2);
  EXPECT_EQ(before.due_date(), "2026-12-15");
  rv1::Rollup after;
  FillCompleteness(expected, latest, first, 2026, due + 1, &after);
  EXPECT_EQ(after.reported(), 1);
  EXPECT_EQ(after.late(), 3);
  EXPECT_EQ(after.not_reported(), 0);
  EXPECT_FALSE(after.children(2).received());
  EXPECT_EQ(after.children(0).version(), 2);
}

TEST(ReportRulesTest, QuotaRulesChecksNameTheField) {
  auto rules = DefaultQuotaRules("2026-2030");
  EXPECT_TRUE(CheckQuotaRules(rules).ok());
  rules.set_plan_period("2030-2026");
  EXPECT_EQ(CheckQuotaRules(rules).field(), "rules.plan_period");
  rules = DefaultQuotaRules("2026-2030");
  rules.mutable_rules(1)->set_exemplars_per_year(-1);
  EXPECT_EQ(CheckQuotaRules(rules).field(), "rules.rules[1].exemplars_per_year");
  EXPECT_EQ(CheckYear(1999, "year").field(), "year");
  EXPECT_TRUE(CheckYear(2026, "year").ok());
}

TEST(ReportRulesTest, FactsReadFromANominationRecord) {
  nomination::v1::Nomination n;
  n.set_id("nom-22333-1");
  n.mutable_details()->set_agency_id("22400");
  n.set_current_agency_id("22366");
  n.mutable_details()->set_kind(nomination::v1::HOUSEHOLD);
  n.mutable_details()->add_fields("agriculture");
  n.mutable_details()->mutable_discovered_at()->set_seconds(1767200400);  // 2025-12-31 17:00 UTC = 2026 in VN.
  n.set_state(nomination::v1::RECOGNISED);
  n.mutable_recognition()->set_decision_date("2026-03-02");
  n.mutable_recognition()->set_form("Giấy khen");
  RecordFacts f = FactsOf(n);
  EXPECT_EQ(f.agency, "22366");
  EXPECT_EQ(f.kind, "HOUSEHOLD");
  EXPECT_EQ(f.state, "RECOGNISED");
  EXPECT_EQ(f.discovered_year, 2026);
  EXPECT_EQ(f.recognised_year, 2026);
  EXPECT_EQ(f.form, "Giấy khen");
  EXPECT_FALSE(f.received);
  EXPECT_TRUE(f.upward_state.empty());

  n.mutable_upward()->set_state(nomination::v1::UpwardStatus::REJECTED);
  EXPECT_EQ(FactsOf(n).upward_state, "REJECTED");
  n.clear_upward();
  n.mutable_origin()->set_child_agency("22333");
  RecordFacts received = FactsOf(n);
  EXPECT_TRUE(received.received);
  EXPECT_EQ(received.origin_agency, "22333");
  Figures g = Aggregate({received}, {}, 2026);
  EXPECT_EQ(g.exemplars, 0);  // Never the parent's own exemplar.
  EXPECT_EQ(g.received, 1);
  EXPECT_EQ(g.received_recognised, 1);
  EXPECT_EQ(g.received_by_child["22333"], 1);
  EXPECT_EQ(g.recognitions, 1);  // The parent's own decision on it.
  EXPECT_EQ(g.by_form["Giấy khen"], 1);
}

// The central roll-up over 34 province reports on the real 2025 hierarchy
// (3,300+ units): pure C++ merging, well under a second.
TEST(ReportRulesTest, CentralRollupOf34ProvinceReportsIsFast) {
  std::ifstream in(std::string(TDKT_SOURCE_DIR) + "/../shared/data/units-2025.json");
  if (!in) GTEST_SKIP() << "units-2025.json not available";
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto tree = AgencyTree::FromJson(buffer.str(), "TW", "Hội đồng Thi đua - Khen thưởng Trung ương");
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  const auto provinces = tree->Children("TW");
  ASSERT_EQ(provinces.size(), 34u);
  auto rules = DefaultQuotaRules("2026-2030");
  std::vector<rv1::YearlyReport> reports;
  int64_t expected_exemplars = 0, expected_recognitions = 0;
  for (const auto& p : provinces) {
    Figures g;
    for (const auto& unit : tree->Subtree(p)) {
      g.exemplars += 3;
      g.by_agency[unit] += 3;
      g.by_state["DISCOVERED"] += 2;
      g.by_state["RECOGNISED"] += 1;
      g.by_field["health"] += 3;
      g.by_kind["INDIVIDUAL"] += 3;
      g.recognitions += 1;
      g.by_form["chien-si-thi-dua-co-so"] += 1;
      g.recognised_by_agency[unit] += 1;
    }
    expected_exemplars += g.exemplars;
    expected_recognitions += g.recognitions;
    reports.push_back(ToReport(g, *tree, p, 2026, rules, 0));
  }
  std::vector<RecordFacts> own;
  for (int i = 0; i < 1000; ++i) own.push_back(F("c" + std::to_string(i), provinces[i % 34], "DISCOVERED", 2026));
  own.push_back(F("tw", "TW", "RECOGNISED", 2026, 2026));
  const auto start = std::chrono::steady_clock::now();
  Figures total = RollupFigures(own, {}, 2026, *tree, reports);
  rv1::YearlyReport merged = ToReport(total, *tree, "TW", 2026, rules, 0);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::printf("central roll-up of 34 reports (%zu units): %lld ms\n", tree->size(), static_cast<long long>(ms));
  EXPECT_LT(ms, 1000);
  EXPECT_EQ(merged.exemplars(), expected_exemplars + 1);  // The 1000 in the provinces are theirs.
  EXPECT_EQ(merged.recognitions(), expected_recognitions + 1);
  ASSERT_GE(merged.quotas_size(), 35);
  EXPECT_EQ(merged.quotas(0).actual(), expected_recognitions + 1);
  EXPECT_EQ(merged.quotas(1).depth(), 1);  // Provinces come first.
}

// ---- Media figures (campaign-media) ----

cmv1::AgencyMediaFigures Row(const std::string& agency, int64_t published, int64_t exchange) {
  cmv1::AgencyMediaFigures r;
  r.set_agency_id(agency);
  r.set_items_published(published);
  if (published) {
    auto* c = r.add_published_by_channel();
    c->set_key("radio");
    c->set_count(published);
    auto* k = r.add_published_by_kind();
    k->set_key("article");
    k->set_count(published);
  }
  r.set_exchange_events(exchange);
  r.set_campaigns(1);
  r.set_campaign_budget_vnd(10'000'000);
  r.set_listeners(100);
  r.set_contests(1);
  r.set_contest_entries(4);
  r.set_replications(1);
  r.set_event_attendance(30 * exchange);
  return r;
}

Activities WithMedia(std::vector<cmv1::AgencyMediaFigures> rows) {
  Activities a;
  a.media.available = true;
  a.media.rows = std::move(rows);
  return a;
}

TEST(ReportRulesTest, MediaSectionCountsByHandWithVietnameseLabels) {
  AgencyTree tree = Tree();
  Figures g = Aggregate({}, WithMedia({Row("56", 2, 1), Row("22333", 1, 0)}), 2026);
  auto r = ToReport(g, tree, "56", 2026, DefaultQuotaRules("2026-2030"), 0);
  const auto& m = r.media();
  EXPECT_TRUE(m.available());
  EXPECT_TRUE(m.note().empty());
  EXPECT_EQ(m.articles(), 3);
  EXPECT_EQ(m.campaigns(), 2);
  EXPECT_EQ(m.campaign_budget_vnd(), 20'000'000);
  EXPECT_EQ(m.listeners(), 200);
  EXPECT_EQ(m.contests(), 2);
  EXPECT_EQ(m.contest_entries(), 8);
  EXPECT_EQ(m.exchange_events(), 1);
  EXPECT_EQ(m.event_attendance(), 30);
  EXPECT_EQ(m.replications(), 2);
  ASSERT_EQ(m.published_by_channel_size(), 1);
  EXPECT_EQ(m.published_by_channel(0).key(), "radio");
  EXPECT_EQ(m.published_by_channel(0).count(), 3);
  EXPECT_NE(m.published_by_channel(0).label(), "radio");  // A Vietnamese name.
  ASSERT_EQ(m.published_by_kind_size(), 1);
  EXPECT_NE(m.published_by_kind(0).label(), "article");
  ASSERT_EQ(m.exchange_events_by_agency_size(), 1);
  EXPECT_EQ(m.exchange_events_by_agency(0).label(), "Tỉnh Khánh Hòa");
}

TEST(ReportRulesTest, MediaUnavailableStillBuildsWithANote) {
  AgencyTree tree = Tree();
  Activities a;
  a.media.note = "campaign-media down";
  auto r = ToReport(Aggregate(Sample(), a, 2026), tree, "56", 2026, DefaultQuotaRules("2026-2030"), 0);
  EXPECT_FALSE(r.media().available());
  EXPECT_EQ(r.media().note(), "campaign-media down");
  EXPECT_EQ(r.exemplars(), 6);
  auto none = ToReport(Aggregate({}, {}, 2026), tree, "56", 2026, DefaultQuotaRules("2026-2030"), 0);
  EXPECT_FALSE(none.media().available());
  EXPECT_FALSE(none.media().note().empty());
}

TEST(ReportRulesTest, ExchangeEventsActualAndGapOverTheSubtreeMergedUnderSuccessor) {
  AgencyTree tree = Tree();
  // Two events in the merged unit 22400 (counted under 22366), one in 22333.
  Figures g = Aggregate({}, WithMedia({Row("22400", 0, 2), Row("22333", 0, 1)}), 2026);
  auto rules = DefaultQuotaRules("2026-2030");
  rules.mutable_rules(0)->set_exchange_events_per_year(4);  // Provinces.
  auto r = ToReport(g, tree, "56", 2026, rules, 0);
  std::map<std::string, rv1::QuotaLine> lines;
  for (const auto& l : r.quotas()) lines[l.agency_id()] = l;
  ASSERT_EQ(lines.count("22400"), 0u);  // Merged: no line of its own.
  EXPECT_EQ(lines["56"].exchange_events_target(), 4);
  EXPECT_EQ(lines["56"].exchange_events_actual(), 3);
  EXPECT_EQ(lines["56"].exchange_events_gap(), 1);
  EXPECT_EQ(lines["22366"].exchange_events_actual(), 2);
  EXPECT_EQ(lines["22366"].exchange_events_gap(), 0);  // Target 1: more than met.
  EXPECT_EQ(lines["22333"].exchange_events_actual(), 1);
  EXPECT_EQ(lines["22333"].exchange_events_gap(), 0);
}

TEST(ReportRulesTest, MediaRollupCountsAChildsFiguresOnce) {
  AgencyTree tree = Tree();
  auto rules = DefaultQuotaRules("2026-2030");
  // Khánh Hòa's report: 3 items, 2 exchange events (one in a ward).
  auto kh_report = ToReport(Aggregate({}, WithMedia({Row("56", 2, 1), Row("22333", 1, 1)}), 2026), tree, "56",
                            2026, rules, 0);
  // The centre's campaign-media also holds rows of Khánh Hòa's units (they
  // are in the province's report), its own, and Hà Nội's (no report).
  Activities own = WithMedia({Row("TW", 1, 1), Row("56", 5, 5), Row("22333", 5, 5), Row("00004", 1, 1)});
  Figures total = RollupFigures({}, own, 2026, tree, {kh_report});
  EXPECT_TRUE(total.media_available);
  EXPECT_EQ(total.media.items_published, 1 + 1 + 3);
  EXPECT_EQ(total.media.exchange_events, 1 + 1 + 2);
  EXPECT_EQ(total.media.campaigns, 2 + 2);
  EXPECT_EQ(total.media.by_channel["radio"], 5);
  auto merged = ToReport(total, tree, "TW", 2026, rules, 0);
  EXPECT_EQ(merged.media().articles(), 5);
  std::map<std::string, rv1::QuotaLine> lines;
  for (const auto& l : merged.quotas()) lines[l.agency_id()] = l;
  EXPECT_EQ(lines["TW"].exchange_events_actual(), 4);
  EXPECT_EQ(lines["56"].exchange_events_actual(), 2);
  EXPECT_EQ(lines["22333"].exchange_events_actual(), 1);
  EXPECT_EQ(lines["01"].exchange_events_actual(), 1);
  // FiguresOf reads back what ToReport wrote.
  Figures back = FiguresOf(merged);
  EXPECT_EQ(back.media.items_published, 5);
  EXPECT_EQ(back.media.exchange_by_agency["00004"], 1);
  EXPECT_EQ(back.media.replications, total.media.replications);
}

TEST(ReportRulesTest, MediaRollupIsPartialWhenAChildReportLacksIt) {
  AgencyTree tree = Tree();
  auto rules = DefaultQuotaRules("2026-2030");
  auto kh_report = ToReport(Aggregate({}, {}, 2026), tree, "56", 2026, rules, 0);  // No campaign-media.
  Figures total = RollupFigures({}, WithMedia({Row("TW", 1, 0)}), 2026, tree, {kh_report});
  auto merged = ToReport(total, tree, "TW", 2026, rules, 0);
  EXPECT_FALSE(merged.media().available());
  EXPECT_NE(merged.media().note().find("Tỉnh Khánh Hòa"), std::string::npos) << merged.media().note();
  EXPECT_EQ(merged.media().articles(), 1);
}

}  // namespace
}  // namespace tdkt::reporting
