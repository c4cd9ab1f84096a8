// gRPC handlers of tdkt.reporting.v1.QuotaService (callback API):
// authenticate, delegate to QuotaManager, map the Status.
#pragma once

#include "common/auth.h"
#include "services/reporting/app/quota_manager.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"

namespace tdkt::reporting {

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

}  // namespace tdkt::reporting
