#include "services/campaign_media/components.h"

namespace tdkt::campaign_media {

void AddAllComponents(CampaignMediaNode& node) {
  (void)node;  // Areas are added here as they land.
}

}  // namespace tdkt::campaign_media
