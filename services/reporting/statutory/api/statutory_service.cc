#include "services/reporting/statutory/api/statutory_service.h"

#include "common/rpc_handler.h"

namespace tdkt::reporting::statutory {

grpc::ServerUnaryReactor* StatutoryService::RecordOrganisation(grpc::CallbackServerContext* c,
    const v1::RecordOrganisationRequest* r, v1::StatOrganisation* out) {
  return HandleUnary(c, "RecordOrganisation", verifier_, out,
                     [&](const Caller& caller) { return manager_.RecordOrganisation(caller, *r); });
}

grpc::ServerUnaryReactor* StatutoryService::RecordStaff(grpc::CallbackServerContext* c, const v1::RecordStaffRequest* r,
    v1::StatStaff* out) {
  return HandleUnary(c, "RecordStaff", verifier_, out, [&](const Caller& caller) { return manager_.RecordStaff(caller, *r); });
}

grpc::ServerUnaryReactor* StatutoryService::ListOrganisations(grpc::CallbackServerContext* c,
    const v1::ListOrganisationsRequest* r, v1::ListOrganisationsResponse* out) {
  return HandleUnary(c, "ListOrganisations", verifier_, out,
                     [&](const Caller& caller) { return manager_.ListOrganisations(caller, *r); });
}

grpc::ServerUnaryReactor* StatutoryService::ListStaff(grpc::CallbackServerContext* c, const v1::ListStaffRequest* r,
    v1::ListStaffResponse* out) {
  return HandleUnary(c, "ListStaff", verifier_, out, [&](const Caller& caller) { return manager_.ListStaff(caller, *r); });
}

grpc::ServerUnaryReactor* StatutoryService::GetStatutoryForms(grpc::CallbackServerContext* c,
    const v1::GetStatutoryFormsRequest* r, v1::StatutoryForms* out) {
  return HandleUnary(c, "GetStatutoryForms", verifier_, out, [&](const Caller& caller) { return manager_.GetForms(caller, *r); });
}

grpc::ServerUnaryReactor* StatutoryService::ExportStatutoryForms(grpc::CallbackServerContext* c,
    const v1::ExportStatutoryFormsRequest* r, v1::StatutoryFile* out) {
  return HandleUnary(c, "ExportStatutoryForms", verifier_, out,
                     [&](const Caller& caller) { return manager_.Export(caller, *r); });
}

}  // namespace tdkt::reporting::statutory
