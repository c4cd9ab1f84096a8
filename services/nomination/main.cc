// The nomination service binary: candidates, movements and the agency
// hierarchy of one node.
#include <cstdlib>
#include <memory>

#include "common/log.h"
#include "common/service_main.h"
#include "services/nomination/nomination_node.h"

int main(int argc, char** argv) {
  tdkt::ServiceMain service("nomination", 1);
  auto& config = service.config();
  config.Declare("agencies-file", "deploy/data/agencies-demo.json",
                 "JSON list of agency units seeding the hierarchy on first start");
  config.Declare("agency-root-id", "TW", "code of the root unit the file's top-level units hang under");
  config.Declare("agency-root-name", "Ban Thi đua - Khen thưởng Trung ương", "name of that root unit");
  config.Declare("outcome-poll-ms", "2000",
                 "how often a node with a parent fetches the outcomes of its proposals (ms)");

  std::unique_ptr<tdkt::nomination::NominationNode> node;
  return service.Run(argc, argv, [&](tdkt::ServerHost& host) -> tdkt::Status {
    auto secret = tdkt::LoadOrCreateSecret(config.Get("jwt-secret-file"));
    if (!secret.ok()) return secret.status();
    tdkt::nomination::NominationNodeOptions options;
    options.redis = tdkt::RedisOptionsFrom(config);
    options.agencies_file = config.Get("agencies-file");
    options.root_id = config.Get("agency-root-id");
    options.root_name = config.Get("agency-root-name");
    options.jwt_secret = *secret;
    options.node_agency = config.Get("node-agency");
    auto federation = tdkt::federation::FederationConfig::Load(config.Get("federation-file"));
    if (!federation.ok()) return federation.status();
    federation->tls = tdkt::TlsFilesFrom(config);
    federation->instance = tdkt::InstanceName(config);
    options.federation = *federation;
    if (options.federation.enabled()) {
      auto key = tdkt::federation::SigningKey::LoadOrCreate(options.federation.signing_key_file);
      if (!key.ok()) return key.status();
      options.signing_key = *key;
    }
    options.outcome_poll_interval_ms = config.GetInt("outcome-poll-ms");
    options.gauge_refresh_ms = config.GetInt("gauge-refresh-ms");
    if (options.outcome_poll_interval_ms < 50) {
      return tdkt::Status::InvalidArgument("outcome-poll-ms", "must be at least 50");
    }
    node = std::make_unique<tdkt::nomination::NominationNode>(options, &service.metrics().registry());
    TDKT_RETURN_IF_ERROR(node->Initialize());
    node->Register(host);
    return tdkt::Status::Ok();
  });
}
