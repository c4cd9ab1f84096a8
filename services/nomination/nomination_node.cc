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
  log::Info("agency hierarchy ready", {{"units", std::to_string(agencies_.Tree()->size())}});
  return Status::Ok();
}

void NominationNode::Register(ServerHost& host) {
  host.AddService(&nomination_service_);
  host.AddService(&movement_service_);
  host.AddService(&agency_service_);
}

}  // namespace tdkt::nomination
