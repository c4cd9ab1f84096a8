// A running reporting service in-process on a loopback port, wired to a
// running nomination service, built from the same objects as the production
// binary (ReportingNode). Several can share one nomination server, each on
// its own Redis logical database (a child node and its parent).
#pragma once

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "services/reporting/reporting_node.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {

// Options for a node of `agency` on the test Redis database `db`, using
// `nomination`'s service and the test token key; no campaign-media (set
// campaign_media_address to a test server's address for media figures).
reporting::ReportingNodeOptions ReportingOptions(const NominationServer& nomination, const std::string& agency,
                                                 int db = 0);

class ReportingServer {
 public:
  explicit ReportingServer(reporting::ReportingNodeOptions options);
  ~ReportingServer();
  std::string address() const { return "127.0.0.1:" + std::to_string(host_->grpc_port()); }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  reporting::ReportingNode& node() { return *node_; }
  // A client context with a token for `role` acting for `agency`, 20 s deadline.
  std::unique_ptr<grpc::ClientContext> Context(Role role, const std::string& agency) const;

 private:
  Metrics metrics_;
  TokenVerifier minter_;
  std::unique_ptr<reporting::ReportingNode> node_;
  std::unique_ptr<ServerHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace tdkt::testing
