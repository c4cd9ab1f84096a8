// Yearly reports: built live (BuildReport, ExportReport, GetRollup:
// reporting_officer, officer, admin, node), frozen and queued upward
// (SubmitReport: reporting_officer, admin), read back (GetReport,
// ListReportVersions: also inspector, supervisor), and a child node's signed
// submission received (no token: the envelope's signature is the identity).
// A node reports only on its own subtree.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/auth.h"
#include "services/reporting/app/activity_manager.h"
#include "services/reporting/app/quota_manager.h"
#include "services/reporting/app/reporting_context.h"
#include "services/reporting/domain/report_rules.h"
#include "services/reporting/statutory/app/statutory_manager.h"
#include "tdkt/federation/v1/envelope.pb.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

// Also the statutory forms' source of the children's figures: each child's
// latest received report carries them (YearlyReport.statutory).
class ReportManager final : public statutory::ChildFiguresSource {
 public:
  ReportManager(ReportingContext& ctx, QuotaManager& quotas, ActivityManager& activities,
                statutory::StatutoryManager& statutory)
      : ctx_(ctx), quotas_(quotas), activities_(activities), statutory_(statutory) {}
  Result<rv1::YearlyReport> Build(const Caller& caller, const rv1::BuildReportRequest& request);
  Result<rv1::ReportVersion> Submit(const Caller& caller, const rv1::SubmitReportRequest& request);
  Result<rv1::ReportVersion> Get(const Caller& caller, const rv1::GetReportRequest& request);
  Result<rv1::ListReportVersionsResponse> ListVersions(const Caller& caller,
                                                       const rv1::ListReportVersionsRequest& request);
  Result<rv1::Rollup> Rollup(const Caller& caller, const rv1::GetRollupRequest& request);
  Result<rv1::ExportReportResponse> Export(const Caller& caller, const rv1::ExportReportRequest& request);
  // A child's signed report (no token: the envelope's signature is the identity).
  Result<fv1::Receipt> Receive(const fv1::Envelope& envelope);

  // The live report of `agency` (checks done by the caller), with the
  // statutory figures of its subtree.
  Result<rv1::YearlyReport> Compute(const AgencyTree& tree, const std::string& agency, int year);
  // The node's own data and each child's latest report, counted once; the
  // merged statutory figures likewise (statutory::MergeRollup).
  Result<rv1::Rollup> ComputeRollup(const AgencyTree& tree, int year);
  // Only the children's completeness of `year` (no merged report): cheap
  // enough for the tdkt_reports_* gauges.
  Result<rv1::Rollup> Completeness(const AgencyTree& tree, int year);

  // statutory::ChildFiguresSource: the statutory figures of each expected
  // child's latest received report for `year`.
  Result<std::vector<statutory::ChildFigures>> LatestChildFigures(int year) override;

 private:
  struct ChildReports {
    std::vector<ExpectedChild> expected;                    // Every child in the federation file.
    std::map<std::string, rv1::ReportVersion> latest;       // Latest received, by agency.
    std::map<std::string, int64_t> first_received_ms;       // When its first version came.
  };
  Status CollectChildReports(const AgencyTree& tree, int year, ChildReports* out);
  Result<std::vector<RecordFacts>> Facts(const std::string& agency);
  ReportingContext& ctx_;
  QuotaManager& quotas_;
  ActivityManager& activities_;
  statutory::StatutoryManager& statutory_;
};

}  // namespace tdkt::reporting
