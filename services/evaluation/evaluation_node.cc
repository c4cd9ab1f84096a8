#include "services/evaluation/evaluation_node.h"

#include <prometheus/gauge.h>
#include <prometheus/registry.h>

namespace tdkt::evaluation {

namespace {
NominationClientOptions ClientOptions(const EvaluationNodeOptions& o) {
  NominationClientOptions c;
  c.address = o.nomination_address;
  c.jwt_secret = o.jwt_secret;
  c.subject = "evaluation@" + o.node_agency;
  c.agency = o.node_agency;
  c.deadline_ms = o.nomination_deadline_ms;
  return c;
}
}  // namespace

EvaluationNode::EvaluationNode(EvaluationNodeOptions options, prometheus::Registry* registry)
    : options_(std::move(options)),
      redis_(options_.redis, registry),
      verifier_(options_.jwt_secret),
      nominations_(ClientOptions(options_)),
      store_(redis_, "ev"),
      memo_(redis_, "ev"),
      councils_(store_),
      sessions_(store_),
      criteria_(store_),
      awards_(store_),
      decisions_(store_),
      context_{store_, memo_, councils_, sessions_, criteria_, awards_, decisions_, nominations_,
               options_.clock ? *options_.clock : static_cast<const Clock&>(system_clock_), options_.holidays},
      criteria_manager_(context_),
      council_manager_(context_),
      session_manager_(context_, criteria_manager_),
      decision_manager_(context_, session_manager_, criteria_manager_),
      criteria_service_(criteria_manager_, verifier_),
      council_service_(council_manager_, verifier_),
      session_service_(session_manager_, verifier_),
      decision_service_(decision_manager_, verifier_) {
  if (registry) {
    open_ballots_ = &prometheus::BuildGauge()
                         .Name("tdkt_open_ballots")
                         .Help("Council sessions of this node with the ballot box open")
                         .Register(*registry)
                         .Add({});
  }
}

EvaluationNode::~EvaluationNode() {
  if (gauge_refresher_) gauge_refresher_->Stop();
}

Status EvaluationNode::RefreshGauges() {
  if (!open_ballots_) return Status::Ok();
  auto open = sessions_.OpenCount();
  if (!open.ok()) return open.status();
  open_ballots_->Set(static_cast<double>(*open));
  return Status::Ok();
}

Status EvaluationNode::Initialize() {
  TDKT_RETURN_IF_ERROR(criteria_manager_.Initialize());
  if (open_ballots_ && options_.gauge_refresh_ms > 0) {
    gauge_refresher_ = std::make_unique<GaugeRefresher>("open ballots", options_.gauge_refresh_ms,
                                                        [this] { return RefreshGauges(); });
    gauge_refresher_->Start();
  }
  return Status::Ok();
}

void EvaluationNode::Register(ServerHost& host) {
  host.AddService(&criteria_service_);
  host.AddService(&council_service_);
  host.AddService(&session_service_);
  host.AddService(&decision_service_);
}

}  // namespace tdkt::evaluation
