#include "services/reporting/api/report_federation_service.h"

#include "common/channel.h"
#include "common/log.h"
#include "common/rpc_handler.h"

namespace tdkt::reporting {

grpc::ServerUnaryReactor* ReportFederationServiceImpl::ReceiveReport(grpc::CallbackServerContext* c,
                                                                   const fv1::Envelope* r, fv1::Receipt* out) {
  grpc::ServerUnaryReactor* reactor = c->DefaultReactor();
  Status peer = CheckPeerAgency(*c, r->sender_agency());
  auto receipt = peer.ok() ? m_.Receive(*r) : Result<fv1::Receipt>(peer);
  if (receipt.ok()) {
    *out = std::move(*receipt);
  } else {
    log::Info("report refused", {{"method", "ReceiveReport"},
                                 {"sender", r->sender_agency().substr(0, 40)},
                                 {"error", receipt.status().ToString()}});
  }
  reactor->Finish(ToGrpcStatus(receipt.ok() ? Status::Ok() : receipt.status()));
  return reactor;
}

}  // namespace tdkt::reporting
