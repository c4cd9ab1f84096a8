#include "services/evaluation/domain/tally.h"

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

v1::VoteThreshold Threshold(int percent, v1::ThresholdBasis basis) {
  v1::VoteThreshold t;
  t.set_title_code("*");
  t.set_percent(percent);
  t.set_basis(basis);
  t.set_legal_source("Quy chế Hội đồng");
  return t;
}

TallyInput Input(int agree, int disagree, int abstain, int eligible, int participating, v1::VoteThreshold t) {
  TallyInput in;
  for (int i = 0; i < agree; ++i) in.choices.push_back(v1::AGREE);
  for (int i = 0; i < disagree; ++i) in.choices.push_back(v1::DISAGREE);
  for (int i = 0; i < abstain; ++i) in.choices.push_back(v1::ABSTAIN);
  in.eligible = eligible;
  in.participating = participating;
  in.threshold = std::move(t);
  return in;
}

TEST(TallyTest, ExactlyAtTheThresholdPasses) {
  v1::Tally t = CountBallots(Input(9, 1, 0, 10, 10, Threshold(90, v1::ALL_MEMBERS)));
  EXPECT_EQ(t.agree(), 9);
  EXPECT_EQ(t.denominator(), 10);
  EXPECT_TRUE(t.passed());  // 9 * 100 == 90 * 10
}

TEST(TallyTest, OneBallotBelowTheThresholdFails) {
  EXPECT_FALSE(CountBallots(Input(8, 2, 0, 10, 10, Threshold(90, v1::ALL_MEMBERS))).passed());
  // 90% of 9 is 8.1: 8 agree is below it, 9 reaches it.
  EXPECT_FALSE(CountBallots(Input(8, 1, 0, 9, 9, Threshold(90, v1::ALL_MEMBERS))).passed());
  EXPECT_TRUE(CountBallots(Input(9, 0, 0, 9, 9, Threshold(90, v1::ALL_MEMBERS))).passed());
}

TEST(TallyTest, AbsentMembersCountAgainstAnAllMembersThreshold) {
  // 7 agree of 7 ballots, but 9 eligible members: 7/9 < 90%.
  v1::Tally t = CountBallots(Input(7, 0, 0, 9, 7, Threshold(90, v1::ALL_MEMBERS)));
  EXPECT_EQ(t.not_voted(), 2);
  EXPECT_EQ(t.denominator(), 9);
  EXPECT_FALSE(t.passed());
}

TEST(TallyTest, ZeroDenominatorNeverPasses) {
  EXPECT_FALSE(CountBallots(Input(0, 0, 0, 0, 0, Threshold(1, v1::ALL_MEMBERS))).passed());
  v1::Tally t = CountBallots(Input(3, 0, 0, 5, 0, Threshold(50, v1::PARTICIPATING_MEMBERS)));
  EXPECT_EQ(t.denominator(), 0);
  EXPECT_FALSE(t.passed());
}

TEST(TallyTest, ParticipatingBasisCountsOverThoseTakingPart) {
  v1::Tally t = CountBallots(Input(5, 1, 0, 9, 6, Threshold(80, v1::PARTICIPATING_MEMBERS)));
  EXPECT_EQ(t.basis(), v1::PARTICIPATING_MEMBERS);
  EXPECT_EQ(t.denominator(), 6);
  EXPECT_EQ(t.eligible(), 9);
  EXPECT_EQ(t.not_voted(), 3);
  EXPECT_TRUE(t.passed());  // 500 >= 480
  // The same ballots over all members fail: 500 < 720.
  EXPECT_FALSE(CountBallots(Input(5, 1, 0, 9, 6, Threshold(80, v1::ALL_MEMBERS))).passed());
  // Exactly at and one below on the participating basis.
  EXPECT_TRUE(CountBallots(Input(4, 1, 0, 9, 5, Threshold(80, v1::PARTICIPATING_MEMBERS))).passed());
  EXPECT_FALSE(CountBallots(Input(3, 2, 0, 9, 5, Threshold(80, v1::PARTICIPATING_MEMBERS))).passed());
}

TEST(TallyTest, CountsEveryChoiceAndCopiesTheThreshold) {
  v1::Tally t = CountBallots(Input(7, 1, 1, 9, 9, Threshold(90, v1::ALL_MEMBERS)));
  EXPECT_EQ(t.agree(), 7);
  EXPECT_EQ(t.disagree(), 1);
  EXPECT_EQ(t.abstain(), 1);
  EXPECT_EQ(t.not_voted(), 0);
  EXPECT_EQ(t.percent_needed(), 90);
  EXPECT_EQ(t.basis(), v1::ALL_MEMBERS);
  EXPECT_EQ(t.legal_source(), "Quy chế Hội đồng");
  EXPECT_FALSE(t.passed());
}

TEST(TallyTest, NotVotedNeverNegative) {
  EXPECT_EQ(CountBallots(Input(4, 0, 0, 3, 3, Threshold(50, v1::ALL_MEMBERS))).not_voted(), 0);
}

TEST(TallyTest, UnsetBasisCountsOverAllMembers) {
  v1::Tally t = CountBallots(Input(5, 0, 0, 9, 5, Threshold(90, v1::THRESHOLD_BASIS_UNSPECIFIED)));
  EXPECT_EQ(t.basis(), v1::ALL_MEMBERS);
  EXPECT_EQ(t.denominator(), 9);
  EXPECT_FALSE(t.passed());
}

TEST(TallyTest, ABrokenPercentPassesNobody) {
  EXPECT_FALSE(CountBallots(Input(5, 0, 0, 5, 5, Threshold(0, v1::ALL_MEMBERS))).passed());
  EXPECT_FALSE(CountBallots(Input(5, 0, 0, 5, 5, Threshold(101, v1::ALL_MEMBERS))).passed());
  EXPECT_TRUE(CountBallots(Input(5, 0, 0, 5, 5, Threshold(100, v1::ALL_MEMBERS))).passed());
}

}  // namespace
}  // namespace tdkt::evaluation
