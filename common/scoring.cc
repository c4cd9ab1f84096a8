#include "common/scoring.h"

#include <cmath>
#include <set>

namespace tdkt::scoring {

namespace {

const Criterion* Find(const std::vector<Criterion>& rubric, const std::string& code) {
  for (const Criterion& c : rubric) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

SheetProblem Problem(SheetProblem::Kind kind, int index, const std::string& code) {
  SheetProblem p;
  p.kind = kind;
  p.index = index;
  p.code = code;
  return p;
}

}  // namespace

std::string SheetProblem::Field(const std::string& list) const {
  if (index < 0) return list;
  const std::string base = list + "[" + std::to_string(index) + "]";
  return base + (kind == kOutOfRange ? ".score" : ".code");
}

std::optional<SheetProblem> FindSheetProblem(const Sheet& sheet, const std::vector<Criterion>& rubric) {
  if (sheet.empty()) return Problem(SheetProblem::kEmpty, -1, "");
  std::set<std::string> seen;
  for (size_t i = 0; i < sheet.size(); ++i) {
    const Score& s = sheet[i];
    const int at = static_cast<int>(i);
    const Criterion* c = Find(rubric, s.code);
    if (c == nullptr) return Problem(SheetProblem::kUnknownCode, at, s.code);
    if (!seen.insert(s.code).second) return Problem(SheetProblem::kDuplicateCode, at, s.code);
    if (s.value < 0 || s.value > c->max_score) {
      SheetProblem p = Problem(SheetProblem::kOutOfRange, at, s.code);
      p.value = s.value;
      p.max_score = c->max_score;
      return p;
    }
  }
  for (const Criterion& c : rubric) {
    if (c.required && seen.count(c.code) == 0) return Problem(SheetProblem::kMissingRequired, -1, c.code);
  }
  return std::nullopt;
}

Status CheckSheet(const Sheet& sheet, const std::vector<Criterion>& rubric, const std::string& list) {
  auto problem = FindSheetProblem(sheet, rubric);
  if (!problem) return Status::Ok();
  const std::string field = problem->Field(list);
  switch (problem->kind) {
    case SheetProblem::kEmpty: return Status::InvalidArgument(field, "score at least one criterion");
    case SheetProblem::kUnknownCode:
      return Status::InvalidArgument(field, "no criterion '" + problem->code + "' applies to this nominee");
    case SheetProblem::kDuplicateCode:
      return Status::InvalidArgument(field, "criterion " + problem->code + " is scored twice");
    case SheetProblem::kOutOfRange:
      return Status::InvalidArgument(field, "score " + std::to_string(problem->value) + " is outside the scale 0.." +
                                                std::to_string(problem->max_score));
    case SheetProblem::kMissingRequired:
      return Status::InvalidArgument(field, "criterion " + problem->code + " is required and has no score");
  }
  return Status::Ok();
}

double WeightedTotal(const Sheet& sheet, const std::vector<Criterion>& rubric) {
  double sum = 0;
  double weights = 0;
  for (const Score& s : sheet) {
    const Criterion* c = Find(rubric, s.code);
    if (c == nullptr) continue;  // Not part of this item's rubric.
    sum += c->weight * s.value;
    weights += c->weight;
  }
  return weights > 0 ? sum / weights : 0;
}

std::map<std::string, Summary> Summarise(const Sheets& sheets, const std::map<std::string, Rubric>& rubrics,
                                         bool normalise) {
  static const Rubric kNone;
  auto rubric_of = [&](const std::string& item) -> const Rubric& {
    auto it = rubrics.find(item);
    return it == rubrics.end() ? kNone : it->second;
  };

  // totals[scorer][item] = that scorer's weighted total of the item.
  std::map<std::string, std::map<std::string, double>> totals;
  for (const auto& [item, by_scorer] : sheets) {
    for (const auto& [scorer, sheet] : by_scorer) {
      if (sheet.empty()) continue;  // An empty sheet is no score.
      totals[scorer][item] = WeightedTotal(sheet, rubric_of(item).criteria);
    }
  }

  // z[scorer][item]: a strict and a lenient scorer weigh the same once each
  // is measured against their own mean and spread.
  std::map<std::string, std::map<std::string, double>> z;
  if (normalise) {
    for (const auto& [scorer, by_item] : totals) {
      const double n = by_item.size();
      double mean = 0;
      for (const auto& [_, x] : by_item) mean += x;
      mean /= n;
      double var = 0;
      for (const auto& [_, x] : by_item) var += (x - mean) * (x - mean);
      const double sd = std::sqrt(var / n);  // Population standard deviation.
      for (const auto& [item, x] : by_item) {
        z[scorer][item] = (by_item.size() < 2 || sd < 1e-9) ? 0.0 : (x - mean) / sd;
      }
    }
  }

  std::set<std::string> items;
  for (const auto& [item, _] : sheets) items.insert(item);
  for (const auto& [item, _] : rubrics) items.insert(item);

  std::map<std::string, Summary> out;
  for (const std::string& item : items) {
    const Rubric& rubric = rubric_of(item);
    Summary& summary = out[item];

    int scored = 0;
    double total = 0;
    double ztotal = 0;
    for (const auto& [scorer, by_item] : totals) {
      auto it = by_item.find(item);
      if (it == by_item.end()) continue;
      ++scored;
      total += it->second;
      if (normalise) ztotal += z[scorer][item];
    }
    summary.scorers = scored;
    summary.mean_total = scored > 0 ? total / scored : 0;
    summary.normalised_total = normalise && scored > 0 ? ztotal / scored : 0;

    auto sheet_it = sheets.find(item);
    for (const Criterion& c : rubric.criteria) {
      int n = 0;
      double sum = 0;
      if (sheet_it != sheets.end()) {
        for (const auto& [scorer, sheet] : sheet_it->second) {
          for (const Score& s : sheet) {
            if (s.code == c.code) {
              ++n;
              sum += s.value;
              break;
            }
          }
        }
      }
      CriterionMean m;
      m.code = c.code;
      m.mean = n > 0 ? sum / n : 0;
      m.required = c.required;
      // Only a required criterion can fail; one nobody scored has not met
      // the pass score.
      m.met = !c.required || (n > 0 && m.mean >= rubric.pass_score);
      if (!m.met) summary.required_unmet.push_back(c.code);
      summary.criteria.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace tdkt::scoring
