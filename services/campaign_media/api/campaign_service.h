// gRPC handlers of tdkt.campaign_media.v1.CampaignService (callback API).
// Each handler authenticates and delegates to CampaignManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/campaign_manager.h"
#include "tdkt/campaign_media/v1/campaign.grpc.pb.h"

namespace tdkt::campaign_media {

class CampaignService final : public cv1::CampaignService::CallbackService {
 public:
  CampaignService(CampaignManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* CreateCampaign(grpc::CallbackServerContext* c, const cv1::CreateCampaignRequest* r,
                                           cv1::Campaign* out) override;
  grpc::ServerUnaryReactor* UpdateCampaign(grpc::CallbackServerContext* c, const cv1::UpdateCampaignRequest* r,
                                           cv1::Campaign* out) override;
  grpc::ServerUnaryReactor* GetCampaign(grpc::CallbackServerContext* c, const cv1::GetCampaignRequest* r,
                                        cv1::Campaign* out) override;
  grpc::ServerUnaryReactor* ListCampaigns(grpc::CallbackServerContext* c, const cv1::ListCampaignsRequest* r,
                                          cv1::ListCampaignsResponse* out) override;
  grpc::ServerUnaryReactor* ListAnniversaries(grpc::CallbackServerContext* c, const cv1::ListAnniversariesRequest* r,
                                              cv1::ListAnniversariesResponse* out) override;
  grpc::ServerUnaryReactor* AddAnniversary(grpc::CallbackServerContext* c, const cv1::AddAnniversaryRequest* r,
                                           cv1::Anniversary* out) override;

 private:
  CampaignManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::campaign_media
