// Implemented by each area's manager (campaigns, outreach, contests, media
// items): adds what that area did for one agency in one year to the row the
// reporting service reads through MediaFiguresService.GetYearFigures.
#pragma once

#include <string>

#include "common/status.h"
#include "tdkt/campaign_media/v1/figures.pb.h"

namespace tdkt::campaign_media {

class FigureSource {
 public:
  virtual ~FigureSource() = default;
  // Adds this area's counts of `agency` for `year` (Vietnam time) to `out`
  // (whose agency_id is set); leaves the other areas' fields alone.
  virtual Status AddYearFigures(const std::string& agency, int year,
                                ::tdkt::campaign_media::v1::AgencyMediaFigures* out) = 0;
};

}  // namespace tdkt::campaign_media
