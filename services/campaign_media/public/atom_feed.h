// The Atom 1.0 feed (RFC 4287) of an agency's published media items, for
// feed readers and the portal. Pure: renders exactly the items it is given
// (the site passes only PUBLISHED ones). Every text is NFC and XML-escaped;
// ids are tag: URIs that never change for an item.
#pragma once

#include <string>
#include <vector>

#include <google/protobuf/timestamp.pb.h>

#include "tdkt/campaign_media/v1/media_item.pb.h"

namespace tdkt::campaign_media::pub {

struct FeedInfo {
  std::string agency_id;       // e.g. "56".
  std::string agency_name;     // e.g. "Tỉnh Khánh Hòa".
  std::string base_url;        // e.g. "http://127.0.0.1:8080" (no trailing slash).
  // Authority of the tag: URIs, e.g. "tdkt.gov.vn".
  std::string tag_authority = "tdkt.gov.vn";
  // Feed <updated> when there are no items (otherwise the newest item's).
  google::protobuf::Timestamp generated_at;
};

// tag:tdkt.gov.vn,2025:cm/item/item-56-12
std::string ItemTagUri(const FeedInfo& info, const std::string& item_id);
// Path of the agency's pages, e.g. "/public/56/".
std::string PublicPath(const std::string& agency_id);

std::string RenderAtomFeed(const FeedInfo& info, const std::vector<::tdkt::campaign_media::v1::MediaItem>& items);

}  // namespace tdkt::campaign_media::pub
