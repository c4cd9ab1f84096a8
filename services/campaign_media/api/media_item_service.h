// gRPC handlers of tdkt.campaign_media.v1.MediaItemService (callback API);
// each authenticates and delegates to ItemManager.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/item_manager.h"
#include "tdkt/campaign_media/v1/media_item.grpc.pb.h"

namespace tdkt::campaign_media {

class MediaItemService final : public v1::MediaItemService::CallbackService {
 public:
  MediaItemService(ItemManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* CreateItem(grpc::CallbackServerContext* c, const v1::CreateItemRequest* r,
                                       v1::MediaItem* out) override;
  grpc::ServerUnaryReactor* UpdateItem(grpc::CallbackServerContext* c, const v1::UpdateItemRequest* r,
                                       v1::MediaItem* out) override;
  grpc::ServerUnaryReactor* GetItem(grpc::CallbackServerContext* c, const v1::GetItemRequest* r,
                                    v1::MediaItem* out) override;
  grpc::ServerUnaryReactor* ListItems(grpc::CallbackServerContext* c, const v1::ListItemsRequest* r,
                                      v1::ListItemsResponse* out) override;
  grpc::ServerUnaryReactor* TransitionItem(grpc::CallbackServerContext* c, const v1::TransitionItemRequest* r,
                                           v1::MediaItem* out) override;
  grpc::ServerUnaryReactor* ReviewItem(grpc::CallbackServerContext* c, const v1::ReviewItemRequest* r,
                                       v1::ReviewItemResponse* out) override;
  grpc::ServerUnaryReactor* ListExemplarAchievements(grpc::CallbackServerContext* c,
                                                     const v1::ListExemplarAchievementsRequest* r,
                                                     v1::ListExemplarAchievementsResponse* out) override;
  grpc::ServerUnaryReactor* RecordReach(grpc::CallbackServerContext* c, const v1::RecordReachRequest* r,
                                        v1::MediaItem* out) override;
  grpc::ServerUnaryReactor* GetItemHistory(grpc::CallbackServerContext* c, const v1::GetItemHistoryRequest* r,
                                           v1::GetItemHistoryResponse* out) override;

 private:
  ItemManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::campaign_media
