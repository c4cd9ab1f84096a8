// Eligibility rules as data, and their check against what is recorded of a
// nominee. Every rule gives a verdict and a reason in plain words. Pure
// rules: the caller gathers the facts from storage and the nomination.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/evaluation/v1/criteria.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

// Normalises and checks a rule before it is stored (fields "rule.*"): kind
// set, legal_source required, parameters present for its kind; parameters
// of other kinds are cleared.
Status NormalizeRule(v1::EligibilityRule& rule);

// The key that identifies a nominee across years and records: the
// nominee_code when given ("code:<code>"), else kind, unit and the folded
// name ("name:<kind>:<agency>:<folded name>").
std::string NomineeKey(const ::tdkt::nomination::v1::NominationDetails& details);

// Fingerprint of an achievement: hex SHA-256 of the nominee key and the
// folded, whitespace-collapsed achievement text. Equal texts that differ only
// in case, diacritics or spacing give the same fingerprint.
std::string AchievementFingerprint(const ::tdkt::nomination::v1::NominationDetails& details);

// What the rules are checked against, gathered by the caller.
struct EligibilityFacts {
  ::tdkt::nomination::v1::NominationDetails details;
  std::string title_code;  // Title the nominee is considered for.
  int year = 0;            // Year of the commendation.
  // Titles the nominee already holds, as (year, title_code).
  std::set<std::pair<int, std::string>> awards;
  // Headcount of the nominee's unit in `year`; 0 when not recorded.
  int unit_headcount = 0;
  // Holders of `title_code` already recorded in the nominee's unit in `year`,
  // not counting this nominee.
  int unit_holders = 0;
  // True when the nominee's achievement fingerprint was already commended.
  bool achievement_commended = false;
  std::string achievement_commended_by;  // The decision that commended it.
};

// Checks every rule that gates `facts.title_code` (rules with an empty
// title_code gate every title); retired rules are skipped. CONSECUTIVE_TITLE
// looks at the `years` years just before facts.year; HEADCOUNT_QUOTA passes
// when (unit_holders + 1) * 100 <= percent * unit_headcount and fails when
// the headcount is not recorded. A rule of unknown kind fails. The caller
// sets the report's nomination_id.
v1::EligibilityReport CheckEligibility(const std::vector<v1::EligibilityRule>& rules, const EligibilityFacts& facts);

}  // namespace tdkt::evaluation
