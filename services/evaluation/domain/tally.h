// Counting secret ballots against a threshold. Pure rules: the caller passes
// the stored choices (never who cast them).
#pragma once

#include <vector>

#include "tdkt/evaluation/v1/council.pb.h"
#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

struct TallyInput {
  std::vector<v1::BallotChoice> choices;  // Every stored ballot of the nominee.
  int eligible = 0;       // Members not recused for the nominee.
  // Eligible members who attended or voted in writing (PARTICIPATING_MEMBERS).
  int participating = 0;
  v1::VoteThreshold threshold;
};

// Counts the ballots; passed when agree * 100 >= percent * denominator and
// the denominator is not zero (so exactly at the threshold passes).
// not_voted = eligible - ballots (at least 0). An unset basis counts over all
// members; a percent outside 1..100 passes nobody; unspecified choices are
// not ballots.
v1::Tally CountBallots(const TallyInput& input);

}  // namespace tdkt::evaluation
