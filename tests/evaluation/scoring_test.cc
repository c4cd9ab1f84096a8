#include "services/evaluation/domain/scoring.h"

#include <cmath>

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

v1::Criterion Crit(const std::string& code, int weight, bool required) {
  v1::Criterion c;
  c.set_code(code);
  c.set_text(code);
  c.set_weight(weight);
  c.set_required(required);
  return c;
}

std::vector<v1::Criterion> Rubric() {
  return {Crit("general-1", 25, true), Crit("general-2", 25, true), Crit("general-3", 30, true),
          Crit("general-4", 20, true), Crit("field-health", 10, false)};
}

std::vector<v1::CriterionScore> Sheet(std::vector<std::pair<std::string, int>> scores) {
  std::vector<v1::CriterionScore> out;
  for (auto& [code, score] : scores) {
    v1::CriterionScore s;
    s.set_code(code);
    s.set_score(score);
    out.push_back(s);
  }
  return out;
}

TEST(ScoringTest, AGoodSheetPassesAndOptionalCriteriaMayBeLeftOut) {
  EXPECT_TRUE(CheckScoreSheet(Sheet({{"general-1", 0}, {"general-2", 10}, {"general-3", 5}, {"general-4", 7}}),
                              Rubric(), 10)
                  .ok());
  EXPECT_TRUE(CheckScoreSheet(Sheet({{"general-1", 8}, {"general-2", 8}, {"general-3", 8}, {"general-4", 8},
                                     {"field-health", 9}}),
                              Rubric(), 10)
                  .ok());
}

TEST(ScoringTest, ScoresOutsideTheScale) {
  Status st = CheckScoreSheet(Sheet({{"general-1", 8}, {"general-2", 12}, {"general-3", 5}, {"general-4", 7}}),
                              Rubric(), 10);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "scores[1].score");
  EXPECT_EQ(st.message(), "score 12 is outside the scale 0..10");
  EXPECT_EQ(CheckScoreSheet(Sheet({{"general-1", -1}}), Rubric(), 10).field(), "scores[0].score");
  EXPECT_EQ(CheckScoreSheet(Sheet({{"general-1", 11}}), Rubric(), 10).field(), "scores[0].score");
}

TEST(ScoringTest, UnknownAndDuplicateCodes) {
  Status st = CheckScoreSheet(Sheet({{"general-9", 5}}), Rubric(), 10);
  EXPECT_EQ(st.field(), "scores[0].code");
  EXPECT_NE(st.message().find("general-9"), std::string::npos);
  st = CheckScoreSheet(Sheet({{"general-1", 5}, {"general-2", 5}, {"general-1", 6}}), Rubric(), 10);
  EXPECT_EQ(st.field(), "scores[2].code");
  EXPECT_NE(st.message().find("twice"), std::string::npos);
}

TEST(ScoringTest, EveryRequiredCriterionNeedsAScore) {
  Status st = CheckScoreSheet(Sheet({{"general-1", 5}, {"general-3", 5}, {"general-4", 5}}), Rubric(), 10);
  EXPECT_EQ(st.field(), "scores");
  EXPECT_EQ(st.message(), "criterion general-2 is required and has no score");
  EXPECT_EQ(CheckScoreSheet({}, Rubric(), 10).field(), "scores");
}

TEST(ScoringTest, WeightedTotalOverScoredCriteria) {
  std::vector<v1::Criterion> r = Rubric();
  EXPECT_DOUBLE_EQ(WeightedTotal(Sheet({{"general-1", 10}, {"general-2", 10}, {"general-3", 0}, {"general-4", 0}}), r),
                   5.0);
  // Only what was scored counts: (25*8 + 10*4) / 35.
  EXPECT_DOUBLE_EQ(WeightedTotal(Sheet({{"general-1", 8}, {"field-health", 4}}), r), 240.0 / 35.0);
  EXPECT_DOUBLE_EQ(WeightedTotal({}, r), 0.0);
  EXPECT_DOUBLE_EQ(WeightedTotal(Sheet({{"unknown", 9}}), r), 0.0);
}

TEST(ScoringTest, CriterionMeansAndRequiredUnmet) {
  ScoreSheets sheets;
  sheets["nom-1"]["a"] = Sheet({{"general-1", 8}, {"general-2", 4}, {"general-3", 5}, {"field-health", 2}});
  sheets["nom-1"]["b"] = Sheet({{"general-1", 6}, {"general-2", 5}, {"general-3", 5}});
  std::map<std::string, NomineeCriteria> criteria;
  criteria["nom-1"] = {Rubric(), 5};
  auto out = Summarise(sheets, criteria, false);
  const v1::ScoreSummary& s = out.at("nom-1");
  EXPECT_EQ(s.members_scored(), 2);
  ASSERT_EQ(s.criteria_size(), 5);
  EXPECT_EQ(s.criteria(0).code(), "general-1");
  EXPECT_DOUBLE_EQ(s.criteria(0).mean(), 7.0);
  EXPECT_TRUE(s.criteria(0).met());
  EXPECT_DOUBLE_EQ(s.criteria(1).mean(), 4.5);  // Below the pass score.
  EXPECT_FALSE(s.criteria(1).met());
  EXPECT_DOUBLE_EQ(s.criteria(2).mean(), 5.0);  // Exactly the pass score.
  EXPECT_TRUE(s.criteria(2).met());
  EXPECT_FALSE(s.criteria(3).met());  // Nobody scored it.
  EXPECT_TRUE(s.criteria(3).required());
  EXPECT_DOUBLE_EQ(s.criteria(4).mean(), 2.0);
  EXPECT_TRUE(s.criteria(4).met());  // Not required: never unmet.
  EXPECT_FALSE(s.criteria(4).required());
  EXPECT_EQ(std::vector<std::string>(s.required_unmet().begin(), s.required_unmet().end()),
            (std::vector<std::string>{"general-2", "general-4"}));
  EXPECT_DOUBLE_EQ(s.normalised_total(), 0.0);
}

