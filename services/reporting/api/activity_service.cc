#include "services/reporting/api/activity_service.h"

#include "common/rpc_handler.h"

namespace tdkt::reporting {

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

}  // namespace tdkt::reporting
