// The reporting service binary: yearly reports, quotas, activity records,
// submission upward to the parent node and roll-ups of the children's reports.
#include <memory>

#include "common/service_main.h"
#include "services/reporting/reporting_node.h"

int main(int argc, char** argv) {
  tdkt::ServiceMain service("reporting", 4);
  auto& config = service.config();
  config.Declare("nomination-address", "127.0.0.1:50051", "gRPC address of this node's nomination service");
  config.Declare("nomination-deadline-ms", "10000", "deadline of one call to the nomination service");
  config.Declare("campaign-media-address", "127.0.0.1:50053",
                 "gRPC address of this node's campaign-media service (the report's media figures); empty = none");

  std::unique_ptr<tdkt::reporting::ReportingNode> node;
  int rc = service.Run(argc, argv, [&](tdkt::ServerHost& host) -> tdkt::Status {
    auto secret = tdkt::LoadOrCreateSecret(config.Get("jwt-secret-file"));
    if (!secret.ok()) return secret.status();
    tdkt::reporting::ReportingNodeOptions options;
    options.redis = tdkt::RedisOptionsFrom(config);
    options.jwt_secret = *secret;
    options.node_agency = config.Get("node-agency");
    options.nomination_address = config.Get("nomination-address");
    options.nomination_deadline_ms = config.GetInt("nomination-deadline-ms");
    options.gauge_refresh_ms = config.GetInt("gauge-refresh-ms");
    options.campaign_media_address = config.Get("campaign-media-address");
    auto federation = tdkt::federation::FederationConfig::Load(config.Get("federation-file"));
    if (!federation.ok()) return federation.status();
    federation->tls = tdkt::TlsFilesFrom(config);
    federation->instance = tdkt::InstanceName(config);
    options.federation = std::move(*federation);
    node = std::make_unique<tdkt::reporting::ReportingNode>(options, &service.metrics().registry());
    TDKT_RETURN_IF_ERROR(node->Initialize());
    node->Register(host);
    node->StartUplink();
    return tdkt::Status::Ok();
  });
  if (node) node->StopUplink();
  return rc;
}
