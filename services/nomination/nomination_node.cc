#include "services/nomination/nomination_node.h"

#include <fstream>
#include <sstream>

#include "common/log.h"

namespace tdkt::nomination {

NominationNode::NominationNode(NominationNodeOptions options, prometheus::Registry* registry)
    : options_(std::move(options)),
      redis_(options_.redis, registry),
      verifier_(options_.jwt_secret),
      nominations_(redis_),
      movements_(redis_, nominations_),
      agencies_(redis_),
      nomination_manager_(nominations_, movements_, agencies_),
      movement_manager_(movements_, agencies_),
      agency_manager_(agencies_),
      nomination_service_(nomination_manager_, verifier_),
      movement_service_(movement_manager_, verifier_),
      agency_service_(agency_manager_, verifier_),
      registry_(registry),
      federation_store_(redis_),
      parent_(options_.federation.parent
                  ? std::make_unique<ParentClient>(options_.federation.parent->nomination_address,
                                                   options_.federation.tls, options_.federation.deadline_ms)
                  : nullptr),
      federation_manager_(nomination_manager_, nominations_, federation_store_, agencies_, options_.federation,
                          options_.signing_key, parent_.get()),
      federation_service_(federation_manager_) {}

NominationNode::~NominationNode() {
  if (gauge_refresher_) gauge_refresher_->Stop();
  StopFederation();
}

Status NominationNode::RefreshGauges() { return gauges_ ? gauges_->Refresh() : Status::Ok(); }

void NominationNode::StopFederation() {
  if (uplink_) uplink_->Stop();
  federation_manager_.StopPoller();
}

Result<int> NominationNode::DrainUplinkOnce() {
  if (!uplink_) return 0;
  return uplink_->DrainOnce();
}

Result<int> NominationNode::PollOutcomesOnce() { return federation_manager_.PollOnce(); }

Status NominationNode::Initialize() {
  std::ifstream in(options_.agencies_file);
  if (!in) {
    return Status::InvalidArgument("agencies-file", "cannot read '" + options_.agencies_file + "'");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto seed = AgencyTree::FromJson(buffer.str(), options_.root_id, options_.root_name);
  if (!seed.ok()) return seed.status();
  TDKT_RETURN_IF_ERROR(agencies_.Initialize(*seed));
  auto tree = agencies_.Tree();
  if (!options_.node_agency.empty() && !tree->Find(options_.node_agency)) {
    return Status::InvalidArgument("node-agency", "agency '" + options_.node_agency +
                                   "' is not in the hierarchy loaded from " + options_.agencies_file);
  }
  log::Info("agency hierarchy ready", {{"units", std::to_string(tree->size())},
                                       {"node_agency", options_.node_agency}});
  if (registry_) {
    gauges_ = std::make_unique<ExemplarGauges>(nominations_, agencies_,
                                               options_.node_agency.empty() ? options_.root_id : options_.node_agency,
                                               *registry_);
    if (options_.gauge_refresh_ms > 0) {
      gauge_refresher_ = std::make_unique<GaugeRefresher>("exemplars", options_.gauge_refresh_ms,
                                                          [this] { return gauges_->Refresh(); });
      gauge_refresher_->Start();
    }
  }
  return InitializeFederation();
}

Status NominationNode::InitializeFederation() {
  const auto& config = options_.federation;
  if (!config.enabled()) return Status::Ok();
  if (!options_.node_agency.empty() && config.agency != options_.node_agency) {
    return Status::InvalidArgument("federation-file", "the node file is for agency '" + config.agency +
                                   "' but this node serves '" + options_.node_agency + "'");
  }
  if (!agencies_.Tree()->Find(config.agency)) {
    return Status::InvalidArgument("federation-file", "agency '" + config.agency + "' is not in the hierarchy");
  }
  TDKT_RETURN_IF_ERROR(federation_manager_.Initialize());
  if (!config.parent) return Status::Ok();
  nomination_manager_.SetHasParent(true);
  federation::UplinkOptions uplink;
  uplink.name = "proposals";
  uplink.stream_key = FederationStore::UplinkKey();
  uplink.dead_letter_key = FederationStore::UplinkDeadKey();
  uplink.initial_backoff_ms = config.initial_backoff_ms;
  uplink.max_backoff_ms = config.max_backoff_ms;
  uplink.max_refusals = config.max_refusals;
  uplink.holder = config.instance;
  uplink.lease_ms = federation::LeaseMsFor(config.deadline_ms);
  uplink.on_dead_letter = [this](const federation::DeadLetter& letter) { federation_manager_.NoteDeadLetter(letter); };
  uplink_ = std::make_unique<federation::Uplink>(
      redis_, uplink, [this](const federation::QueuedItem& item) { return federation_manager_.SendProposal(item); },
      registry_);
  TDKT_RETURN_IF_ERROR(uplink_->Initialize());
  if (options_.federation_threads) {
    uplink_->Start();
    federation_manager_.StartPoller(options_.outcome_poll_interval_ms);
  }
  log::Info("upward forwarding on", {{"agency", config.agency}, {"parent", config.parent->agency},
                                      {"parent_address", config.parent->nomination_address}});
  return Status::Ok();
}

void NominationNode::Register(ServerHost& host) {
  host.AddService(&nomination_service_);
  host.AddService(&movement_service_);
  host.AddService(&agency_service_);
  host.AddService(&federation_service_);
}

}  // namespace tdkt::nomination
