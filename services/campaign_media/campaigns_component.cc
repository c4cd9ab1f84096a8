#include "services/campaign_media/campaigns_component.h"

namespace tdkt::campaign_media {

CampaignsComponent::CampaignsComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier)
    : campaigns_(ctx), outreach_(ctx), campaign_service_(campaigns_, verifier), outreach_service_(outreach_, verifier) {}

void CampaignsComponent::Register(ServerHost& host) {
  host.AddService(&campaign_service_);
  host.AddService(&outreach_service_);
}

}  // namespace tdkt::campaign_media
