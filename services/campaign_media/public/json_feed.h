// The JSON list of published media items for the portal's column of
// exemplars. Pure: renders exactly the items it is given. Texts are NFC;
// < > & are written as \u escapes so the JSON is safe inside HTML too.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <google/protobuf/timestamp.pb.h>

#include "tdkt/campaign_media/v1/media_item.pb.h"

namespace tdkt::campaign_media::pub {

struct JsonFeedInfo {
  std::string agency_id;
  std::string agency_name;
  google::protobuf::Timestamp generated_at;
  // Exemplar names by nomination id; an unknown id is listed with an empty name.
  std::map<std::string, std::string> exemplar_names;
};

// {"agency":{"id","name"},"generated_at","items":[{"id","title","summary",
//  "body","channel","channel_label","kind","kind_label",
//  "exemplars":[{"id","name"}],"published_at","author"}]}
std::string RenderJsonFeed(const JsonFeedInfo& info, const std::vector<::tdkt::campaign_media::v1::MediaItem>& items);

// {"error":{"field":field,"message":message}}, escaped the same way.
std::string JsonError(const std::string& field, const std::string& message);

}  // namespace tdkt::campaign_media::pub
