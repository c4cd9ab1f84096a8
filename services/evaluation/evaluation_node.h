// Wires the evaluation service's parts together: Redis client, stores,
// the nomination service's client, use cases and the four gRPC services.
// Used by main() and by the tests, so both run exactly the same objects.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "common/auth.h"
#include "common/clock.h"
#include "common/gauge_refresher.h"
#include "common/nomination_client.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/evaluation/api/council_service.h"
#include "services/evaluation/api/criteria_service.h"
#include "services/evaluation/api/decision_service.h"
#include "services/evaluation/api/session_service.h"
#include "services/evaluation/app/context.h"
#include "services/evaluation/app/council_manager.h"
#include "services/evaluation/app/criteria_manager.h"
#include "services/evaluation/app/decision_manager.h"
#include "services/evaluation/app/session_manager.h"

namespace prometheus {
class Gauge;
}  // namespace prometheus

namespace tdkt::evaluation {

struct EvaluationNodeOptions {
  RedisOptions redis;
  std::string jwt_secret;
  std::string node_agency = "TW";          // The node's agency: identity towards the nomination service.
  std::string nomination_address = "127.0.0.1:50051";
  int nomination_deadline_ms = 3000;
  const Clock* clock = nullptr;            // Null: the system clock.
  std::set<std::string> holidays;          // Public holidays, YYYY-MM-DD: no working days.
  int gauge_refresh_ms = 0;                // tdkt_open_ballots recount; 0 = never on a thread.
};

class EvaluationNode {
 public:
  EvaluationNode(EvaluationNodeOptions options, prometheus::Registry* registry);
  ~EvaluationNode();  // Stops the gauge thread.
  // Connects to Redis and preloads the national criteria and rules.
  Status Initialize();
  void Register(ServerHost& host);
  RedisClient& redis() { return redis_; }
  // What the use cases share (tests reach the request memo through it).
  EvaluationContext& context() { return context_; }
  // Recounts tdkt_open_ballots now (no-op without a registry).
  Status RefreshGauges();

 private:
  EvaluationNodeOptions options_;
  SystemClock system_clock_;
  RedisClient redis_;
  TokenVerifier verifier_;
  NominationClient nominations_;
  RecordStore store_;
  RequestMemo memo_;
  CouncilRepository councils_;
  SessionRepository sessions_;
  CriteriaRepository criteria_;
  AwardRegister awards_;
  DecisionRepository decisions_;
  EvaluationContext context_;
  CriteriaManager criteria_manager_;
  CouncilManager council_manager_;
  SessionManager session_manager_;
  DecisionManager decision_manager_;
  CriteriaService criteria_service_;
  CouncilService council_service_;
  SessionService session_service_;
  DecisionService decision_service_;
  prometheus::Gauge* open_ballots_ = nullptr;  // Null without a registry.
  std::unique_ptr<GaugeRefresher> gauge_refresher_;
};

}  // namespace tdkt::evaluation
