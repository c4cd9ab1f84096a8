// Unary calls by method path with serialized bytes (grpc::GenericStub), for
// callers that know a method only from its descriptor: tdktctl's `call` and
// typed commands, and the JSON gateway. Blocking; one client per channel,
// safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

namespace tdkt {

using RpcMetadata = std::vector<std::pair<std::string, std::string>>;

class GenericRpcClient {
 public:
  explicit GenericRpcClient(std::shared_ptr<grpc::Channel> channel);

  // Calls `path` ("/pkg.Service/Method") with `request` bytes, sending
  // `metadata` (lower-case keys, e.g. {"authorization", "Bearer ..."}), and
  // waits at most `timeout_ms`. On OK, *response holds the answer's bytes.
  grpc::Status Call(const std::string& path, const std::string& request, const RpcMetadata& metadata,
                    int64_t timeout_ms, std::string* response) const;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
};

}  // namespace tdkt
