// gRPC handlers of tdkt.nomination.v1.AgencyService (callback API).
#pragma once

#include "common/auth.h"
#include "services/nomination/app/agency_manager.h"
#include "tdkt/nomination/v1/agency.grpc.pb.h"

namespace tdkt::nomination {

class AgencyService final : public v1::AgencyService::CallbackService {
 public:
  AgencyService(AgencyManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}
  grpc::ServerUnaryReactor* GetAgency(grpc::CallbackServerContext* c, const v1::GetAgencyRequest* r,
                                      v1::Agency* out) override;
  grpc::ServerUnaryReactor* ListAgencies(grpc::CallbackServerContext* c, const v1::ListAgenciesRequest* r,
                                         v1::ListAgenciesResponse* out) override;
  grpc::ServerUnaryReactor* AddAgency(grpc::CallbackServerContext* c, const v1::AddAgencyRequest* r,
                                      v1::Agency* out) override;
  grpc::ServerUnaryReactor* RenameAgency(grpc::CallbackServerContext* c, const v1::RenameAgencyRequest* r,
                                         v1::Agency* out) override;
  grpc::ServerUnaryReactor* MoveAgency(grpc::CallbackServerContext* c, const v1::MoveAgencyRequest* r,
                                       v1::Agency* out) override;
  grpc::ServerUnaryReactor* MergeAgency(grpc::CallbackServerContext* c, const v1::MergeAgencyRequest* r,
                                        v1::Agency* out) override;
  grpc::ServerUnaryReactor* ListFields(grpc::CallbackServerContext* c, const v1::ListFieldsRequest* r,
                                       v1::ListFieldsResponse* out) override;
  grpc::ServerUnaryReactor* DefineField(grpc::CallbackServerContext* c, const v1::DefineFieldRequest* r,
                                        v1::Field* out) override;
  grpc::ServerUnaryReactor* SnapshotAgencies(grpc::CallbackServerContext* c, const v1::SnapshotAgenciesRequest* r,
                                             v1::AgencySnapshot* out) override;

 private:
  AgencyManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::nomination
