#include "services/evaluation/domain/decision_rules.h"

#include <ctime>

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

// Unix seconds of a wall-clock time in Vietnam (UTC+7).
int64_t VnTime(int y, int mo, int d, int h = 0, int mi = 0) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return static_cast<int64_t>(timegm(&tm)) - 7 * 3600;
}

v1::Decision Decision(v1::DecisionOutcome outcome) {
  v1::Decision d;
  d.set_session_id("ses-56-1");
  d.set_nomination_id("nom-22333-1");
  d.set_outcome(outcome);
  return d;
}

Status Normalized(v1::Decision d) { return NormalizeDecision(d); }

TEST(DecisionRulesTest, NormalizeDecision) {
  EXPECT_EQ(Normalized(Decision(v1::DECISION_OUTCOME_UNSPECIFIED)).field(), "decision.outcome");

  v1::Decision d = Decision(v1::RECOGNISE);
  EXPECT_EQ(Normalized(d).field(), "decision.decision_number");
  d.set_decision_number(" 125/QĐ-UBND ");
  EXPECT_EQ(Normalized(d).field(), "decision.decision_date");
  d.set_decision_date("2026-02-30");
  EXPECT_EQ(Normalized(d).field(), "decision.decision_date");
  d.set_decision_date("2026-12-10");
  ASSERT_TRUE(NormalizeDecision(d).ok());
  EXPECT_EQ(d.decision_number(), "125/QĐ-UBND");

  EXPECT_TRUE(Normalized(Decision(v1::PROPOSE)).ok());
  v1::Decision p = Decision(v1::PROPOSE);
  p.set_decision_date("10/12/2026");
  EXPECT_EQ(Normalized(p).field(), "decision.decision_date");

  v1::Decision r = Decision(v1::RETURN);
  EXPECT_EQ(Normalized(r).field(), "decision.reason");
  r.set_reason("Thie\xCC\x82\xCC\x81u minh chu\xCC\x9B\xCC\x81ng");  // NFD "Thiếu minh chứng"
  ASSERT_TRUE(NormalizeDecision(r).ok());
  EXPECT_EQ(r.reason(), "Thiếu minh chứng");
}

TEST(DecisionRulesTest, WhatNeedsDisclosure) {
  for (int depth : {0, 1, 2, 3}) EXPECT_TRUE(NeedsDisclosure(v1::PROPOSE, depth)) << depth;
  EXPECT_TRUE(NeedsDisclosure(v1::RECOGNISE, 0));
  EXPECT_TRUE(NeedsDisclosure(v1::RECOGNISE, 1));
  EXPECT_FALSE(NeedsDisclosure(v1::RECOGNISE, 2));
  EXPECT_FALSE(NeedsDisclosure(v1::RECOGNISE, 3));
  EXPECT_FALSE(NeedsDisclosure(v1::RETURN, 0));
  EXPECT_FALSE(NeedsDisclosure(v1::RETURN, 2));
}

TEST(DecisionRulesTest, DisclosureEndSkipsWeekends) {
  // Friday 2026-11-20, 10:00: ten working days are 23-27 Nov and 30 Nov-4 Dec.
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 20, 10), 10), VnTime(2026, 12, 5));
  // Thursday + 2: Friday and Monday; ends Tuesday 00:00.
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 19, 9), 2), VnTime(2026, 11, 24));
  // Published on a Saturday or Sunday: Monday is the first day.
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 21, 10), 1), VnTime(2026, 11, 24));
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 22, 23, 59), 1), VnTime(2026, 11, 24));
  // Monday + 5: Tuesday to the next Monday.
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 23, 8), 5), VnTime(2026, 12, 1));
  // Vietnam's date, not UTC's: 18:00 UTC Thursday is already Friday 01:00 in Vietnam.
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 20, 1), 1), VnTime(2026, 11, 24));
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 19, 23, 59), 1), VnTime(2026, 11, 21));
  // No days: ends when published.
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 11, 20, 10), 0), VnTime(2026, 11, 20, 10));
}

