#include "services/campaign_media/api/media_item_service.h"

#include "common/rpc_handler.h"

namespace tdkt::campaign_media {

grpc::ServerUnaryReactor* MediaItemService::CreateItem(grpc::CallbackServerContext* c, const v1::CreateItemRequest* r,
                                                       v1::MediaItem* out) {
  return HandleUnary(c, "CreateItem", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::UpdateItem(grpc::CallbackServerContext* c, const v1::UpdateItemRequest* r,
                                                       v1::MediaItem* out) {
  return HandleUnary(c, "UpdateItem", verifier_, out, [&](const Caller& caller) { return manager_.Update(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::GetItem(grpc::CallbackServerContext* c, const v1::GetItemRequest* r,
                                                    v1::MediaItem* out) {
  return HandleUnary(c, "GetItem", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::ListItems(grpc::CallbackServerContext* c, const v1::ListItemsRequest* r,
                                                      v1::ListItemsResponse* out) {
  return HandleUnary(c, "ListItems", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::TransitionItem(grpc::CallbackServerContext* c, const v1::TransitionItemRequest* r,
                                                           v1::MediaItem* out) {
  return HandleUnary(c, "TransitionItem", verifier_, out, [&](const Caller& caller) { return manager_.Transition(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::ReviewItem(grpc::CallbackServerContext* c, const v1::ReviewItemRequest* r,
                                                       v1::ReviewItemResponse* out) {
  return HandleUnary(c, "ReviewItem", verifier_, out, [&](const Caller& caller) { return manager_.Review(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::ListExemplarAchievements(grpc::CallbackServerContext* c, const v1::ListExemplarAchievementsRequest* r,
                                                                     v1::ListExemplarAchievementsResponse* out) {
  return HandleUnary(c, "ListExemplarAchievements", verifier_, out, [&](const Caller& caller) { return manager_.Achievements(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::RecordReach(grpc::CallbackServerContext* c, const v1::RecordReachRequest* r,
                                                        v1::MediaItem* out) {
  return HandleUnary(c, "RecordReach", verifier_, out, [&](const Caller& caller) { return manager_.RecordReach(caller, *r); });
}

grpc::ServerUnaryReactor* MediaItemService::GetItemHistory(grpc::CallbackServerContext* c, const v1::GetItemHistoryRequest* r,
                                                           v1::GetItemHistoryResponse* out) {
  return HandleUnary(c, "GetItemHistory", verifier_, out, [&](const Caller& caller) { return manager_.History(caller, *r); });
}

}  // namespace tdkt::campaign_media
