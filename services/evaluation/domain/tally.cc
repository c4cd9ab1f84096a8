#include "services/evaluation/domain/tally.h"

#include <algorithm>
#include <cstdint>

namespace tdkt::evaluation {

v1::Tally CountBallots(const TallyInput& input) {
  v1::Tally t;
  for (v1::BallotChoice c : input.choices) {
    switch (c) {
      case v1::AGREE: t.set_agree(t.agree() + 1); break;
      case v1::DISAGREE: t.set_disagree(t.disagree() + 1); break;
      case v1::ABSTAIN: t.set_abstain(t.abstain() + 1); break;
      default: break;  // Never stored; not a ballot.
    }
  }
  const int cast = t.agree() + t.disagree() + t.abstain();
  t.set_eligible(input.eligible);
  t.set_not_voted(std::max(0, input.eligible - cast));

  // An unset basis counts over all members: the stricter reading.
  const v1::ThresholdBasis basis =
      input.threshold.basis() == v1::PARTICIPATING_MEMBERS ? v1::PARTICIPATING_MEMBERS : v1::ALL_MEMBERS;
  t.set_basis(basis);
  t.set_denominator(basis == v1::PARTICIPATING_MEMBERS ? input.participating : input.eligible);
  t.set_percent_needed(input.threshold.percent());
  t.set_legal_source(input.threshold.legal_source());

  // A threshold outside 1..100 is broken data: nobody passes on it.
  const bool valid_percent = t.percent_needed() >= 1 && t.percent_needed() <= 100;
  t.set_passed(valid_percent && t.denominator() > 0 &&
               int64_t{t.agree()} * 100 >= int64_t{t.percent_needed()} * t.denominator());
  return t;
}

}  // namespace tdkt::evaluation
