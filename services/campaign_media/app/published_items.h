// What the public site may read of the media items: only items in state
// PUBLISHED (never drafts, items in review, approved-but-unpublished or
// retracted ones). Implemented by the media items' manager; read by the
// public site (feeds, e-publication).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/campaign_media/v1/media_item.pb.h"

namespace tdkt::campaign_media {

class PublishedItems {
 public:
  virtual ~PublishedItems() = default;
  // Items of `agency` itself (not its units) now PUBLISHED, newest
  // publication first, at most `limit` (1..500).
  virtual Result<std::vector<::tdkt::campaign_media::v1::MediaItem>> LatestPublished(const std::string& agency,
                                                                                      int limit) = 0;
  // Items of `agency` published in `year` (Vietnam time) and still
  // PUBLISHED, oldest publication first.
  virtual Result<std::vector<::tdkt::campaign_media::v1::MediaItem>> PublishedInYear(const std::string& agency,
                                                                                      int year) = 0;
};

}  // namespace tdkt::campaign_media
