// What makes a council valid, which threshold applies to a title, and the
// quorum check. Pure rules.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/evaluation/v1/council.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

// The thresholds a new council gets when it sets none, with their legal
// sources (see docs/architecture.md for the citations).
std::vector<v1::VoteThreshold> DefaultThresholds();

// Normalises (NFC, defaults for quorum, disclosure days and thresholds) and
// checks a council (fields "council.*"): at least 3 members, unique subjects,
// exactly one chair, valid term dates, thresholds with a "*" entry. 0 means
// "use the default" for quorum_percent (67) and disclosure_working_days (10);
// an empty rules_source gets the sources of the defaults applied.
Status NormalizeCouncil(v1::Council& council);

// The threshold for `title_code`: its own entry, else the "*" entry; a list
// without "*" (never a normalised council's) falls back to DefaultThresholds().
v1::VoteThreshold ThresholdFor(const std::vector<v1::VoteThreshold>& thresholds, const std::string& title_code);

// OK when the attending share, rounded to a whole percent, reaches
// quorum_percent (so the default 67 means two thirds: 6 of 9 attend);
// otherwise FAILED_PRECONDITION saying how many attended and how many were
// needed. No members is FAILED_PRECONDITION.
Status CheckQuorum(int present, int members, int quorum_percent);

// True when `date` (YYYY-MM-DD) lies within the council's term.
bool WithinTerm(const v1::Council& council, const std::string& date);

}  // namespace tdkt::evaluation
