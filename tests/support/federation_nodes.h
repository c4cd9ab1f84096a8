// Two (or more) nomination nodes in one test process, as the federation
// runs them: each its own logical database of the test Redis, its own node
// key, its own gRPC server on loopback. Federation threads are off: tests
// drive DrainUplinkOnce() and PollOutcomesOnce() themselves.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/metrics.h"
#include "common/server_host.h"
#include "services/nomination/nomination_node.h"
#include "tdkt/nomination/v1/federation.grpc.pb.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {

class FederationNode {
 public:
  // `agency` is the node's agency, `db` its logical Redis database.
  FederationNode(std::string agency, int db);
  ~FederationNode();

  const std::string& agency() const { return agency_; }
  const federation::SigningKey& key() const { return key_; }
  federation::FederationConfig& config() { return config_; }  // Edit before Start().
  // Run the uplink drainer and the outcome poller on their threads (as in
  // production) from the next Start(); off by default.
  void set_threads(bool on, int poll_interval_ms) {
    threads_ = on;
    poll_interval_ms_ = poll_interval_ms;
  }

  // Starts node and server; `port` 0 picks a free one (keep it to restart
  // on the same port). Aborts the test binary on failure.
  void Start(int port = 0);
  void Stop();  // Server and node; the Redis data stays.
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  nomination::NominationNode& node() { return *node_; }
  nomination::v1::NominationService::Stub& stub() { return *stub_; }
  nomination::v1::NominationFederationService::Stub& federation_stub() { return *federation_stub_; }
  // A context with a token for `role` of `agency` and a 10 s deadline.
  std::unique_ptr<grpc::ClientContext> Context(Role role, const std::string& agency) const;
  // A client on this node's Redis database.
  RedisClient& redis() { return *redis_; }

 private:
  friend void Link(FederationNode& parent, FederationNode& child);

  std::string agency_;
  int db_;
  const FederationNode* parent_node_ = nullptr;
  federation::SigningKey key_;
  federation::FederationConfig config_;
  int port_ = 0;
  bool threads_ = false;
  int poll_interval_ms_ = 2000;
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<nomination::NominationNode> node_;
  std::unique_ptr<ServerHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<nomination::v1::NominationService::Stub> stub_;
  std::unique_ptr<nomination::v1::NominationFederationService::Stub> federation_stub_;
  std::unique_ptr<RedisClient> redis_;
  TokenVerifier minter_{kTestSecret};
};

// Makes `child` a child of `parent` (keys both ways; the child takes the
// parent's address when it starts). Call before either starts, and start the
// parent first.
void Link(FederationNode& parent, FederationNode& child);

}  // namespace tdkt::testing
