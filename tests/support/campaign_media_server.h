// A running campaign-media service wired to a running nomination service,
// both in-process on loopback ports over the test Redis, built from the same
// objects as the production binary. The test chooses the components (all of
// them by default). Time is a ManualClock the test moves.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/clock.h"
#include "services/campaign_media/campaign_media_node.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {

class CampaignMediaServer {
 public:
  using AddComponents = std::function<void(campaign_media::CampaignMediaNode&)>;
  // `add` adds the components to serve; `options` may set the public port
  // and the watch interval (redis, secret, agency and addresses are filled in).
  explicit CampaignMediaServer(const AddComponents& add,
                               campaign_media::CampaignMediaNodeOptions options = {});
  ~CampaignMediaServer();
  NominationServer& nomination() { return nomination_; }
  campaign_media::CampaignMediaNode& node() { return *node_; }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(host_->grpc_port()); }
  ManualClock& clock() { return clock_; }
  Metrics& metrics() { return metrics_; }
  // A client context for `subject` with `role` acting for `agency`.
  std::unique_ptr<grpc::ClientContext> Context(Role role, const std::string& agency,
                                               const std::string& subject = "") const;

 private:
  NominationServer nomination_;
  ManualClock clock_;
  Metrics metrics_;
  std::unique_ptr<campaign_media::CampaignMediaNode> node_;
  std::unique_ptr<ServerHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace tdkt::testing
