#include "services/evaluation/domain/eligibility.h"

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

namespace nv1 = ::tdkt::nomination::v1;

v1::EligibilityRule Rule(v1::RuleKind kind) {
  v1::EligibilityRule r;
  r.set_kind(kind);
  r.set_legal_source("Luật Thi đua, khen thưởng 2022");
  if (kind == v1::CONSECUTIVE_TITLE) {
    r.set_required_title("chien-si-thi-dua-co-so");
    r.set_years(3);
  }
  if (kind == v1::HEADCOUNT_QUOTA) r.set_percent(15);
  return r;
}

Status Normalized(v1::EligibilityRule r) { return NormalizeRule(r); }

nv1::NominationDetails Person() {
  nv1::NominationDetails d;
  d.set_kind(nv1::INDIVIDUAL);
  d.set_name("Nguyễn Thị Huệ");
  d.set_agency_id("22333");
  d.set_achievements("Ba năm liền hoàn thành xuất sắc nhiệm vụ");
  return d;
}

EligibilityFacts Facts() {
  EligibilityFacts f;
  f.details = Person();
  f.title_code = "chien-si-thi-dua-tinh";
  f.year = 2026;
  return f;
}

v1::RuleResult Only(const v1::EligibilityRule& rule, const EligibilityFacts& facts) {
  v1::EligibilityReport report = CheckEligibility({rule}, facts);
  EXPECT_EQ(report.results_size(), 1);
  return report.results_size() == 1 ? report.results(0) : v1::RuleResult();
}

TEST(EligibilityRulesTest, ValidRulesOfEveryKind) {
  for (auto kind : {v1::RECOGNISED_INITIATIVE, v1::CONSECUTIVE_TITLE, v1::HEADCOUNT_QUOTA,
                    v1::NO_DOUBLE_COMMENDATION}) {
    EXPECT_TRUE(Normalized(Rule(kind)).ok()) << Normalized(Rule(kind)).ToString();
  }
}

TEST(EligibilityRulesTest, BadRulesNameTheField) {
  EXPECT_EQ(Normalized(Rule(v1::RULE_KIND_UNSPECIFIED)).field(), "rule.kind");
  v1::EligibilityRule r = Rule(v1::RECOGNISED_INITIATIVE);
  r.set_legal_source("  ");
  EXPECT_EQ(Normalized(r).field(), "rule.legal_source");
  r = Rule(v1::RECOGNISED_INITIATIVE);
  r.set_title_code("Chiến sĩ");
  EXPECT_EQ(Normalized(r).field(), "rule.title_code");
  r = Rule(v1::CONSECUTIVE_TITLE);
  r.set_required_title("");
  EXPECT_EQ(Normalized(r).field(), "rule.required_title");
  for (int years : {0, 21}) {
    r = Rule(v1::CONSECUTIVE_TITLE);
    r.set_years(years);
    EXPECT_EQ(Normalized(r).field(), "rule.years") << years;
  }
  for (int years : {1, 20}) {
    r = Rule(v1::CONSECUTIVE_TITLE);
    r.set_years(years);
    EXPECT_TRUE(Normalized(r).ok()) << years;
  }
  for (int percent : {0, 101}) {
    r = Rule(v1::HEADCOUNT_QUOTA);
    r.set_percent(percent);
    EXPECT_EQ(Normalized(r).field(), "rule.percent") << percent;
  }
}

TEST(EligibilityRulesTest, ParametersOfOtherKindsAreDropped) {
  v1::EligibilityRule r = Rule(v1::NO_DOUBLE_COMMENDATION);
  r.set_years(3);
  r.set_percent(15);
  r.set_required_title("x");
  ASSERT_TRUE(NormalizeRule(r).ok());
  EXPECT_EQ(r.years(), 0);
  EXPECT_EQ(r.percent(), 0);
  EXPECT_EQ(r.required_title(), "");
}

TEST(EligibilityTest, NomineeKeyPrefersTheCode) {
  nv1::NominationDetails d = Person();
  EXPECT_EQ(NomineeKey(d), "name:individual:22333:nguyen thi hue");
  d.set_name("  NGUYEN   thi   Hue ");
  EXPECT_EQ(NomineeKey(d), "name:individual:22333:nguyen thi hue");
  d.set_nominee_code("CB-0042");
  EXPECT_EQ(NomineeKey(d), "code:CB-0042");
  d = Person();
  d.set_kind(nv1::COLLECTIVE);
  EXPECT_EQ(NomineeKey(d), "name:collective:22333:nguyen thi hue");
}

