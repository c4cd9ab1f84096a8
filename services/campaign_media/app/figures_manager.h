// The year's media figures of a subtree, for the reporting service's yearly
// report and quotas: one row per agency that has campaign-media records
// (cm:agencies), each the sum of every area's FigureSource. Reads only; owns
// no keys.
#pragma once

#include <vector>

#include "common/auth.h"
#include "common/status.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/figure_source.h"
#include "tdkt/campaign_media/v1/figures.pb.h"

namespace tdkt::campaign_media {

namespace fgv1 = ::tdkt::campaign_media::v1;

class FiguresManager {
 public:
  // `sources` must outlive the manager; null entries are ignored.
  FiguresManager(CampaignMediaContext& ctx, std::vector<FigureSource*> sources);

  // Node, reporting officer, officer and admin callers; the agency (default:
  // the caller's) within the caller's and the node's subtree; year 2000..2100.
  Result<fgv1::GetYearFiguresResponse> GetYearFigures(const Caller& caller,
                                                      const fgv1::GetYearFiguresRequest& request);

 private:
  CampaignMediaContext& ctx_;
  std::vector<FigureSource*> sources_;
};

}  // namespace tdkt::campaign_media
