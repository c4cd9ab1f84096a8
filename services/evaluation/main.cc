// The evaluation service binary: criteria, eligibility rules, councils,
// sessions with secret ballots, appraisal, disclosure and decisions.
#include <memory>
#include <sstream>

#include "common/service_main.h"
#include "common/vn_time.h"
#include "services/evaluation/evaluation_node.h"

namespace {
// The system clock shifted by whole days. Only for drills and demos
// (deploy/run-demo.sh back-dates a public disclosure so that its legal
// period has passed); access tokens are still checked against real time.
class OffsetClock : public tdkt::Clock {
 public:
  explicit OffsetClock(int64_t offset_seconds) : offset_(offset_seconds) {}
  int64_t NowSeconds() const override { return system_.NowSeconds() + offset_; }

 private:
  tdkt::SystemClock system_;
  int64_t offset_;
};
}  // namespace

int main(int argc, char** argv) {
  tdkt::ServiceMain service("evaluation", 2);
  auto& config = service.config();
  config.Declare("nomination-address", "127.0.0.1:50051", "gRPC address of this node's nomination service");
  config.Declare("nomination-deadline-ms", "3000", "deadline of one call to the nomination service");
  config.Declare("holidays", "",
                 "public holidays not counted as working days in disclosure periods: YYYY-MM-DD,YYYY-MM-DD,...");
  config.Declare("clock-offset-days", "0",
                 "shifts this service's clock by whole days, -366..366 (drills and demos only; 0 in production)");

  std::unique_ptr<OffsetClock> offset_clock;
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
    options.gauge_refresh_ms = config.GetInt("gauge-refresh-ms");
    std::stringstream holidays(config.Get("holidays"));
    for (std::string day; std::getline(holidays, day, ',');) {
      if (day.empty()) continue;
      if (!tdkt::IsIsoDate(day)) {
        return tdkt::Status::InvalidArgument("holidays", "'" + day + "' is not a date written YYYY-MM-DD");
      }
      options.holidays.insert(day);
    }
    const int offset_days = config.GetInt("clock-offset-days");
    if (offset_days < -366 || offset_days > 366) {
      return tdkt::Status::InvalidArgument("clock-offset-days", "must be between -366 and 366 days");
    }
    if (offset_days != 0) {
      offset_clock = std::make_unique<OffsetClock>(int64_t{offset_days} * 86400);
      options.clock = offset_clock.get();
    }
    node = std::make_unique<tdkt::evaluation::EvaluationNode>(options, &service.metrics().registry());
    TDKT_RETURN_IF_ERROR(node->Initialize());
    node->Register(host);
    return tdkt::Status::Ok();
  });
}
