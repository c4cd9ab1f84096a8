// Campaigns, the anniversary calendar, exchange / honouring events and
// replication: the CampaignService and OutreachService of campaign-media,
// with their managers (which the figures component reads as FigureSources).
#pragma once

#include "common/auth.h"
#include "services/campaign_media/api/campaign_service.h"
#include "services/campaign_media/api/outreach_service.h"
#include "services/campaign_media/app/campaign_manager.h"
#include "services/campaign_media/app/outreach_manager.h"
#include "services/campaign_media/component.h"

namespace tdkt::campaign_media {

class CampaignsComponent : public Component {
 public:
  CampaignsComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier);

  void Register(ServerHost& host) override;

  CampaignManager& campaigns() { return campaigns_; }
  OutreachManager& outreach() { return outreach_; }

 private:
  CampaignManager campaigns_;
  OutreachManager outreach_;
  CampaignService campaign_service_;
  OutreachService outreach_service_;
};

}  // namespace tdkt::campaign_media
