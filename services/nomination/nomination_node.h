// Wires the nomination service's parts together: Redis client, repositories,
// agency directory, managers and the three gRPC services. Used by main()
// and by the end-to-end tests, so both run exactly the same objects.
#pragma once

#include <memory>
#include <string>

#include "common/auth.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/federation/uplink.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/nomination/api/agency_service.h"
#include "services/nomination/api/federation_service.h"
#include "services/nomination/api/parent_client.h"
#include "services/nomination/api/movement_service.h"
#include "services/nomination/api/nomination_service.h"
#include "services/nomination/app/agency_manager.h"
#include "common/gauge_refresher.h"
#include "services/nomination/app/exemplar_gauges.h"
#include "services/nomination/app/federation_manager.h"
#include "services/nomination/app/movement_manager.h"
#include "services/nomination/app/nomination_manager.h"
#include "services/nomination/storage/agency_directory.h"
#include "services/nomination/storage/federation_store.h"
#include "services/nomination/storage/movement_repository.h"
#include "services/nomination/storage/redis_nomination_repository.h"

namespace tdkt::nomination {

struct NominationNodeOptions {
  RedisOptions redis;
  std::string agencies_file;   // Seed of the hierarchy, used when Redis has none.
  std::string root_id = "TW";  // Root the file's top-level units hang under.
  std::string root_name = "Ban Thi đua - Khen thưởng Trung ương";
  std::string jwt_secret;
  std::string node_agency;     // Agency this node serves; must be in the hierarchy.
  // Where the node sits in the federation (--federation-file); disabled
  // (standalone) by default. Its agency, when set, must equal node_agency
  // (or stands for it when node_agency is empty).
  federation::FederationConfig federation;
  federation::SigningKey signing_key;  // This node's key (federation.signing_key_file).
  // Start the uplink drainer and the outcome poller when a parent is
  // configured. Tests turn it off and drive DrainUplinkOnce()/PollOutcomesOnce().
  bool federation_threads = true;
  int outcome_poll_interval_ms = 2000;  // --outcome-poll-ms.
  // Recount tdkt_exemplars{state} this often (--gauge-refresh-ms); 0 = never
  // on a thread (tests call RefreshGauges()). Needs a registry.
  int gauge_refresh_ms = 0;
};

class NominationNode {
 public:
  NominationNode(NominationNodeOptions options, prometheus::Registry* registry);
  ~NominationNode();  // Stops the federation threads.
  // Connects to Redis and seeds/loads the agency hierarchy; with a parent,
  // prepares the uplink and (federation_threads) starts it and the poller.
  Status Initialize();
  // Registers NominationService, MovementService, AgencyService and, always,
  // NominationFederationService (a node without children refuses every
  // sender as unknown).
  void Register(ServerHost& host);
  // Stops the uplink drainer and the outcome poller (idempotent).
  void StopFederation();
  // One drain of the uplink queue / one poll of the parent's outcomes
  // (tests). Without a parent: 0.
  Result<int> DrainUplinkOnce();
  Result<int> PollOutcomesOnce();
  federation::Uplink* uplink() { return uplink_.get(); }  // Null without a parent.
  // Recounts the business gauges now (no-op without a registry).
  Status RefreshGauges();
  RedisClient& redis() { return redis_; }
  const TokenVerifier& verifier() const { return verifier_; }

 private:
  Status InitializeFederation();

  NominationNodeOptions options_;
  RedisClient redis_;
  TokenVerifier verifier_;
  RedisNominationRepository nominations_;
  MovementRepository movements_;
  AgencyDirectory agencies_;
  NominationManager nomination_manager_;
  MovementManager movement_manager_;
  AgencyManager agency_manager_;
  NominationService nomination_service_;
  MovementService movement_service_;
  AgencyService agency_service_;
  prometheus::Registry* registry_;
  FederationStore federation_store_;
  std::unique_ptr<ParentClient> parent_;  // Null without a parent.
  FederationManager federation_manager_;
  NominationFederationService federation_service_;
  std::unique_ptr<ExemplarGauges> gauges_;       // Null without a registry.
  std::unique_ptr<GaugeRefresher> gauge_refresher_;
  std::unique_ptr<federation::Uplink> uplink_;  // Last: stopped first.
};

}  // namespace tdkt::nomination
