// When a decision may be taken, and whether it needs public disclosure
// first. Pure rules: the caller gathers the session's state.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/evaluation/v1/decision.pb.h"
#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

// Normalises and checks the decision's own fields (fields "decision.*"):
// outcome set; RECOGNISE needs decision_number and a valid decision_date;
// RETURN and REJECT need a reason.
Status NormalizeDecision(v1::Decision& decision);

// A decision goes to the provincial level or above, and so needs disclosure
// first, when it proposes to the level above, or recognises at an agency
// whose depth in the hierarchy is 0 (central) or 1 (ministry or province).
// A negative (unknown) depth counts as the top: disclosing is the safe side.
bool NeedsDisclosure(v1::DecisionOutcome outcome, int agency_depth);

// End of a disclosure published at `start_unix`: after `working_days`
// full working days (Monday to Friday, Vietnam time, UTC+7) counted from the
// day after publication, i.e. the end of the last of those days (midnight
// Vietnam time). 0 days ends at `start_unix`. Public holidays are not known
// here: this form counts every weekday.
int64_t DisclosureEnd(int64_t start_unix, int working_days);
// The same, skipping `holidays` too (Vietnam dates, YYYY-MM-DD: Tết, 30/4,
// 1/5, 2/9, Giỗ Tổ and days off the government moves), which only the
// caller's configuration can know.
int64_t DisclosureEnd(int64_t start_unix, int working_days, const std::set<std::string>& holidays);

struct DecisionFacts {
  v1::SessionState session_state = v1::SESSION_STATE_UNSPECIFIED;
  bool tally_passed = false;
  bool appraised = false;
  v1::AppraisalResult appraisal = v1::APPRAISAL_RESULT_UNSPECIFIED;
  std::vector<std::string> required_unmet;  // From the frozen scores.
  bool eligible = true;                     // Every eligibility rule passed.
  std::string ineligible_reason;            // The first failed rule, in words.
  bool needs_disclosure = false;
  bool disclosed = false;                   // The nominee is on a disclosure list.
  int64_t disclosure_ends_at = 0;           // Unix seconds.
  int64_t now = 0;                          // Unix seconds.
  int open_objections = 0;
  int upheld_objections = 0;
};

// OK when `outcome` may be decided now; else FAILED_PRECONDITION naming the
// first missing step in words (session not closed, tally not passed,
// appraisal missing or failed, required criteria unmet, not eligible,
// disclosure missing or still running, objections open or upheld), checked
// in that order. RETURN and REJECT need only a closed session. An unset outcome is
// INVALID_ARGUMENT.
Status CheckDecisionAllowed(v1::DecisionOutcome outcome, const DecisionFacts& facts);

}  // namespace tdkt::evaluation
