// gRPC handler of tdkt.reporting.v1.ReportFederationService (callback API).
// The exception to token authentication: a child node proves who it is by
// the envelope's signature, which ReportManager::Receive checks.
#pragma once

#include "common/auth.h"
#include "services/reporting/app/report_manager.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"

namespace tdkt::reporting {

class ReportFederationServiceImpl final : public rv1::ReportFederationService::CallbackService {
 public:
  explicit ReportFederationServiceImpl(ReportManager& m) : m_(m) {}
  grpc::ServerUnaryReactor* ReceiveReport(grpc::CallbackServerContext* c, const fv1::Envelope* r,
                                          fv1::Receipt* out) override;

 private:
  ReportManager& m_;
};

}  // namespace tdkt::reporting
