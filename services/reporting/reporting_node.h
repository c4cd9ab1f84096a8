// Wires the reporting service's parts together: Redis, stores, the
// nomination service's client, use cases, the gRPC services (reports,
// activities, quotas, the federation inbox and the statutory forms) and, when
// the node has a parent, the uplink that delivers submitted reports to the
// parent's ReportFederationService. Used by main() and by the tests.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/gauge_refresher.h"
#include "common/auth.h"
#include "common/clock.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/federation/uplink.h"
#include "common/nomination_client.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/reporting/api/activity_service.h"
#include "services/reporting/api/quota_service.h"
#include "services/reporting/api/report_federation_service.h"
#include "services/reporting/api/report_service.h"
#include "services/reporting/app/activity_manager.h"
#include "services/reporting/app/quota_manager.h"
#include "services/reporting/app/report_manager.h"
#include "services/reporting/app/reporting_context.h"
#include "services/reporting/statutory/statutory_component.h"
#include "services/reporting/storage/activity_store.h"
#include "services/reporting/storage/quota_store.h"
#include "services/reporting/storage/report_store.h"

namespace tdkt::reporting {

struct ReportingNodeOptions {
  RedisOptions redis;
  std::string jwt_secret;
  std::string node_agency = "TW";
  std::string nomination_address = "127.0.0.1:50051";
  int nomination_deadline_ms = 3000;
  // The node's campaign-media service (the report's media figures); empty =
  // none (the media section says so).
  std::string campaign_media_address = "127.0.0.1:50053";
  int campaign_media_deadline_ms = 3000;
  const Clock* clock = nullptr;                 // Null: the system clock.
  federation::FederationConfig federation;      // Disabled: standalone node.
  // The node's signing key; when absent and a parent is configured, it is
  // loaded (or created) from federation.signing_key_file.
  std::optional<federation::SigningKey> signing_key;
  int gauge_refresh_ms = 0;  // tdkt_reports_* recount; 0 = never on a thread.
};

class ReportingNode {
 public:
  ReportingNode(ReportingNodeOptions options, prometheus::Registry* registry);
  ~ReportingNode();
  // Connects, parses the children's keys, prepares the uplink.
  Status Initialize();
  void Register(ServerHost& host);
  // Starts / stops the background uplink (no-op without a parent).
  void StartUplink();
  void StopUplink();
  // Delivers queued reports now (tests); 0 without a parent.
  Result<int> DrainUplink();
  federation::Uplink* uplink() { return uplink_.get(); }
  RedisClient& redis() { return redis_; }
  ReportManager& reports() { return report_manager_; }
  // Recounts tdkt_reports_{expected,received,overdue}{year} for this year and
  // the last (Vietnam time); no-op without a registry.
  Status RefreshGauges();

 private:
  Status Send(const federation::QueuedItem& item);

  ReportingNodeOptions options_;
  prometheus::Registry* registry_;
  SystemClock system_clock_;
  RedisClient redis_;
  TokenVerifier verifier_;
  NominationClient nominations_;
  CampaignMediaSource campaign_media_;
  ReportStore report_store_;
  ActivityStore activity_store_;
  QuotaStore quota_store_;
  // tdkt.reporting.v1.StatutoryService; before the managers, which use it.
  StatutoryComponent statutory_;
  ReportingContext context_;
  QuotaManager quota_manager_;
  ActivityManager activity_manager_;
  ReportManager report_manager_;
  ReportServiceImpl report_service_;
  ActivityServiceImpl activity_service_;
  QuotaServiceImpl quota_service_;
  ReportFederationServiceImpl federation_service_;
  std::unique_ptr<federation::Uplink> uplink_;
  std::unique_ptr<rv1::ReportFederationService::Stub> parent_;
  struct ReportGauges;
  std::unique_ptr<ReportGauges> gauges_;  // Null without a registry.
  std::unique_ptr<GaugeRefresher> gauge_refresher_;
};

}  // namespace tdkt::reporting
