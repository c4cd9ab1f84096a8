// One way to call the servers: unary calls through grpc::GenericStub with
// serialized bytes, so typed commands and `tdktctl call` share one path.
// Every call carries the caller's token and a deadline.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

namespace tdkt::ctl {

struct Endpoint {
  std::string addr = "127.0.0.1:50051";  // host:port
  std::string token;                      // JWT; empty = send none
  int64_t timeout_ms = 10000;             // deadline of each call
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
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
};

// Finds a method in the generated descriptor pool. Accepts
// "pkg.Service/Method", "/pkg.Service/Method" and "pkg.Service.Method"; a
// service name without package works when it is unique ("NominationService/
// GetNomination"). Null when unknown.
const google::protobuf::MethodDescriptor* FindMethod(const std::string& name);

// Every service compiled into this binary, sorted by full name.
std::vector<const google::protobuf::ServiceDescriptor*> AllServices();

}  // namespace tdkt::ctl
