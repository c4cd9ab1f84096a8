#include "services/nomination/api/federation_service.h"

#include <chrono>

#include "common/channel.h"
#include "common/grpc_status.h"
#include "common/log.h"

namespace tdkt::nomination {
namespace {

// HandleUnary (common/rpc_handler.h) without the token: refuse expired
// deadlines, run, map the Status once, log refusals with the sender only.
template <typename Response, typename Fn>
grpc::ServerUnaryReactor* HandleSigned(grpc::CallbackServerContext* context, const char* method,
                                       const fv1::Envelope& envelope, Response* response, Fn&& fn) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Status status;
  if (context->deadline() <= std::chrono::system_clock::now()) {
    status = Status::DeadlineExceeded("the call's deadline passed before it could start");
  } else if (Status peer = CheckPeerAgency(*context, envelope.sender_agency()); !peer.ok()) {
    status = peer;
    log::Info("rpc refused", {{"method", method},
                              {"sender", envelope.sender_agency().substr(0, 40)},
                              {"error", status.ToString()}});
  } else {
    auto result = fn();
    if (result.ok()) {
      *response = std::move(*result);
    } else {
      status = result.status();
      log::Info("rpc refused", {{"method", method},
                                {"sender", envelope.sender_agency().substr(0, 40)},
                                {"message_id", envelope.message_id().substr(0, 120)},
                                {"error", status.ToString()}});
    }
  }
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

}  // namespace

grpc::ServerUnaryReactor* NominationFederationService::ReceiveProposal(grpc::CallbackServerContext* c,
                                                                       const fv1::Envelope* r, fv1::Receipt* out) {
  return HandleSigned(c, "ReceiveProposal", *r, out, [&] { return manager_.ReceiveProposal(*r); });
}

grpc::ServerUnaryReactor* NominationFederationService::PollOutcomes(grpc::CallbackServerContext* c,
                                                                    const fv1::Envelope* r, fv1::Envelope* out) {
  return HandleSigned(c, "PollOutcomes", *r, out, [&] { return manager_.PollOutcomes(*r); });
}

}  // namespace tdkt::nomination
