#include "services/reporting/app/quota_manager.h"

#include "common/access.h"
#include "common/vn_time.h"

namespace tdkt::reporting {

Result<rv1::QuotaRules> QuotaManager::ForYear(int year) {
  const std::string period = PlanPeriodOf(year);
  auto stored = ctx_.quotas.Get(period);
  if (!stored.ok()) return stored.status();
  if (*stored) return **stored;
  return DefaultQuotaRules(period);
}

Result<rv1::QuotaRules> QuotaManager::Get(const Caller&, const rv1::GetQuotaRulesRequest& request) {
  std::string period = request.plan_period();
  if (period.empty()) period = PlanPeriodOf(VietnamYear(ctx_.clock.NowSeconds()));
  rv1::QuotaRules probe;
  probe.set_plan_period(period);
  Status st = CheckQuotaRules(probe);
  if (!st.ok()) return Status::InvalidArgument("plan_period", st.message());
  auto stored = ctx_.quotas.Get(period);
  if (!stored.ok()) return stored.status();
  if (*stored) return **stored;
  return DefaultQuotaRules(period);
}

Result<rv1::QuotaRules> QuotaManager::Set(const Caller& caller, const rv1::SetQuotaRulesRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "set quota rules"));
  // The rules serve the whole node: only an admin of the node's agency (or above).
  auto tree = ctx_.TreeFor(caller, ctx_.node_agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  TDKT_RETURN_IF_ERROR(CheckQuotaRules(request.rules()));
  return ctx_.quotas.Set(request.request_id(), request.rules());
}

}  // namespace tdkt::reporting
