// gRPC handlers of tdkt.reporting.v1 (callback API): authenticate, delegate
// to the managers, map the Status. No rules live here. ReceiveReport is the
// exception to token authentication: a child node proves who it is by the
// envelope's signature, which ReportManager::Receive checks.
#pragma once

#include "common/auth.h"
#include "services/reporting/app/managers.h"
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

class ActivityServiceImpl final : public rv1::ActivityService::CallbackService {
 public:
  ActivityServiceImpl(ActivityManager& m, const TokenVerifier& v) : m_(m), v_(v) {}
  grpc::ServerUnaryReactor* RecordInspection(grpc::CallbackServerContext* c, const rv1::RecordInspectionRequest* r,
                                             rv1::Inspection* out) override;
  grpc::ServerUnaryReactor* RecordTraining(grpc::CallbackServerContext* c, const rv1::RecordTrainingRequest* r,
                                           rv1::Training* out) override;
  grpc::ServerUnaryReactor* RecordBudget(grpc::CallbackServerContext* c, const rv1::RecordBudgetRequest* r,
                                         rv1::Budget* out) override;
  grpc::ServerUnaryReactor* ListInspections(grpc::CallbackServerContext* c, const rv1::ListActivitiesRequest* r,
                                            rv1::ListInspectionsResponse* out) override;
  grpc::ServerUnaryReactor* ListTrainings(grpc::CallbackServerContext* c, const rv1::ListActivitiesRequest* r,
                                          rv1::ListTrainingsResponse* out) override;
  grpc::ServerUnaryReactor* ListBudgets(grpc::CallbackServerContext* c, const rv1::ListActivitiesRequest* r,
                                        rv1::ListBudgetsResponse* out) override;

 private:
  ActivityManager& m_;
  const TokenVerifier& v_;
};

class QuotaServiceImpl final : public rv1::QuotaService::CallbackService {
 public:
  QuotaServiceImpl(QuotaManager& m, const TokenVerifier& v) : m_(m), v_(v) {}
  grpc::ServerUnaryReactor* GetQuotaRules(grpc::CallbackServerContext* c, const rv1::GetQuotaRulesRequest* r,
                                          rv1::QuotaRules* out) override;
  grpc::ServerUnaryReactor* SetQuotaRules(grpc::CallbackServerContext* c, const rv1::SetQuotaRulesRequest* r,
                                          rv1::QuotaRules* out) override;

 private:
  QuotaManager& m_;
  const TokenVerifier& v_;
};

class ReportFederationServiceImpl final : public rv1::ReportFederationService::CallbackService {
 public:
  explicit ReportFederationServiceImpl(ReportManager& m) : m_(m) {}
  grpc::ServerUnaryReactor* ReceiveReport(grpc::CallbackServerContext* c, const fv1::Envelope* r,
                                          fv1::Receipt* out) override;

 private:
  ReportManager& m_;
};

}  // namespace tdkt::reporting
