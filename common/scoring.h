// Rubric scoring shared by every jury of the suite (evaluation councils,
// campaign-media contest juries): a scorer's sheet is checked against the
// rubric, weighted into a total, and the totals of many scorers summarised
// per item, optionally as z-scores so a strict and a lenient scorer weigh
// the same. Plain structs; each service adapts its own protos.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace tdkt::scoring {

struct Criterion {
  std::string code;
  double weight = 1;    // Above 0.
  int max_score = 10;   // Scores run 0..max_score.
  bool required = false;
};

struct Score {
  std::string code;
  int value = 0;
};

using Sheet = std::vector<Score>;

// What is wrong with a sheet, for the caller to word in its own language.
struct SheetProblem {
  enum Kind { kEmpty, kUnknownCode, kDuplicateCode, kOutOfRange, kMissingRequired };
  Kind kind = kEmpty;
  int index = -1;       // Position of the offending score; -1 for the sheet.
  std::string code;     // Criterion code concerned.
  int value = 0;        // kOutOfRange: the score given...
  int max_score = 0;    // ...and the criterion's scale.
  // "scores", "scores[i].code" or "scores[i].score" under `list`.
  std::string Field(const std::string& list = "scores") const;
};

// First problem of a sheet, in this order: no score at all; for each score
// in order, unknown code, repeated code, value outside 0..max_score; then a
// required criterion without a score. Nothing when the sheet is good.
std::optional<SheetProblem> FindSheetProblem(const Sheet& sheet, const std::vector<Criterion>& rubric);

// FindSheetProblem as INVALID_ARGUMENT on the problem's field (English
// messages, e.g. "score 12 is outside the scale 0..10").
Status CheckSheet(const Sheet& sheet, const std::vector<Criterion>& rubric, const std::string& list = "scores");

// One scorer's weighted total: sum(weight * value) / sum(weight) over the
// scored criteria of the rubric (others ignored); 0 for an empty sheet.
double WeightedTotal(const Sheet& sheet, const std::vector<Criterion>& rubric);

struct Rubric {
  std::vector<Criterion> criteria;
  int pass_score = 0;   // Mean a required criterion must reach to be met.
};

struct CriterionMean {
  std::string code;
  double mean = 0;      // Over the scorers who scored it.
  bool required = false;
  bool met = true;      // Not required, or scored with mean >= pass_score.
};

struct Summary {
  int scorers = 0;               // Scorers with a non-empty sheet of the item.
  double mean_total = 0;         // Mean of their weighted totals.
  double normalised_total = 0;   // Mean of their z-scores (when normalising).
  std::vector<CriterionMean> criteria;      // In rubric order.
  std::vector<std::string> required_unmet;  // Codes of required criteria not met.
  bool requirements_met() const { return required_unmet.empty(); }
};

// sheets[item][scorer] = that scorer's sheet of the item.
using Sheets = std::map<std::string, std::map<std::string, Sheet>>;

// Summaries per item (every item of `sheets` or `rubrics`). With
// `normalise`, each scorer's totals across the items they scored become
// z-scores ((x - mean) / population standard deviation of that scorer; 0
// when the scorer scored one item or all alike), and normalised_total is
// their mean over the item's scorers. An empty sheet counts as no sheet.
std::map<std::string, Summary> Summarise(const Sheets& sheets, const std::map<std::string, Rubric>& rubrics,
                                         bool normalise);

}  // namespace tdkt::scoring
