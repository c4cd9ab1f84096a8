// The vocabularies campaign-media shares across campaigns, media items,
// reach reports and the public pages: channel codes, media item kinds and
// which reach measures each channel takes. Pure rules.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/campaign_media/v1/media_item.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

// Channel codes in display order: portal, newspaper, radio, television,
// loudspeaker, social, epublication, school.
const std::vector<std::string>& ChannelCodes();
// Vietnamese label of a channel, e.g. "Loa truyền thanh cơ sở"; the code itself when unknown.
std::string ChannelLabel(const std::string& code);
// INVALID_ARGUMENT on `field` unless `code` is a channel code; the message
// lists the known codes.
Status CheckChannel(const std::string& code, const std::string& field);

// Media item kinds: article, reportage, film, programme, poster, podcast.
const std::vector<std::string>& KindCodes();
std::string KindLabel(const std::string& code);  // e.g. "Phóng sự".
Status CheckKind(const std::string& code, const std::string& field);

// INVALID_ARGUMENT naming the offending measure ("reach.views") when `reach`
// reports a measure that `channel` does not take (see media_item.proto), a
// negative figure, or nothing above 0.
Status CheckReachForChannel(const cv1::Reach& reach, const std::string& channel, const std::string& field);

// Adds `more` to `total`, measure by measure.
void AddReach(const cv1::Reach& more, cv1::Reach* total);

}  // namespace tdkt::campaign_media
