// One way to call the servers: unary calls by method path with serialized
// bytes (common/generic_rpc.h), so typed commands and `tdktctl call` share
// one path.
// Every call carries the caller's token and a deadline.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include "common/channel.h"
#include "common/generic_rpc.h"

namespace tdkt::ctl {

struct Endpoint {
  std::string addr = "127.0.0.1:50051";  // host:port
  std::string token;                      // JWT; empty = send none
  int64_t timeout_ms = 10000;             // deadline of each call
  TlsFiles tls;                           // mutual TLS when all three files are set
};

class RpcClient {
 public:
  explicit RpcClient(Endpoint endpoint);

  const Endpoint& endpoint() const { return endpoint_; }

  // Calls `path` ("/pkg.Service/Method") with serialized request bytes.
  // `timeout_ms` <= 0 means the endpoint's timeout.
  grpc::Status CallBytes(const std::string& path, const std::string& request, std::string* response,
                         int64_t timeout_ms = 0);

  // Calls the method named "pkg.Service/Method"; request and response must be
  // of its input and output types (typed or dynamic messages alike).
  grpc::Status Call(const std::string& method, const google::protobuf::Message& request,
                    google::protobuf::Message* response);

 private:
  Endpoint endpoint_;
  std::unique_ptr<GenericRpcClient> client_;
};

// Finds a method in the generated descriptor pool. Accepts
// "pkg.Service/Method", "/pkg.Service/Method" and "pkg.Service.Method"; a
// service name without package works when it is unique ("NominationService/
// GetNomination"). Null when unknown.
const google::protobuf::MethodDescriptor* FindMethod(const std::string& name);

// Every service compiled into this binary, sorted by full name.
std::vector<const google::protobuf::ServiceDescriptor*> AllServices();

}  // namespace tdkt::ctl
