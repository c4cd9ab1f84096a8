#include "services/campaign_media/figures_component.h"

#include <utility>

namespace tdkt::campaign_media {

FiguresComponent::FiguresComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier,
                                   std::vector<FigureSource*> sources)
    : manager_(ctx, std::move(sources)), service_(manager_, verifier) {}

void FiguresComponent::Register(ServerHost& host) { host.AddService(&service_); }

}  // namespace tdkt::campaign_media
