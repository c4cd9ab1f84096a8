#include "services/reporting/api/services.h"

#include "common/log.h"
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

grpc::ServerUnaryReactor* ActivityServiceImpl::RecordInspection(grpc::CallbackServerContext* c, const rv1::RecordInspectionRequest* r,
    rv1::Inspection* out) {
  return HandleUnary(c, "RecordInspection", v_, out, [&](const Caller& caller) { return m_.RecordInspection(caller, *r); });
}

grpc::ServerUnaryReactor* ActivityServiceImpl::RecordTraining(grpc::CallbackServerContext* c, const rv1::RecordTrainingRequest* r,
    rv1::Training* out) {
  return HandleUnary(c, "RecordTraining", v_, out, [&](const Caller& caller) { return m_.RecordTraining(caller, *r); });
}

grpc::ServerUnaryReactor* ActivityServiceImpl::RecordBudget(grpc::CallbackServerContext* c, const rv1::RecordBudgetRequest* r,
    rv1::Budget* out) {
  return HandleUnary(c, "RecordBudget", v_, out, [&](const Caller& caller) { return m_.RecordBudget(caller, *r); });
}

grpc::ServerUnaryReactor* ActivityServiceImpl::ListInspections(grpc::CallbackServerContext* c, const rv1::ListActivitiesRequest* r,
    rv1::ListInspectionsResponse* out) {
  return HandleUnary(c, "ListInspections", v_, out, [&](const Caller& caller) { return m_.ListInspections(caller, *r); });
}

grpc::ServerUnaryReactor* ActivityServiceImpl::ListTrainings(grpc::CallbackServerContext* c, const rv1::ListActivitiesRequest* r,
    rv1::ListTrainingsResponse* out) {
  return HandleUnary(c, "ListTrainings", v_, out, [&](const Caller& caller) { return m_.ListTrainings(caller, *r); });
}

grpc::ServerUnaryReactor* ActivityServiceImpl::ListBudgets(grpc::CallbackServerContext* c, const rv1::ListActivitiesRequest* r,
    rv1::ListBudgetsResponse* out) {
  return HandleUnary(c, "ListBudgets", v_, out, [&](const Caller& caller) { return m_.ListBudgets(caller, *r); });
}

grpc::ServerUnaryReactor* QuotaServiceImpl::GetQuotaRules(grpc::CallbackServerContext* c, const rv1::GetQuotaRulesRequest* r,
    rv1::QuotaRules* out) {
  return HandleUnary(c, "GetQuotaRules", v_, out, [&](const Caller& caller) { return m_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* QuotaServiceImpl::SetQuotaRules(grpc::CallbackServerContext* c, const rv1::SetQuotaRulesRequest* r,
    rv1::QuotaRules* out) {
  return HandleUnary(c, "SetQuotaRules", v_, out, [&](const Caller& caller) { return m_.Set(caller, *r); });
}

grpc::ServerUnaryReactor* ReportFederationServiceImpl::ReceiveReport(grpc::CallbackServerContext* c,
                                                                   const fv1::Envelope* r, fv1::Receipt* out) {
  grpc::ServerUnaryReactor* reactor = c->DefaultReactor();
  auto receipt = m_.Receive(*r);
  if (receipt.ok()) {
    *out = std::move(*receipt);
  } else {
    log::Info("report refused", {{"method", "ReceiveReport"},
                                 {"sender", r->sender_agency().substr(0, 40)},
                                 {"error", receipt.status().ToString()}});
  }
  reactor->Finish(ToGrpcStatus(receipt.ok() ? Status::Ok() : receipt.status()));
  return reactor;
}

}  // namespace tdkt::reporting
