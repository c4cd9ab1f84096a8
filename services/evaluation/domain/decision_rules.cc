#include "services/evaluation/domain/decision_rules.h"

#include <ctime>

#include "common/vn_time.h"
#include "services/nomination/domain/details_rules.h"

namespace tdkt::evaluation {

using ::tdkt::nomination::NormalizeLine;
using ::tdkt::nomination::NormalizeText;

namespace {

constexpr int64_t kDay = 86400;

// Floor division, so days before 1970 still count correctly.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Monday..Friday for a day counted from 1970-01-01 (a Thursday).
bool IsWorkingDay(int64_t day) {
  int64_t weekday = ((day + 3) % 7 + 7) % 7;  // 0 = Monday
  return weekday < 5;
}

// YYYY-MM-DD of a day counted from 1970-01-01.
std::string IsoDate(int64_t day) {
  std::time_t t = static_cast<std::time_t>(day * kDay);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

}  // namespace

Status NormalizeDecision(v1::Decision& decision) {
  const v1::DecisionOutcome outcome = decision.outcome();
  if (outcome == v1::DECISION_OUTCOME_UNSPECIFIED || !v1::DecisionOutcome_IsValid(outcome)) {
    return Status::InvalidArgument("decision.outcome", "choose recognise, propose to the level above, return or reject");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("decision.decision_number", *decision.mutable_decision_number(), 100, false));
  if (outcome == v1::RECOGNISE && decision.decision_number().empty()) {
    return Status::InvalidArgument("decision.decision_number",
                                   "a recognition needs the number of the decision, e.g. 125/QĐ-UBND");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("decision.decision_date", *decision.mutable_decision_date(), 32, false));
  if (outcome == v1::RECOGNISE || !decision.decision_date().empty()) {
    if (!IsIsoDate(decision.decision_date())) {
      return Status::InvalidArgument("decision.decision_date",
                                     outcome == v1::RECOGNISE && decision.decision_date().empty()
                                         ? "a recognition needs the date of the decision, written YYYY-MM-DD"
                                         : "must be a date written YYYY-MM-DD");
    }
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("decision.form", *decision.mutable_form(), 500, false));
  TDKT_RETURN_IF_ERROR(NormalizeText("decision.reason", *decision.mutable_reason(), 5000, false));
  if (outcome == v1::RETURN && decision.reason().empty()) {
    return Status::InvalidArgument("decision.reason", "say why the nominee is returned to the unit");
  }
  if (outcome == v1::REJECT && decision.reason().empty()) {
    return Status::InvalidArgument("decision.reason", "say why the nominee is rejected");
  }
  return Status::Ok();
}

bool NeedsDisclosure(v1::DecisionOutcome outcome, int agency_depth) {
  if (outcome == v1::PROPOSE) return true;
  // A negative (unknown) depth is treated as the top: disclosing is the safe side.
  if (outcome == v1::RECOGNISE) return agency_depth <= 1;
  return false;
}

int64_t DisclosureEnd(int64_t start_unix, int working_days) { return DisclosureEnd(start_unix, working_days, {}); }

int64_t DisclosureEnd(int64_t start_unix, int working_days, const std::set<std::string>& holidays) {
  if (working_days <= 0) return start_unix;
  // Counting starts the day after publication, in Vietnam's calendar.
  int64_t day = FloorDiv(start_unix + kVietnamOffsetSeconds, kDay);
  int counted = 0;
  while (counted < working_days) {
    ++day;
    if (IsWorkingDay(day) && (holidays.empty() || holidays.count(IsoDate(day)) == 0)) ++counted;
  }
  // Midnight (Vietnam time) that ends the last counted day.
  return (day + 1) * kDay - kVietnamOffsetSeconds;
}

Status CheckDecisionAllowed(v1::DecisionOutcome outcome, const DecisionFacts& facts) {
  if (outcome == v1::DECISION_OUTCOME_UNSPECIFIED || !v1::DecisionOutcome_IsValid(outcome)) {
    return Status::InvalidArgument("decision.outcome", "choose recognise, propose to the level above, return or reject");
  }
  if (facts.session_state != v1::CLOSED) {
    return Status::FailedPrecondition("the session is not closed yet: decisions are taken on the final results "
                                      "once the ballots are closed");
  }
  // Returning or rejecting a nominee is always open once the votes are in.
  if (outcome == v1::RETURN || outcome == v1::REJECT) return Status::Ok();
  if (!facts.tally_passed) {
    return Status::FailedPrecondition("the nominee did not reach the vote threshold; the nominee can only be returned");
  }
  if (!facts.appraised) {
    return Status::FailedPrecondition("the home-affairs office has not appraised the nominee's file yet");
  }
  if (facts.appraisal != v1::APPRAISAL_PASSED) {
    return Status::FailedPrecondition("the appraisal found the nominee's file not eligible; the nominee can only be "
                                      "returned");
  }
  if (!facts.required_unmet.empty()) {
    return Status::FailedPrecondition("required criteria are not met: " + JoinCodes(facts.required_unmet));
  }
  if (!facts.eligible) {
    return Status::FailedPrecondition(
        "the nominee is not eligible: " +
        (facts.ineligible_reason.empty() ? std::string("an eligibility rule failed") : facts.ineligible_reason));
  }
  if (facts.needs_disclosure) {
    if (!facts.disclosed) {
      return Status::FailedPrecondition("the nominee must first be on a public disclosure list: a decision at this "
                                        "level needs the list to be public for the council's working days");
    }
    if (facts.now < facts.disclosure_ends_at) {
      return Status::FailedPrecondition("the public disclosure runs until " +
                                        FormatVietnamTime(facts.disclosure_ends_at, "%Y-%m-%d %H:%M") + " (Vietnam time)");
    }
  }
  if (facts.open_objections > 0) {
    return Status::FailedPrecondition(
        facts.open_objections == 1 ? std::string("1 objection to the nominee is still open; resolve it first")
                                   : std::to_string(facts.open_objections) +
                                         " objections to the nominee are still open; resolve them first");
  }
  if (facts.upheld_objections > 0) {
    return Status::FailedPrecondition("an objection to the nominee was upheld; the nominee can only be returned");
  }
  return Status::Ok();
}

}  // namespace tdkt::evaluation
