// gRPC handlers of tdkt.reporting.v1.StatutoryService: authenticate, call
// the manager, map the Status. One line each.
#pragma once

#include "common/auth.h"
#include "services/reporting/statutory/app/statutory_manager.h"
#include "tdkt/reporting/v1/statutory.grpc.pb.h"

namespace tdkt::reporting::statutory {

class StatutoryService final : public v1::StatutoryService::CallbackService {
 public:
  StatutoryService(StatutoryManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* RecordOrganisation(grpc::CallbackServerContext* c, const v1::RecordOrganisationRequest* r,
                                               v1::StatOrganisation* out) override;
  grpc::ServerUnaryReactor* RecordStaff(grpc::CallbackServerContext* c, const v1::RecordStaffRequest* r,
                                        v1::StatStaff* out) override;
  grpc::ServerUnaryReactor* ListOrganisations(grpc::CallbackServerContext* c, const v1::ListOrganisationsRequest* r,
                                              v1::ListOrganisationsResponse* out) override;
  grpc::ServerUnaryReactor* ListStaff(grpc::CallbackServerContext* c, const v1::ListStaffRequest* r,
                                      v1::ListStaffResponse* out) override;
  grpc::ServerUnaryReactor* GetStatutoryForms(grpc::CallbackServerContext* c, const v1::GetStatutoryFormsRequest* r,
                                              v1::StatutoryForms* out) override;
  grpc::ServerUnaryReactor* ExportStatutoryForms(grpc::CallbackServerContext* c,
                                                 const v1::ExportStatutoryFormsRequest* r,
                                                 v1::StatutoryFile* out) override;

 private:
  StatutoryManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::reporting::statutory
