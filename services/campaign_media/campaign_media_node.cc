#include "services/campaign_media/campaign_media_node.h"

namespace tdkt::campaign_media {

namespace {
NominationClientOptions ClientOptions(const CampaignMediaNodeOptions& o) {
  NominationClientOptions c;
  c.address = o.nomination_address;
  c.jwt_secret = o.jwt_secret;
  c.subject = "campaign-media@" + o.node_agency;
  c.agency = o.node_agency;
  c.deadline_ms = o.nomination_deadline_ms;
  return c;
}
}  // namespace

CampaignMediaNode::CampaignMediaNode(CampaignMediaNodeOptions options, prometheus::Registry* registry)
    : options_(std::move(options)),
      registry_(registry),
      redis_(options_.redis, registry),
      verifier_(options_.jwt_secret),
      store_(redis_, "cm"),
      memo_(redis_, "cm"),
      nominations_(ClientOptions(options_)),
      context_{redis_,
               store_,
               memo_,
               nominations_,
               options_.clock ? *options_.clock : static_cast<const Clock&>(system_clock_),
               options_.node_agency} {}

CampaignMediaNode::~CampaignMediaNode() { Stop(); }

Status CampaignMediaNode::Initialize() {
  auto ping = redis_.Command({"PING"});
  return ping.ok() ? Status::Ok() : ping.status();
}

void CampaignMediaNode::Add(std::unique_ptr<Component> component) { components_.push_back(std::move(component)); }

void CampaignMediaNode::Register(ServerHost& host) {
  for (auto& component : components_) component->Register(host);
}

Status CampaignMediaNode::Start() {
  for (auto& component : components_) TDKT_RETURN_IF_ERROR(component->Start());
  return Status::Ok();
}

void CampaignMediaNode::Stop() {
  for (auto it = components_.rbegin(); it != components_.rend(); ++it) (*it)->Stop();
}

}  // namespace tdkt::campaign_media
