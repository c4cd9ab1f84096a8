// The year's media figures (tdkt.campaign_media.v1.MediaFiguresService), read
// by the node's reporting service. The sources are the other areas' managers
// (campaigns, outreach, contests, media items); they must outlive it.
//
//   FiguresComponent figures(ctx, verifier, {campaigns.campaigns(), campaigns.outreach(),
//                                            contests.manager(), items.manager()});
#pragma once

#include <vector>

#include "common/auth.h"
#include "services/campaign_media/api/figures_service.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/figure_source.h"
#include "services/campaign_media/app/figures_manager.h"
#include "services/campaign_media/component.h"

namespace tdkt::campaign_media {

class FiguresComponent : public Component {
 public:
  FiguresComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier, std::vector<FigureSource*> sources);
  void Register(ServerHost& host) override;
  FiguresManager& manager() { return manager_; }

 private:
  FiguresManager manager_;
  FiguresService service_;
};

}  // namespace tdkt::campaign_media
