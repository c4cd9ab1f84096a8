// The campaign-media service binary: campaigns, media items checked against
// the exemplars' records, contests, exchange events, replication, the year's
// figures for reporting, and the public HTTP site (feeds, e-publication).
#include <memory>

#include "common/service_main.h"
#include "services/campaign_media/campaign_media_node.h"
#include "services/campaign_media/components.h"

int main(int argc, char** argv) {
  tdkt::ServiceMain service("campaign-media", 3);
  auto& config = service.config();
  config.Declare("nomination-address", "127.0.0.1:50051", "gRPC address of this node's nomination service");
  config.Declare("nomination-deadline-ms", "10000", "deadline of one call to the nomination service");
  config.Declare("public-http-port", "8053", "port of the public site (feeds, e-publication); -1 = none");
  config.Declare("public-http-host", "127.0.0.1", "address the public site listens on");
  config.Declare("nomination-watch-ms", "1000", "how often the nomination change feed is read");

  std::unique_ptr<tdkt::campaign_media::CampaignMediaNode> node;
  int rc = service.Run(argc, argv, [&](tdkt::ServerHost& host) -> tdkt::Status {
    auto secret = tdkt::LoadOrCreateSecret(config.Get("jwt-secret-file"));
    if (!secret.ok()) return secret.status();
    tdkt::campaign_media::CampaignMediaNodeOptions options;
    options.redis = tdkt::RedisOptionsFrom(config);
    options.jwt_secret = *secret;
    options.node_agency = config.Get("node-agency");
    options.nomination_address = config.Get("nomination-address");
    options.nomination_deadline_ms = config.GetInt("nomination-deadline-ms");
    options.public_http_host = config.Get("public-http-host");
    options.public_http_port = config.GetInt("public-http-port");
    options.nomination_watch_ms = config.GetInt("nomination-watch-ms");
    node = std::make_unique<tdkt::campaign_media::CampaignMediaNode>(options, &service.metrics().registry());
    TDKT_RETURN_IF_ERROR(node->Initialize());
    tdkt::campaign_media::AddAllComponents(*node);
    node->Register(host);
    return node->Start();
  });
  if (node) node->Stop();
  return rc;
}
