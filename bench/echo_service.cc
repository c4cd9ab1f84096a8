#include "bench/echo_service.h"

#include "common/grpc_status.h"

namespace tdkt::bench {

grpc::ServerUnaryReactor* EchoService::Echo(grpc::CallbackServerContext* context, const v1::EchoRequest* request,
                                            v1::EchoResponse* response) {
  response->set_payload(request->payload());
  auto* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerUnaryReactor* EchoService::EchoSet(grpc::CallbackServerContext* context, const v1::EchoRequest* request,
                                               v1::EchoResponse* response) {
  // Blocking, on the handler's thread, exactly as the nomination handlers
  // call Redis, so that the baseline pays the same threading costs.
  const uint64_t n = next_key_.fetch_add(1, std::memory_order_relaxed);
  auto reply = redis_.Command({"SET", "bench:echo:" + std::to_string(n), request->payload()});
  auto* reactor = context->DefaultReactor();
  if (!reply.ok()) {
    reactor->Finish(ToGrpcStatus(reply.status()));
    return reactor;
  }
  response->set_payload(request->payload());
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

}  // namespace tdkt::bench
