// What every test that needs Redis or a live service shares: the throwaway
// Redis that `make test` starts (TDKT_TEST_REDIS_PORT), and an in-process
// nomination service on a free loopback port, built from the same objects
// as the production binary.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/auth.h"
#include "common/metrics.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/nomination/nomination_node.h"

namespace tdkt::testing {

// Port of the test Redis; aborts the test binary with a clear message when
// TDKT_TEST_REDIS_PORT is not set (run tests through `make test`).
int TestRedisPort();
RedisOptions TestRedisOptions();
// Empties the test Redis (tests run one at a time).
void FlushTestRedis();
// Path of deploy/data/agencies-demo.json (real units of Hà Nội and Khánh Hòa).
std::string DemoAgenciesFile();

constexpr const char* kTestSecret = "test-secret-0123456789abcdef0123456789abcdef";

// A running nomination service on a fresh, flushed Redis.
class NominationServer {
 public:
  NominationServer();
  ~NominationServer();
  std::string address() const { return "127.0.0.1:" + std::to_string(host_->grpc_port()); }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  Metrics& metrics() { return metrics_; }
  // A token for `role` acting for `agency`.
  std::string Token(Role role, const std::string& agency, const std::string& subject = "tester") const;
  // A client context carrying that token and a 10 s deadline.
  std::unique_ptr<grpc::ClientContext> Context(Role role, const std::string& agency) const;
  void Stop();

 private:
  Metrics metrics_;
  std::unique_ptr<nomination::NominationNode> node_;
  std::unique_ptr<ServerHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
  TokenVerifier minter_{kTestSecret};
};

}  // namespace tdkt::testing
