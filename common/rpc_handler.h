// The shape of every unary handler: authenticate, refuse expired deadlines,
// run the domain call, map its Status to gRPC once, and log failures without
// request bodies. Handlers stay one line each.
#pragma once

#include <chrono>
#include <utility>

#include <grpcpp/grpcpp.h>

#include "common/auth.h"
#include "common/grpc_status.h"
#include "common/log.h"

namespace tdkt {

// `fn(const Caller&)` returns Result<Response>. `method` names the RPC in logs.
template <typename Response, typename Fn>
grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* context, const char* method,
                                      const TokenVerifier& verifier, Response* response, Fn&& fn) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Status status;
  if (context->deadline() <= std::chrono::system_clock::now()) {
    status = Status::DeadlineExceeded("the call's deadline passed before it could start");
  } else {
    Result<Caller> caller = Authenticate(*context, verifier);
    if (!caller.ok()) {
      status = caller.status();
    } else {
      auto result = fn(*caller);
      if (result.ok()) {
        *response = std::move(*result);
      } else {
        status = result.status();
      }
      if (!status.ok()) {
        log::Info("rpc refused", {{"method", method},
                                  {"subject", caller->subject},
                                  {"role", RoleName(caller->role)},
                                  {"error", status.ToString()}});
      }
    }
  }
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

}  // namespace tdkt
