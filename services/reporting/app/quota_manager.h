// Quota rules of the node as data per five-year plan period: read (every
// role; stored rules or the built-in defaults) and set (an admin of the
// node's agency, once per request id).
#pragma once

#include <string>
#include <vector>

#include "common/auth.h"
#include "services/reporting/app/reporting_context.h"
#include "services/reporting/domain/report_rules.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

class QuotaManager {
 public:
  explicit QuotaManager(ReportingContext& ctx) : ctx_(ctx) {}
  Result<rv1::QuotaRules> Get(const Caller& caller, const rv1::GetQuotaRulesRequest& request);
  Result<rv1::QuotaRules> Set(const Caller& caller, const rv1::SetQuotaRulesRequest& request);
  // The rules in force for `year`: stored, or the built-in defaults.
  Result<rv1::QuotaRules> ForYear(int year);

 private:
  ReportingContext& ctx_;
};

}  // namespace tdkt::reporting
