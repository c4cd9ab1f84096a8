// Rubric scoring of council members: the evaluation protos adapted to the
// suite's one rubric scoring (common/scoring.h), where the arithmetic lives.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/evaluation/v1/criteria.pb.h"
#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

// Checks one member's sheet against the criteria that apply to the nominee:
// at least one score, known codes, no duplicates, every required criterion
// scored, 0..max_score. Fields "scores", "scores[i].code" / "scores[i].score".
Status CheckScoreSheet(const std::vector<v1::CriterionScore>& scores, const std::vector<v1::Criterion>& applicable,
                       int max_score);

// One member's weighted total on the set's scale: sum(weight * score) over
// scored criteria / sum(weight) of those criteria.
double WeightedTotal(const std::vector<v1::CriterionScore>& scores, const std::vector<v1::Criterion>& applicable);

// sheets[nomination_id][member] = that member's scores of the nominee.
using ScoreSheets = std::map<std::string, std::map<std::string, std::vector<v1::CriterionScore>>>;

struct NomineeCriteria {
  std::vector<v1::Criterion> applicable;
  int pass_score = 0;
};

// Summaries per nominee. With `normalise`, each member's totals across the
// nominees they scored become z-scores ((x - mean) / standard deviation of
// that member; 0 when the member scored one nominee or all alike), and
// normalised_total is their mean over the members who scored the nominee.
// Standard deviations are population ones; an empty sheet counts as no sheet.
// Every nominee of `sheets` or `criteria` gets a summary; a required
// criterion nobody scored is unmet, a criterion that is not required is
// always met.
std::map<std::string, v1::ScoreSummary> Summarise(const ScoreSheets& sheets,
                                                  const std::map<std::string, NomineeCriteria>& criteria,
                                                  bool normalise);

}  // namespace tdkt::evaluation
