// A running evaluation service wired to a running nomination service, both
// in-process on loopback ports over the test Redis, built from the same
// objects as the production binaries. Time is a ManualClock the test moves.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/clock.h"
#include "services/evaluation/evaluation_node.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {

class EvaluationServer {
 public:
  EvaluationServer();
  ~EvaluationServer();
  NominationServer& nomination() { return nomination_; }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  ManualClock& clock() { return clock_; }
  Metrics& metrics() { return metrics_; }
  evaluation::EvaluationNode& node() { return *node_; }
  // A client context for `subject` with `role` acting for `agency`.
  std::unique_ptr<grpc::ClientContext> Context(Role role, const std::string& agency,
                                               const std::string& subject = "") const;

 private:
  NominationServer nomination_;
  ManualClock clock_;
  Metrics metrics_;
  std::unique_ptr<evaluation::EvaluationNode> node_;
  std::unique_ptr<ServerHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace tdkt::testing
