#include "services/reporting/api/quota_service.h"

#include "common/rpc_handler.h"

namespace tdkt::reporting {

grpc::ServerUnaryReactor* QuotaServiceImpl::GetQuotaRules(grpc::CallbackServerContext* c, const rv1::GetQuotaRulesRequest* r,
    rv1::QuotaRules* out) {
  return HandleUnary(c, "GetQuotaRules", v_, out, [&](const Caller& caller) { return m_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* QuotaServiceImpl::SetQuotaRules(grpc::CallbackServerContext* c, const rv1::SetQuotaRulesRequest* r,
    rv1::QuotaRules* out) {
  return HandleUnary(c, "SetQuotaRules", v_, out, [&](const Caller& caller) { return m_.Set(caller, *r); });
}

}  // namespace tdkt::reporting
