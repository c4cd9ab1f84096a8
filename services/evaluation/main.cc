// The evaluation service binary: criteria, eligibility rules, councils,
// sessions with secret ballots, appraisal, disclosure and decisions.
#include <memory>
#include <sstream>

#include "common/service_main.h"
#include "common/vn_time.h"
#include "services/evaluation/evaluation_node.h"

int main(int argc, char** argv) {
  tdkt::ServiceMain service("evaluation", 2);
  auto& config = service.config();
  config.Declare("nomination-address", "127.0.0.1:50051", "gRPC address of this node's nomination service");
  config.Declare("nomination-deadline-ms", "3000", "deadline of one call to the nomination service");
  config.Declare("holidays", "",
                 "public holidays not counted as working days in disclosure periods: YYYY-MM-DD,YYYY-MM-DD,...");

  std::unique_ptr<tdkt::evaluation::EvaluationNode> node;
  return service.Run(argc, argv, [&](tdkt::ServerHost& host) -> tdkt::Status {
    auto secret = tdkt::LoadOrCreateSecret(config.Get("jwt-secret-file"));
    if (!secret.ok()) return secret.status();
    tdkt::evaluation::EvaluationNodeOptions options;
    options.redis = tdkt::RedisOptionsFrom(config);
    options.jwt_secret = *secret;
    options.node_agency = config.Get("node-agency");
    options.nomination_address = config.Get("nomination-address");
    options.nomination_deadline_ms = config.GetInt("nomination-deadline-ms");
    std::stringstream holidays(config.Get("holidays"));
    for (std::string day; std::getline(holidays, day, ',');) {
      if (day.empty()) continue;
      if (!tdkt::IsIsoDate(day)) {
        return tdkt::Status::InvalidArgument("holidays", "'" + day + "' is not a date written YYYY-MM-DD");
      }
      options.holidays.insert(day);
    }
    node = std::make_unique<tdkt::evaluation::EvaluationNode>(options, &service.metrics().registry());
    TDKT_RETURN_IF_ERROR(node->Initialize());
    node->Register(host);
    return tdkt::Status::Ok();
  });
}
