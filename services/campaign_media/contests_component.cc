#include "services/campaign_media/contests_component.h"

namespace tdkt::campaign_media {

ContestsComponent::ContestsComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier)
    : manager_(ctx), service_(manager_, verifier) {}

void ContestsComponent::Register(ServerHost& host) { host.AddService(&service_); }

}  // namespace tdkt::campaign_media