TEST(DecisionRulesTest, DisclosureEndSkipsHolidaysItIsGiven) {
  // Thursday 2026-04-30 and Friday 2026-05-01 are public holidays: two
  // working days from Wednesday 29 April are Monday 4 and Tuesday 5 May.
  std::set<std::string> holidays = {"2026-04-30", "2026-05-01"};
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 4, 29, 9), 2, holidays), VnTime(2026, 5, 6));
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 4, 29, 9), 2), VnTime(2026, 5, 2));
  EXPECT_EQ(DisclosureEnd(VnTime(2026, 4, 29, 9), 0, holidays), VnTime(2026, 4, 29, 9));
}

DecisionFacts Ready() {
  DecisionFacts f;
  f.session_state = v1::CLOSED;
  f.tally_passed = true;
  f.appraised = true;
  f.appraisal = v1::APPRAISAL_PASSED;
  f.eligible = true;
  f.needs_disclosure = true;
  f.disclosed = true;
  f.disclosure_ends_at = VnTime(2026, 12, 5);
  f.now = VnTime(2026, 12, 5);
  return f;
}

TEST(DecisionRulesTest, AllStepsDoneAllowsTheDecision) {
  EXPECT_TRUE(CheckDecisionAllowed(v1::RECOGNISE, Ready()).ok());
  EXPECT_TRUE(CheckDecisionAllowed(v1::PROPOSE, Ready()).ok());
}

TEST(DecisionRulesTest, ReturnNeedsOnlyAClosedSession) {
  DecisionFacts f;
  f.session_state = v1::CLOSED;
  f.tally_passed = false;
  f.appraised = false;
  f.eligible = false;
  f.needs_disclosure = true;
  f.open_objections = 2;
  f.upheld_objections = 1;
  EXPECT_TRUE(CheckDecisionAllowed(v1::RETURN, f).ok());
  f.session_state = v1::IN_PROGRESS;
  EXPECT_EQ(CheckDecisionAllowed(v1::RETURN, f).code(), Code::kFailedPrecondition);
}

// Each step, broken in turn on an otherwise ready nominee, is what the
// refusal names; breaking two reports the earlier.
TEST(DecisionRulesTest, TheFirstMissingStepIsNamed) {
  auto message = [](DecisionFacts f) {
    Status st = CheckDecisionAllowed(v1::RECOGNISE, f);
    EXPECT_EQ(st.code(), Code::kFailedPrecondition);
    return st.message();
  };
  DecisionFacts f = Ready();
  f.session_state = v1::IN_PROGRESS;
  EXPECT_NE(message(f).find("not closed"), std::string::npos);

  f = Ready();
  f.tally_passed = false;
  f.appraised = false;
  EXPECT_NE(message(f).find("vote threshold"), std::string::npos);

  f = Ready();
  f.appraised = false;
  EXPECT_NE(message(f).find("not appraised"), std::string::npos);

  f = Ready();
  f.appraisal = v1::APPRAISAL_FAILED;
  EXPECT_NE(message(f).find("appraisal found"), std::string::npos);

  f = Ready();
  f.required_unmet = {"general-2", "general-3"};
  EXPECT_EQ(message(f), "required criteria are not met: general-2, general-3");

  f = Ready();
  f.eligible = false;
  f.ineligible_reason = "unit headcount for 2026 is not recorded";
  EXPECT_EQ(message(f), "the nominee is not eligible: unit headcount for 2026 is not recorded");

  f = Ready();
  f.disclosed = false;
  EXPECT_NE(message(f).find("public disclosure list"), std::string::npos);

  f = Ready();
  f.now = f.disclosure_ends_at - 1;
  EXPECT_EQ(message(f), "the public disclosure runs until 2026-12-05 00:00 (Vietnam time)");

  f = Ready();
  f.open_objections = 1;
  f.upheld_objections = 1;
  EXPECT_EQ(message(f), "1 objection to the nominee is still open; resolve it first");

  f = Ready();
  f.upheld_objections = 1;
  EXPECT_NE(message(f).find("upheld"), std::string::npos);
}

TEST(DecisionRulesTest, NoDisclosureNeededBelowTheProvince) {
  DecisionFacts f = Ready();
  f.needs_disclosure = false;
  f.disclosed = false;
  f.now = 0;
  EXPECT_TRUE(CheckDecisionAllowed(v1::RECOGNISE, f).ok());
}

TEST(DecisionRulesTest, UnsetOutcomeIsInvalid) {
  EXPECT_EQ(CheckDecisionAllowed(v1::DECISION_OUTCOME_UNSPECIFIED, Ready()).code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace tdkt::evaluation