TEST(EligibilityTest, FingerprintIgnoresCaseDiacriticsAndSpacing) {
  nv1::NominationDetails a = Person();
  nv1::NominationDetails b = Person();
  b.set_achievements("  ba nam LIEN\n hoan thanh   xuat sac\tnhiem vu ");
  std::string fa = AchievementFingerprint(a);
  EXPECT_EQ(fa.size(), 64u);
  EXPECT_EQ(fa.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(fa, AchievementFingerprint(b));
  b.set_achievements("Hai năm liền hoàn thành xuất sắc nhiệm vụ");
  EXPECT_NE(fa, AchievementFingerprint(b));
  b = Person();
  b.set_agency_id("22345");  // Another nominee, same words.
  EXPECT_NE(fa, AchievementFingerprint(b));
}

TEST(EligibilityTest, RecognisedInitiative) {
  EligibilityFacts f = Facts();
  v1::RuleResult r = Only(Rule(v1::RECOGNISED_INITIATIVE), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason(), "no initiative of the nominee is recognised yet");

  nv1::Initiative* in = f.details.add_initiatives();
  in->set_title("Sổ tay điện tử");
  r = Only(Rule(v1::RECOGNISED_INITIATIVE), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason().rfind("no initiative of the nominee is recognised yet", 0), 0u);
  EXPECT_NE(r.reason().find("1 is recorded"), std::string::npos);

  in->set_recognised(true);
  in->set_recognition_ref("45/QĐ-SYT");
  r = Only(Rule(v1::RECOGNISED_INITIATIVE), f);
  EXPECT_TRUE(r.passed());
  EXPECT_EQ(r.reason(), "initiative \"Sổ tay điện tử\" is recognised by 45/QĐ-SYT");
}

TEST(EligibilityTest, ConsecutiveTitleInTheYearsBefore) {
  EligibilityFacts f = Facts();
  f.awards = {{2023, "chien-si-thi-dua-co-so"}, {2024, "chien-si-thi-dua-co-so"},
              {2025, "lao-dong-tien-tien"}, {2026, "chien-si-thi-dua-co-so"}};
  v1::RuleResult r = Only(Rule(v1::CONSECUTIVE_TITLE), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason(), "holds chien-si-thi-dua-co-so in 2023, 2024 but not in 2025; "
                        "needs it in each of the 3 years 2023-2025");

  f.awards.insert({2025, "chien-si-thi-dua-co-so"});
  r = Only(Rule(v1::CONSECUTIVE_TITLE), f);
  EXPECT_TRUE(r.passed());
  EXPECT_EQ(r.reason(), "holds chien-si-thi-dua-co-so in each of the 3 years 2023-2025");

  f.awards.clear();
  r = Only(Rule(v1::CONSECUTIVE_TITLE), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason(), "does not hold chien-si-thi-dua-co-so in 2023, 2024, 2025; "
                        "needs it in each of the 3 years 2023-2025");

  v1::EligibilityRule one = Rule(v1::CONSECUTIVE_TITLE);
  one.set_years(1);
  f.awards = {{2025, "chien-si-thi-dua-co-so"}};
  r = Only(one, f);
  EXPECT_TRUE(r.passed());
  EXPECT_EQ(r.reason(), "holds chien-si-thi-dua-co-so in 2025");
}

TEST(EligibilityTest, HeadcountQuota) {
  EligibilityFacts f = Facts();
  v1::RuleResult r = Only(Rule(v1::HEADCOUNT_QUOTA), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason(), "unit headcount for 2026 is not recorded");

  f.unit_headcount = 10;
  f.unit_holders = 2;
  r = Only(Rule(v1::HEADCOUNT_QUOTA), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason(), "2 of 10 staff already hold chien-si-thi-dua-tinh in 2026; 15% of 10 allows 1");

  f.unit_holders = 0;
  r = Only(Rule(v1::HEADCOUNT_QUOTA), f);
  EXPECT_TRUE(r.passed());
  EXPECT_EQ(r.reason(), "0 of 10 staff hold chien-si-thi-dua-tinh in 2026; 15% of 10 allows 1, so this nominee fits");

  // Exactly at the share: 20% of 10 allows 2, one already holds it.
  v1::EligibilityRule twenty = Rule(v1::HEADCOUNT_QUOTA);
  twenty.set_percent(20);
  f.unit_holders = 1;
  EXPECT_TRUE(Only(twenty, f).passed());
  f.unit_holders = 2;
  EXPECT_FALSE(Only(twenty, f).passed());
  // Too small a unit for even one.
  f.unit_headcount = 5;
  f.unit_holders = 0;
  r = Only(Rule(v1::HEADCOUNT_QUOTA), f);
  EXPECT_FALSE(r.passed());
  EXPECT_NE(r.reason().find("15% of 5 allows 0"), std::string::npos);
}

TEST(EligibilityTest, NoDoubleCommendation) {
  EligibilityFacts f = Facts();
  v1::RuleResult r = Only(Rule(v1::NO_DOUBLE_COMMENDATION), f);
  EXPECT_TRUE(r.passed());
  f.achievement_commended = true;
  f.achievement_commended_by = "12/QĐ-UBND";
  r = Only(Rule(v1::NO_DOUBLE_COMMENDATION), f);
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(r.reason(), "this achievement was already commended by decision 12/QĐ-UBND");
}

TEST(EligibilityTest, WhichRulesApplyAndTheVerdict) {
  EligibilityFacts f = Facts();
  f.awards = {{2023, "chien-si-thi-dua-co-so"}, {2024, "chien-si-thi-dua-co-so"}, {2025, "chien-si-thi-dua-co-so"}};
  v1::EligibilityRule gated = Rule(v1::CONSECUTIVE_TITLE);
  gated.set_title_code("chien-si-thi-dua-tinh");
  v1::EligibilityRule other = Rule(v1::RECOGNISED_INITIATIVE);
  other.set_title_code("chien-si-thi-dua-toan-quoc");  // Gates another title.
  v1::EligibilityRule retired = Rule(v1::HEADCOUNT_QUOTA);
  retired.set_retired(true);
  v1::EligibilityRule every = Rule(v1::NO_DOUBLE_COMMENDATION);

  v1::EligibilityReport report = CheckEligibility({gated, other, retired, every}, f);
  EXPECT_EQ(report.title_code(), "chien-si-thi-dua-tinh");
  EXPECT_EQ(report.year(), 2026);
  ASSERT_EQ(report.results_size(), 2);
  EXPECT_EQ(report.results(0).rule().kind(), v1::CONSECUTIVE_TITLE);
  EXPECT_EQ(report.results(1).rule().kind(), v1::NO_DOUBLE_COMMENDATION);
  EXPECT_TRUE(report.eligible());

  f.achievement_commended = true;
  EXPECT_FALSE(CheckEligibility({gated, other, retired, every}, f).eligible());
  EXPECT_TRUE(CheckEligibility({}, f).eligible());
}

}  // namespace
}  // namespace tdkt::evaluation
