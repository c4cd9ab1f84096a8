#include "services/evaluation/domain/scoring.h"

#include "common/scoring.h"

namespace tdkt::evaluation {

namespace {

// The set's scale applies to every criterion of a council's rubric.
std::vector<scoring::Criterion> RubricOf(const std::vector<v1::Criterion>& criteria, int max_score) {
  std::vector<scoring::Criterion> out;
  for (const v1::Criterion& c : criteria) {
    out.push_back(scoring::Criterion{c.code(), double(c.weight()), max_score, c.required()});
  }
  return out;
}

scoring::Sheet SheetOf(const std::vector<v1::CriterionScore>& scores) {
  scoring::Sheet out;
  for (const v1::CriterionScore& s : scores) out.push_back(scoring::Score{s.code(), s.score()});
  return out;
}

}  // namespace

Status CheckScoreSheet(const std::vector<v1::CriterionScore>& scores, const std::vector<v1::Criterion>& applicable,
                       int max_score) {
  return scoring::CheckSheet(SheetOf(scores), RubricOf(applicable, max_score), "scores");
}

double WeightedTotal(const std::vector<v1::CriterionScore>& scores, const std::vector<v1::Criterion>& applicable) {
  return scoring::WeightedTotal(SheetOf(scores), RubricOf(applicable, 0));
}

std::map<std::string, v1::ScoreSummary> Summarise(const ScoreSheets& sheets,
                                                  const std::map<std::string, NomineeCriteria>& criteria,
                                                  bool normalise) {
  scoring::Sheets common_sheets;
  for (const auto& [nominee, by_member] : sheets) {
    auto& per_member = common_sheets[nominee];
    for (const auto& [member, scores] : by_member) per_member[member] = SheetOf(scores);
  }
  std::map<std::string, scoring::Rubric> rubrics;
  for (const auto& [nominee, nc] : criteria) rubrics[nominee] = scoring::Rubric{RubricOf(nc.applicable, 0), nc.pass_score};

  std::map<std::string, v1::ScoreSummary> out;
  for (const auto& [nominee, s] : scoring::Summarise(common_sheets, rubrics, normalise)) {
    v1::ScoreSummary& summary = out[nominee];
    summary.set_members_scored(s.scorers);
    summary.set_weighted_total(s.mean_total);
    summary.set_normalised_total(s.normalised_total);
    for (const scoring::CriterionMean& c : s.criteria) {
      v1::CriterionMean* m = summary.add_criteria();
      m->set_code(c.code);
      m->set_mean(c.mean);
      m->set_required(c.required);
      m->set_met(c.met);
    }
    for (const std::string& code : s.required_unmet) summary.add_required_unmet(code);
  }
  return out;
}

}  // namespace tdkt::evaluation
