// How a parent node's statutory forms reach its children's figures: each
// child node's yearly report carries them upward (YearlyReport.statutory),
// and the reporting service, which stores those reports, hands them over.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "services/reporting/statutory/domain/statutory_forms.h"

namespace tdkt::reporting::statutory {

// One child node's latest statutory figures, as its yearly report carried them.
struct ChildFigures {
  std::string agency;  // The child node's unit.
  Figures figures;
};

// Where a parent node finds its children's figures (the reporting node reads
// each child's latest received report). Kept as an interface so that this
// component does not depend on the yearly report's storage.
class ChildFiguresSource {
 public:
  virtual ~ChildFiguresSource() = default;
  // Each child that has reported for `year`, with its figures.
  virtual Result<std::vector<ChildFigures>> LatestChildFigures(int year) = 0;
};

}  // namespace tdkt::reporting::statutory
