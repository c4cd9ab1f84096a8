// The suite's one rubric scoring (common/scoring.h), in plain structs:
// per-criterion scales, sheet problems with their fields, weighted totals,
// summaries with and without z-score normalisation.
#include "common/scoring.h"

#include <cmath>

#include <gtest/gtest.h>

namespace tdkt::scoring {
namespace {

std::vector<Criterion> Contest() {
  return {{"truth", 3, 10, true}, {"style", 1.5, 20, true}, {"images", 0.5, 5, false}};
}

TEST(CommonScoringTest, EachCriterionHasItsOwnScale) {
  EXPECT_FALSE(FindSheetProblem({{"truth", 10}, {"style", 20}, {"images", 5}}, Contest()));
  auto p = FindSheetProblem({{"truth", 10}, {"style", 20}, {"images", 6}}, Contest());
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, SheetProblem::kOutOfRange);
  EXPECT_EQ(p->Field(), "scores[2].score");
  EXPECT_EQ(p->max_score, 5);
  EXPECT_EQ(p->value, 6);
  EXPECT_EQ(FindSheetProblem({{"truth", 11}}, Contest())->Field("sheet"), "sheet[0].score");
  EXPECT_EQ(FindSheetProblem({{"truth", -1}}, Contest())->kind, SheetProblem::kOutOfRange);
}

TEST(CommonScoringTest, ProblemsInOrder) {
  EXPECT_EQ(FindSheetProblem({}, Contest())->kind, SheetProblem::kEmpty);
  EXPECT_EQ(FindSheetProblem({}, Contest())->Field(), "scores");
  auto p = FindSheetProblem({{"truth", 5}, {"tone", 5}}, Contest());
  EXPECT_EQ(p->kind, SheetProblem::kUnknownCode);
  EXPECT_EQ(p->Field(), "scores[1].code");
  EXPECT_EQ(p->code, "tone");
  p = FindSheetProblem({{"truth", 5}, {"style", 5}, {"truth", 6}}, Contest());
  EXPECT_EQ(p->kind, SheetProblem::kDuplicateCode);
  EXPECT_EQ(p->index, 2);
  p = FindSheetProblem({{"truth", 5}, {"images", 5}}, Contest());
  EXPECT_EQ(p->kind, SheetProblem::kMissingRequired);
  EXPECT_EQ(p->code, "style");
  EXPECT_EQ(p->Field(), "scores");
}

TEST(CommonScoringTest, CheckSheetWordsTheProblem) {
  Status st = CheckSheet({{"truth", 12}}, Contest());
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "scores[0].score");
  EXPECT_EQ(st.message(), "score 12 is outside the scale 0..10");
  EXPECT_TRUE(CheckSheet({{"truth", 1}, {"style", 2}}, Contest()).ok());
}

TEST(CommonScoringTest, FractionalWeights) {
  // (3*10 + 1.5*4) / 4.5 = 8; an unknown code does not count.
  EXPECT_DOUBLE_EQ(WeightedTotal({{"truth", 10}, {"style", 4}, {"x", 9}}, Contest()), 8.0);
  EXPECT_DOUBLE_EQ(WeightedTotal({}, Contest()), 0.0);
}

TEST(CommonScoringTest, SummaryWithoutNormalising) {
  Sheets sheets;
  sheets["e1"]["a"] = {{"truth", 10}, {"style", 4}};   // 8
  sheets["e1"]["b"] = {{"truth", 4}, {"style", 4}};    // 4
  sheets["e2"]["a"] = {{"truth", 1}, {"style", 1}};
  std::map<std::string, Rubric> rubrics{{"e1", {Contest(), 0}}, {"e2", {Contest(), 0}}, {"e3", {Contest(), 0}}};
  auto out = Summarise(sheets, rubrics, false);
  EXPECT_EQ(out.at("e1").scorers, 2);
  EXPECT_DOUBLE_EQ(out.at("e1").mean_total, 6.0);
  EXPECT_DOUBLE_EQ(out.at("e1").normalised_total, 0.0);
  EXPECT_TRUE(out.at("e1").requirements_met());
  ASSERT_EQ(out.at("e1").criteria.size(), 3u);
  EXPECT_DOUBLE_EQ(out.at("e1").criteria[0].mean, 7.0);
  EXPECT_TRUE(out.at("e1").criteria[2].met);  // Optional and unscored.
  EXPECT_EQ(out.at("e3").scorers, 0);          // Nobody scored it.
  EXPECT_FALSE(out.at("e3").requirements_met());
  EXPECT_EQ(out.at("e3").required_unmet, (std::vector<std::string>{"truth", "style"}));
}

TEST(CommonScoringTest, NormalisingEvensOutStrictAndLenientScorers) {
  std::vector<Criterion> one{{"q", 1, 100, true}};
  std::map<std::string, Rubric> rubrics{{"A", {one, 0}}, {"B", {one, 0}}, {"C", {one, 0}}};
  Sheets sheets;
  sheets["A"]["strict"] = {{"q", 10}};
  sheets["B"]["strict"] = {{"q", 20}};
  sheets["C"]["strict"] = {{"q", 60}};
  sheets["A"]["lenient"] = {{"q", 95}};
  sheets["B"]["lenient"] = {{"q", 90}};
  sheets["C"]["lenient"] = {{"q", 85}};
  auto raw = Summarise(sheets, rubrics, false);
  EXPECT_DOUBLE_EQ(raw.at("C").mean_total, 72.5);
  auto z = Summarise(sheets, rubrics, true);
  // strict: mean 30, sd sqrt(1400/3); lenient: mean 90, sd sqrt(50/3).
  const double s1 = std::sqrt(1400.0 / 3), s2 = std::sqrt(50.0 / 3);
  EXPECT_NEAR(z.at("A").normalised_total, ((10 - 30) / s1 + (95 - 90) / s2) / 2, 1e-9);
  EXPECT_NEAR(z.at("C").normalised_total, ((60 - 30) / s1 + (85 - 90) / s2) / 2, 1e-9);
  EXPECT_NEAR(z.at("B").normalised_total, ((20 - 30) / s1 + 0) / 2, 1e-9);
  EXPECT_DOUBLE_EQ(z.at("C").mean_total, 72.5);  // Raw totals stay.
}

TEST(CommonScoringTest, PassScoreDecidesRequiredCriteria) {
  std::map<std::string, Rubric> rubrics{{"n", {Contest(), 6}}};
  Sheets sheets;
  sheets["n"]["a"] = {{"truth", 5}, {"style", 9}};
  auto out = Summarise(sheets, rubrics, false);
  EXPECT_EQ(out.at("n").required_unmet, (std::vector<std::string>{"truth"}));
}

}  // namespace
}  // namespace tdkt::scoring
