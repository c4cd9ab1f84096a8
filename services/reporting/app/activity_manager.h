// Activity records of a unit: inspections (inspector, officer, admin),
// trainings (officer, reporting_officer, admin) and budgets
// (reporting_officer, admin), checked and recorded once per request id;
// listed paged by every role. A caller acts only inside its agency's subtree.
#pragma once

#include <string>
#include <vector>

#include "common/auth.h"
#include "services/reporting/app/reporting_context.h"
#include "services/reporting/domain/report_rules.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

class ActivityManager {
 public:
  explicit ActivityManager(ReportingContext& ctx) : ctx_(ctx) {}
  Result<rv1::Inspection> RecordInspection(const Caller& caller, const rv1::RecordInspectionRequest& request);
  Result<rv1::Training> RecordTraining(const Caller& caller, const rv1::RecordTrainingRequest& request);
  Result<rv1::Budget> RecordBudget(const Caller& caller, const rv1::RecordBudgetRequest& request);
  Result<rv1::ListInspectionsResponse> ListInspections(const Caller& caller, const rv1::ListActivitiesRequest& r);
  Result<rv1::ListTrainingsResponse> ListTrainings(const Caller& caller, const rv1::ListActivitiesRequest& r);
  Result<rv1::ListBudgetsResponse> ListBudgets(const Caller& caller, const rv1::ListActivitiesRequest& r);
  // Every activity of `agency` in `year`.
  Result<Activities> ForYear(const std::string& agency, int year);

 private:
  ReportingContext& ctx_;
};

}  // namespace tdkt::reporting
