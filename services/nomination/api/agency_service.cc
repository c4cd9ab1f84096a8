#include "services/nomination/api/agency_service.h"

#include "common/rpc_handler.h"

namespace tdkt::nomination {

grpc::ServerUnaryReactor* AgencyService::GetAgency(grpc::CallbackServerContext* c, const v1::GetAgencyRequest* r,
                                                   v1::Agency* out) {
  return HandleUnary(c, "GetAgency", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::ListAgencies(grpc::CallbackServerContext* c,
                                                      const v1::ListAgenciesRequest* r,
                                                      v1::ListAgenciesResponse* out) {
  return HandleUnary(c, "ListAgencies", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::AddAgency(grpc::CallbackServerContext* c, const v1::AddAgencyRequest* r,
                                                   v1::Agency* out) {
  return HandleUnary(c, "AddAgency", verifier_, out, [&](const Caller& caller) { return manager_.Add(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::RenameAgency(grpc::CallbackServerContext* c,
                                                      const v1::RenameAgencyRequest* r, v1::Agency* out) {
  return HandleUnary(c, "RenameAgency", verifier_, out, [&](const Caller& caller) { return manager_.Rename(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::MoveAgency(grpc::CallbackServerContext* c, const v1::MoveAgencyRequest* r,
                                                    v1::Agency* out) {
  return HandleUnary(c, "MoveAgency", verifier_, out, [&](const Caller& caller) { return manager_.Move(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::MergeAgency(grpc::CallbackServerContext* c,
                                                     const v1::MergeAgencyRequest* r, v1::Agency* out) {
  return HandleUnary(c, "MergeAgency", verifier_, out, [&](const Caller& caller) { return manager_.Merge(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::ListFields(grpc::CallbackServerContext* c, const v1::ListFieldsRequest* r,
                                                    v1::ListFieldsResponse* out) {
  return HandleUnary(c, "ListFields", verifier_, out, [&](const Caller& caller) { return manager_.ListFields(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::DefineField(grpc::CallbackServerContext* c,
                                                     const v1::DefineFieldRequest* r, v1::Field* out) {
  return HandleUnary(c, "DefineField", verifier_, out, [&](const Caller& caller) { return manager_.DefineField(caller, *r); });
}

grpc::ServerUnaryReactor* AgencyService::SnapshotAgencies(grpc::CallbackServerContext* c,
                                                          const v1::SnapshotAgenciesRequest* r,
                                                          v1::AgencySnapshot* out) {
  return HandleUnary(c, "SnapshotAgencies", verifier_, out, [&](const Caller& caller) { return manager_.Snapshot(caller, *r); });
}

}  // namespace tdkt::nomination
