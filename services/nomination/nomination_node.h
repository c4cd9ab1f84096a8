// Wires the nomination service's parts together: Redis client, repositories,
// agency directory, managers and the three gRPC services. Used by main()
// and by the end-to-end tests, so both run exactly the same objects.
#pragma once

#include <memory>
#include <string>

#include "common/auth.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/nomination/api/agency_service.h"
#include "services/nomination/api/movement_service.h"
#include "services/nomination/api/nomination_service.h"
#include "services/nomination/app/agency_manager.h"
#include "services/nomination/app/movement_manager.h"
#include "services/nomination/app/nomination_manager.h"
#include "services/nomination/storage/agency_directory.h"
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
};

class NominationNode {
 public:
  NominationNode(NominationNodeOptions options, prometheus::Registry* registry);
  // Connects to Redis and seeds/loads the agency hierarchy.
  Status Initialize();
  void Register(ServerHost& host);
  RedisClient& redis() { return redis_; }
  const TokenVerifier& verifier() const { return verifier_; }

 private:
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
};

}  // namespace tdkt::nomination
