// The media items component: ItemManager, its gRPC service and the
// nomination watch that retracts items of withdrawn or revoked exemplars.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/api/media_item_service.h"
#include "services/campaign_media/app/item_manager.h"
#include "services/campaign_media/app/nomination_watch.h"
#include "services/campaign_media/component.h"

namespace tdkt::campaign_media {

class ItemsComponent : public Component {
 public:
  // `registry` (may be null) receives the watch's metrics.
  ItemsComponent(CampaignMediaContext& ctx, const TokenVerifier& verifier, int watch_ms,
                 prometheus::Registry* registry = nullptr)
      : manager_(ctx), watch_(ctx, manager_, watch_ms, registry), service_(manager_, verifier) {}

  void Register(ServerHost& host) override { host.AddService(&service_); }
  Status Start() override {
    watch_.Start();
    return Status::Ok();
  }
  void Stop() override { watch_.Stop(); }

  ItemManager& manager() { return manager_; }
  NominationWatch& watch() { return watch_; }

 private:
  ItemManager manager_;
  NominationWatch watch_;
  MediaItemService service_;
};

}  // namespace tdkt::campaign_media
