// The baseline services of `make bench` (tdkt.bench.v1.EchoService, callback
// API, like every service of the suite): Echo returns the payload, EchoSet
// first does one Redis SET through the suite's RedisClient. They show what
// gRPC alone, and gRPC plus one Redis round trip, cost on this machine.
#pragma once

#include <atomic>
#include <cstdint>

#include "common/redis_client.h"
#include "tdkt/bench/v1/echo.grpc.pb.h"

namespace tdkt::bench {

class EchoService final : public v1::EchoService::CallbackService {
 public:
  explicit EchoService(RedisClient& redis) : redis_(redis) {}

  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context, const v1::EchoRequest* request,
                                 v1::EchoResponse* response) override;
  grpc::ServerUnaryReactor* EchoSet(grpc::CallbackServerContext* context, const v1::EchoRequest* request,
                                    v1::EchoResponse* response) override;

 private:
  RedisClient& redis_;
  std::atomic<uint64_t> next_key_{0};
};

}  // namespace tdkt::bench
