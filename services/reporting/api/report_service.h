// gRPC handlers of tdkt.reporting.v1.ReportService (callback API):
// authenticate, delegate to ReportManager, map the Status. No rules live here.
#pragma once

#include "common/auth.h"
#include "services/reporting/app/report_manager.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"

namespace tdkt::reporting {

class ReportServiceImpl final : public rv1::ReportService::CallbackService {
 public:
  ReportServiceImpl(ReportManager& m, const TokenVerifier& v) : m_(m), v_(v) {}
  grpc::ServerUnaryReactor* BuildReport(grpc::CallbackServerContext* c, const rv1::BuildReportRequest* r,
                                        rv1::YearlyReport* out) override;
  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* c, const rv1::SubmitReportRequest* r,
                                         rv1::ReportVersion* out) override;
  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* c, const rv1::GetReportRequest* r,
                                      rv1::ReportVersion* out) override;
  grpc::ServerUnaryReactor* ListReportVersions(grpc::CallbackServerContext* c,
                                               const rv1::ListReportVersionsRequest* r,
                                               rv1::ListReportVersionsResponse* out) override;
  grpc::ServerUnaryReactor* GetRollup(grpc::CallbackServerContext* c, const rv1::GetRollupRequest* r,
                                      rv1::Rollup* out) override;
  grpc::ServerUnaryReactor* ExportReport(grpc::CallbackServerContext* c, const rv1::ExportReportRequest* r,
                                         rv1::ExportReportResponse* out) override;

 private:
  ReportManager& m_;
  const TokenVerifier& v_;
};

}  // namespace tdkt::reporting
