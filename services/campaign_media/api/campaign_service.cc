#include "services/campaign_media/api/campaign_service.h"

#include "common/rpc_handler.h"

namespace tdkt::campaign_media {

grpc::ServerUnaryReactor* CampaignService::CreateCampaign(grpc::CallbackServerContext* c,
                                                          const cv1::CreateCampaignRequest* r, cv1::Campaign* out) {
  return HandleUnary(c, "CreateCampaign", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* CampaignService::UpdateCampaign(grpc::CallbackServerContext* c,
                                                          const cv1::UpdateCampaignRequest* r, cv1::Campaign* out) {
  return HandleUnary(c, "UpdateCampaign", verifier_, out, [&](const Caller& caller) { return manager_.Update(caller, *r); });
}

grpc::ServerUnaryReactor* CampaignService::GetCampaign(grpc::CallbackServerContext* c,
                                                       const cv1::GetCampaignRequest* r, cv1::Campaign* out) {
  return HandleUnary(c, "GetCampaign", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* CampaignService::ListCampaigns(grpc::CallbackServerContext* c,
                                                         const cv1::ListCampaignsRequest* r,
                                                         cv1::ListCampaignsResponse* out) {
  return HandleUnary(c, "ListCampaigns", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r); });
}

grpc::ServerUnaryReactor* CampaignService::ListAnniversaries(grpc::CallbackServerContext* c,
                                                             const cv1::ListAnniversariesRequest* r,
                                                             cv1::ListAnniversariesResponse* out) {
  return HandleUnary(c, "ListAnniversaries", verifier_, out,
                     [&](const Caller& caller) { return manager_.ListAnniversaries(caller, *r); });
}

grpc::ServerUnaryReactor* CampaignService::AddAnniversary(grpc::CallbackServerContext* c,
                                                          const cv1::AddAnniversaryRequest* r, cv1::Anniversary* out) {
  return HandleUnary(c, "AddAnniversary", verifier_, out,
                     [&](const Caller& caller) { return manager_.AddAnniversary(caller, *r); });
}

}  // namespace tdkt::campaign_media
