// One part of the campaign-media service (campaigns, media items, contests,
// outreach, figures, the public site): its stores, use cases and gRPC
// services, built on the node's shared context. The node registers every
// component on its gRPC host and starts their background work.
#pragma once

#include "common/server_host.h"
#include "common/status.h"

namespace tdkt::campaign_media {

class Component {
 public:
  virtual ~Component() = default;
  // Adds the component's gRPC services to the host (before it starts).
  virtual void Register(ServerHost& host) = 0;
  // Starts background work (watchers, HTTP listeners); after Register.
  virtual Status Start() { return Status::Ok(); }
  // Stops it; called before the host shuts down. Must be safe to call twice.
  virtual void Stop() {}
};

}  // namespace tdkt::campaign_media
