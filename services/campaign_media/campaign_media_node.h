// Wires the campaign-media service: Redis, the record store and request memo
// (keys cm:*), the nomination service's client, the shared context, and the
// components added to it (see components.h for the production set). Used by
// main() and by the tests, which may add only the components they exercise.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/auth.h"
#include "common/clock.h"
#include "common/nomination_client.h"
#include "common/record_store.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/component.h"

namespace tdkt::campaign_media {

struct CampaignMediaNodeOptions {
  RedisOptions redis;
  std::string jwt_secret;
  std::string node_agency = "TW";
  std::string nomination_address = "127.0.0.1:50051";
  int nomination_deadline_ms = 3000;
  const Clock* clock = nullptr;   // Null: the system clock.
  // The public HTTP site (feeds, e-publication): address and port; port -1
  // = no site (tests that do not need it), 0 = a free port.
  std::string public_http_host = "127.0.0.1";
  int public_http_port = -1;
  // How often the nomination change feed is read (automatic retraction).
  int nomination_watch_ms = 1000;
};

class CampaignMediaNode {
 public:
  CampaignMediaNode(CampaignMediaNodeOptions options, prometheus::Registry* registry);
  ~CampaignMediaNode();

  // Connects to Redis.
  Status Initialize();
  // Takes ownership; call before Register.
  void Add(std::unique_ptr<Component> component);
  void Register(ServerHost& host);
  // Starts / stops the components' background work.
  Status Start();
  void Stop();

  const CampaignMediaNodeOptions& options() const { return options_; }
  prometheus::Registry* registry() { return registry_; }
  CampaignMediaContext& context() { return context_; }
  const TokenVerifier& verifier() const { return verifier_; }
  RedisClient& redis() { return redis_; }

 private:
  CampaignMediaNodeOptions options_;
  prometheus::Registry* registry_;
  SystemClock system_clock_;
  RedisClient redis_;
  TokenVerifier verifier_;
  RecordStore store_;
  RequestMemo memo_;
  NominationClient nominations_;
  CampaignMediaContext context_;
  std::vector<std::unique_ptr<Component>> components_;
};

}  // namespace tdkt::campaign_media
