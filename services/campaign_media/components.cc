#include "services/campaign_media/components.h"

#include <memory>

#include "services/campaign_media/campaigns_component.h"
#include "services/campaign_media/contests_component.h"
#include "services/campaign_media/figures_component.h"
#include "services/campaign_media/items_component.h"
#include "services/campaign_media/public/public_site.h"

namespace tdkt::campaign_media {

void AddAllComponents(CampaignMediaNode& node) {
  auto& ctx = node.context();
  auto campaigns = std::make_unique<CampaignsComponent>(ctx, node.verifier());
  auto contests = std::make_unique<ContestsComponent>(ctx, node.verifier());
  auto items = std::make_unique<ItemsComponent>(ctx, node.verifier(), node.options().nomination_watch_ms,
                                                node.registry());
  auto figures = std::make_unique<FiguresComponent>(
      ctx, node.verifier(),
      std::vector<FigureSource*>{&campaigns->campaigns(), &campaigns->outreach(), &contests->manager(),
                                 &items->manager()});
  // The site reads the items' manager: added after it, so it stops first.
  std::unique_ptr<PublicSiteComponent> site;
  if (node.options().public_http_port >= 0) {
    site = std::make_unique<PublicSiteComponent>(ctx, items->manager(), node.options().public_http_host,
                                                 node.options().public_http_port, node.registry());
  }
  node.Add(std::move(campaigns));
  node.Add(std::move(contests));
  node.Add(std::move(items));
  node.Add(std::move(figures));
  if (site) node.Add(std::move(site));
}

}  // namespace tdkt::campaign_media
