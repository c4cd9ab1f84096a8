// The reporting service's use cases: access by role, input checks, and the
// calls into storage, the nomination service and the domain rules.
//
// Roles: BuildReport, GetRollup, ExportReport: reporting_officer, officer,
// admin, node; SubmitReport: reporting_officer, admin; GetReport,
// ListReportVersions and List*: every role; RecordInspection: inspector,
// officer, admin; RecordTraining: officer, reporting_officer, admin;
// RecordBudget: reporting_officer, admin; SetQuotaRules: admin;
// GetQuotaRules: every role. A caller acts only inside its agency's subtree,
// and a node reports only on its own subtree.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/auth.h"
#include "common/clock.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/nomination_client.h"
#include "services/reporting/domain/report_rules.h"
#include "services/reporting/storage/report_store.h"
#include "tdkt/federation/v1/envelope.pb.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

namespace fv1 = ::tdkt::federation::v1;

struct ReportingContext {
  NominationClient& nominations;
  ReportStore& reports;
  ActivityStore& activities;
  QuotaStore& quotas;
  const Clock& clock;
  std::string node_agency;
  const federation::FederationConfig& federation;
  std::map<std::string, federation::PublicKey> child_keys;  // Senders this node accepts reports from.

  int64_t NowMs() const { return clock.NowSeconds() * 1000; }
  // The tree, the agency known (INVALID_ARGUMENT on `field` otherwise) and
  // inside both the caller's subtree and the node's.
  Result<std::shared_ptr<const AgencyTree>> TreeFor(const Caller& caller, const std::string& agency,
                                                    const char* field);
};

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

class ReportManager {
 public:
  ReportManager(ReportingContext& ctx, QuotaManager& quotas, ActivityManager& activities)
      : ctx_(ctx), quotas_(quotas), activities_(activities) {}
  Result<rv1::YearlyReport> Build(const Caller& caller, const rv1::BuildReportRequest& request);
  Result<rv1::ReportVersion> Submit(const Caller& caller, const rv1::SubmitReportRequest& request);
  Result<rv1::ReportVersion> Get(const Caller& caller, const rv1::GetReportRequest& request);
  Result<rv1::ListReportVersionsResponse> ListVersions(const Caller& caller,
                                                       const rv1::ListReportVersionsRequest& request);
  Result<rv1::Rollup> Rollup(const Caller& caller, const rv1::GetRollupRequest& request);
  Result<rv1::ExportReportResponse> Export(const Caller& caller, const rv1::ExportReportRequest& request);
  // A child's signed report (no token: the envelope's signature is the identity).
  Result<fv1::Receipt> Receive(const fv1::Envelope& envelope);

  // The live report of `agency` (checks done by the caller).
  Result<rv1::YearlyReport> Compute(const AgencyTree& tree, const std::string& agency, int year);
  Result<rv1::Rollup> ComputeRollup(const AgencyTree& tree, int year);

 private:
  Result<std::vector<RecordFacts>> Facts(const std::string& agency);
  ReportingContext& ctx_;
  QuotaManager& quotas_;
  ActivityManager& activities_;
};

}  // namespace tdkt::reporting
