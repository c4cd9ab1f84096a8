// gRPC handlers of tdkt.reporting.v1.ActivityService (callback API):
// authenticate, delegate to ActivityManager, map the Status.
#pragma once

#include "common/auth.h"
#include "services/reporting/app/activity_manager.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"

namespace tdkt::reporting {

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

}  // namespace tdkt::reporting
