// Writing and reportage contests: the ContestService of campaign-media with
// its manager (which the figures component reads as a FigureSource).
#pragma once

#include "common/auth.h"
#include "services/campaign_media/api/contest_service.h"
#include "services/campaign_media/app/contest_manager.h"
#include "services/campaign_media/component.h"

namespace tdkt::campaign_media {

class ContestsComponent : public Component {
 public:
  ContestsComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier);

  void Register(ServerHost& host) override;

  ContestManager& manager() { return manager_; }

 private:
  ContestManager manager_;
  ContestService service_;
};

}  // namespace tdkt::campaign_media
