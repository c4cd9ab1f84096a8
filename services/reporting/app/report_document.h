// Turns a yearly report or a roll-up into the export model
// (services/reporting/export/table.h): Vietnamese titles and column headers,
// units by their real names. Pure conversion, no I/O.
#pragma once

#include <functional>
#include <string>

#include "services/reporting/export/table.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

namespace rv1 = ::tdkt::reporting::v1;

// The real name of a unit by id (the id itself when unknown).
using UnitNames = std::function<std::string(const std::string&)>;

// `names` may be empty: units in inspections are then shown by id.
Document ReportDocument(const rv1::YearlyReport& report, const UnitNames& names = {});
// The merged report's tables, then one table of the children's completeness.
Document RollupDocument(const rv1::Rollup& rollup, const UnitNames& names = {});

}  // namespace tdkt::reporting
