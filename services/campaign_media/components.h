// The production set of campaign-media components, added to a node in
// dependency order (the figures read the other areas' managers).
#pragma once

#include "services/campaign_media/campaign_media_node.h"

namespace tdkt::campaign_media {

void AddAllComponents(CampaignMediaNode& node);

}  // namespace tdkt::campaign_media