TEST(ScoringTest, ANomineeNobodyScored) {
  std::map<std::string, NomineeCriteria> criteria;
  criteria["nom-2"] = {Rubric(), 5};
  auto out = Summarise({}, criteria, true);
  const v1::ScoreSummary& s = out.at("nom-2");
  EXPECT_EQ(s.members_scored(), 0);
  EXPECT_DOUBLE_EQ(s.weighted_total(), 0.0);
  EXPECT_EQ(s.required_unmet_size(), 4);
}

TEST(ScoringTest, StrictAndLenientMembersWeighTheSame) {
  // One criterion, weight 1: a member's total is their score.
  std::map<std::string, NomineeCriteria> criteria;
  for (const char* n : {"A", "B"}) criteria[n] = {{Crit("general-1", 1, true)}, 5};
  ScoreSheets sheets;
  sheets["A"]["strict"] = Sheet({{"general-1", 1}});
  sheets["B"]["strict"] = Sheet({{"general-1", 5}});
  sheets["A"]["lenient"] = Sheet({{"general-1", 10}});
  sheets["B"]["lenient"] = Sheet({{"general-1", 9}});
  auto raw = Summarise(sheets, criteria, false);
  // Raw means favour B (7 against 5.5): the strict member's wide spread decides.
  EXPECT_DOUBLE_EQ(raw.at("A").weighted_total(), 5.5);
  EXPECT_DOUBLE_EQ(raw.at("B").weighted_total(), 7.0);
  auto z = Summarise(sheets, criteria, true);
  // Each member ranks the other nominee first by one standard deviation: a tie.
  EXPECT_DOUBLE_EQ(z.at("A").normalised_total(), 0.0);
  EXPECT_DOUBLE_EQ(z.at("B").normalised_total(), 0.0);
  EXPECT_DOUBLE_EQ(z.at("A").weighted_total(), 5.5);  // Raw totals stay.

  // Both members agree on the order: z-scores of +1 and -1.
  sheets["B"]["lenient"] = Sheet({{"general-1", 10}});
  sheets["A"]["lenient"] = Sheet({{"general-1", 9}});
  z = Summarise(sheets, criteria, true);
  EXPECT_NEAR(z.at("A").normalised_total(), -1.0, 1e-9);
  EXPECT_NEAR(z.at("B").normalised_total(), 1.0, 1e-9);
}

TEST(ScoringTest, PopulationStandardDeviation) {
  std::map<std::string, NomineeCriteria> criteria;
  for (const char* n : {"A", "B", "C"}) criteria[n] = {{Crit("general-1", 1, true)}, 5};
  ScoreSheets sheets;
  sheets["A"]["m"] = Sheet({{"general-1", 2}});
  sheets["B"]["m"] = Sheet({{"general-1", 4}});
  sheets["C"]["m"] = Sheet({{"general-1", 6}});
  auto z = Summarise(sheets, criteria, true);
  // mean 4, population sd sqrt(8/3).
  EXPECT_NEAR(z.at("A").normalised_total(), -2.0 / std::sqrt(8.0 / 3.0), 1e-9);
  EXPECT_NEAR(z.at("B").normalised_total(), 0.0, 1e-9);
  EXPECT_NEAR(z.at("C").normalised_total(), 2.0 / std::sqrt(8.0 / 3.0), 1e-9);
}

TEST(ScoringTest, OneNomineeOrAllAlikeGiveZeroZ) {
  std::map<std::string, NomineeCriteria> criteria;
  for (const char* n : {"A", "B"}) criteria[n] = {{Crit("general-1", 1, true)}, 5};
  ScoreSheets sheets;
  sheets["A"]["only-a"] = Sheet({{"general-1", 9}});       // Scored one nominee.
  sheets["A"]["flat"] = Sheet({{"general-1", 6}});         // Scored all alike.
  sheets["B"]["flat"] = Sheet({{"general-1", 6}});
  sheets["B"]["empty"] = {};                               // No sheet at all.
  auto z = Summarise(sheets, criteria, true);
  EXPECT_DOUBLE_EQ(z.at("A").normalised_total(), 0.0);
  EXPECT_DOUBLE_EQ(z.at("B").normalised_total(), 0.0);
  EXPECT_EQ(z.at("A").members_scored(), 2);
  EXPECT_EQ(z.at("B").members_scored(), 1);
  EXPECT_DOUBLE_EQ(z.at("A").weighted_total(), 7.5);
}

}  // namespace
}  // namespace tdkt::evaluation
