#include "services/evaluation/domain/scoring.h"

#include <cmath>
#include <set>

namespace tdkt::evaluation {

namespace {

const v1::Criterion* Find(const std::vector<v1::Criterion>& criteria, const std::string& code) {
  for (const v1::Criterion& c : criteria) {
    if (c.code() == code) return &c;
  }
  return nullptr;
}

std::string Index(int i) { return "scores[" + std::to_string(i) + "]"; }

}  // namespace

Status CheckScoreSheet(const std::vector<v1::CriterionScore>& scores, const std::vector<v1::Criterion>& applicable,
                       int max_score) {
  if (scores.empty()) return Status::InvalidArgument("scores", "score at least one criterion");
  std::set<std::string> seen;
  for (size_t i = 0; i < scores.size(); ++i) {
    const v1::CriterionScore& s = scores[i];
    const std::string base = Index(static_cast<int>(i));
    if (Find(applicable, s.code()) == nullptr) {
      return Status::InvalidArgument(base + ".code", "no criterion '" + s.code() + "' applies to this nominee");
    }
    if (!seen.insert(s.code()).second) {
      return Status::InvalidArgument(base + ".code", "criterion " + s.code() + " is scored twice");
    }
    if (s.score() < 0 || s.score() > max_score) {
      return Status::InvalidArgument(base + ".score", "score " + std::to_string(s.score()) +
                                                          " is outside the scale 0.." + std::to_string(max_score));
    }
  }
  for (const v1::Criterion& c : applicable) {
    if (c.required() && seen.count(c.code()) == 0) {
      return Status::InvalidArgument("scores", "criterion " + c.code() + " is required and has no score");
    }
  }
  return Status::Ok();
}

double WeightedTotal(const std::vector<v1::CriterionScore>& scores, const std::vector<v1::Criterion>& applicable) {
  double sum = 0;
  double weights = 0;
  for (const v1::CriterionScore& s : scores) {
    const v1::Criterion* c = Find(applicable, s.code());
    if (c == nullptr) continue;  // Not part of this nominee's rubric.
    sum += double(c->weight()) * s.score();
    weights += c->weight();
  }
  return weights > 0 ? sum / weights : 0;
}

std::map<std::string, v1::ScoreSummary> Summarise(const ScoreSheets& sheets,
                                                  const std::map<std::string, NomineeCriteria>& criteria,
                                                  bool normalise) {
  static const NomineeCriteria kNone;
  auto criteria_of = [&](const std::string& nominee) -> const NomineeCriteria& {
    auto it = criteria.find(nominee);
    return it == criteria.end() ? kNone : it->second;
  };

  // totals[member][nominee] = that member's weighted total of the nominee.
  std::map<std::string, std::map<std::string, double>> totals;
  for (const auto& [nominee, by_member] : sheets) {
    for (const auto& [member, scores] : by_member) {
      if (scores.empty()) continue;  // An empty sheet is no score.
      totals[member][nominee] = WeightedTotal(scores, criteria_of(nominee).applicable);
    }
  }

  // z[member][nominee]: a strict and a lenient member weigh the same once
  // each is measured against their own mean and spread.
  std::map<std::string, std::map<std::string, double>> z;
  if (normalise) {
    for (const auto& [member, by_nominee] : totals) {
      const double n = by_nominee.size();
      double mean = 0;
      for (const auto& [_, x] : by_nominee) mean += x;
      mean /= n;
      double var = 0;
      for (const auto& [_, x] : by_nominee) var += (x - mean) * (x - mean);
      const double sd = std::sqrt(var / n);  // Population standard deviation.
      for (const auto& [nominee, x] : by_nominee) {
        z[member][nominee] = (by_nominee.size() < 2 || sd < 1e-9) ? 0.0 : (x - mean) / sd;
      }
    }
  }

  std::set<std::string> nominees;
  for (const auto& [nominee, _] : sheets) nominees.insert(nominee);
  for (const auto& [nominee, _] : criteria) nominees.insert(nominee);

  std::map<std::string, v1::ScoreSummary> out;
  for (const std::string& nominee : nominees) {
    const NomineeCriteria& nc = criteria_of(nominee);
    v1::ScoreSummary& summary = out[nominee];

    int scored = 0;
    double total = 0;
    double ztotal = 0;
    for (const auto& [member, by_nominee] : totals) {
      auto it = by_nominee.find(nominee);
      if (it == by_nominee.end()) continue;
      ++scored;
      total += it->second;
      if (normalise) ztotal += z[member][nominee];
    }
    summary.set_members_scored(scored);
    summary.set_weighted_total(scored > 0 ? total / scored : 0);
    summary.set_normalised_total(normalise && scored > 0 ? ztotal / scored : 0);

    auto sheet_it = sheets.find(nominee);
    for (const v1::Criterion& c : nc.applicable) {
      int n = 0;
      double sum = 0;
      if (sheet_it != sheets.end()) {
        for (const auto& [member, scores] : sheet_it->second) {
          for (const v1::CriterionScore& s : scores) {
            if (s.code() == c.code()) {
              ++n;
              sum += s.score();
              break;
            }
          }
        }
      }
      v1::CriterionMean* m = summary.add_criteria();
      m->set_code(c.code());
      m->set_mean(n > 0 ? sum / n : 0);
      m->set_required(c.required());
      // Only a required criterion can fail; one nobody scored has not met
      // the pass score.
      m->set_met(!c.required() || (n > 0 && m->mean() >= nc.pass_score));
      if (!m->met()) summary.add_required_unmet(c.code());
    }
  }
  return out;
}

}  // namespace tdkt::evaluation
