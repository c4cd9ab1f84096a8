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
      agency_service_(agency_manager_, verifier_) {}

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
  return Status::Ok();
}

void NominationNode::Register(ServerHost& host) {
  host.AddService(&nomination_service_);
  host.AddService(&movement_service_);
  host.AddService(&agency_service_);
}

}  // namespace tdkt::nomination
