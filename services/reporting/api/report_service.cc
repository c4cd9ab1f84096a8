#include "services/reporting/api/report_service.h"

#include "common/rpc_handler.h"

namespace tdkt::reporting {

grpc::ServerUnaryReactor* ReportServiceImpl::BuildReport(grpc::CallbackServerContext* c, const rv1::BuildReportRequest* r,
    rv1::YearlyReport* out) {
  return HandleUnary(c, "BuildReport", v_, out, [&](const Caller& caller) { return m_.Build(caller, *r); });
}

grpc::ServerUnaryReactor* ReportServiceImpl::SubmitReport(grpc::CallbackServerContext* c, const rv1::SubmitReportRequest* r,
    rv1::ReportVersion* out) {
  return HandleUnary(c, "SubmitReport", v_, out, [&](const Caller& caller) { return m_.Submit(caller, *r); });
}

grpc::ServerUnaryReactor* ReportServiceImpl::GetReport(grpc::CallbackServerContext* c, const rv1::GetReportRequest* r,
    rv1::ReportVersion* out) {
  return HandleUnary(c, "GetReport", v_, out, [&](const Caller& caller) { return m_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* ReportServiceImpl::ListReportVersions(grpc::CallbackServerContext* c, const rv1::ListReportVersionsRequest* r,
    rv1::ListReportVersionsResponse* out) {
  return HandleUnary(c, "ListReportVersions", v_, out, [&](const Caller& caller) { return m_.ListVersions(caller, *r); });
}

grpc::ServerUnaryReactor* ReportServiceImpl::GetRollup(grpc::CallbackServerContext* c, const rv1::GetRollupRequest* r,
    rv1::Rollup* out) {
  return HandleUnary(c, "GetRollup", v_, out, [&](const Caller& caller) { return m_.Rollup(caller, *r); });
}

grpc::ServerUnaryReactor* ReportServiceImpl::ExportReport(grpc::CallbackServerContext* c, const rv1::ExportReportRequest* r,
    rv1::ExportReportResponse* out) {
  return HandleUnary(c, "ExportReport", v_, out, [&](const Caller& caller) { return m_.Export(caller, *r); });
}

}  // namespace tdkt::reporting
