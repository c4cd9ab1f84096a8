// Rules of a propagation campaign and its planned items, and the text checks
// campaign-media titles share. Pure: no gRPC, no Redis. Dates are checked for
// their form by the caller (CheckDate) before these rules compare them.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/campaign_media/v1/campaign.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

// Normalises `*s` (NFC, trimmed) and checks it is a title: required, one
// line, no markup (< or >), at most `max` characters.
Status NormalizeTitle(std::string* s, const std::string& field, size_t max = 300);
// Normalises free text; `required` refuses an empty one; at most `max` characters.
Status NormalizeText(std::string* s, const std::string& field, bool required, size_t max);

// Normalises and checks a campaign's own fields and planned items: name,
// goal, end not before start, channels known and not repeated, planned
// items titled, on one of the campaign's channels and inside its period,
// budget 0 or more. Errors name "campaign.<field>". The exemplars and
// anniversaries referred to are checked by the caller.
Status NormalizeCampaign(cv1::Campaign& campaign);

// True when the campaign's period [start_date, end_date] touches `year`.
bool PeriodTouchesYear(const cv1::Campaign& campaign, int year);
// Every year the period touches, in order.
std::vector<int> YearsTouched(const cv1::Campaign& campaign);

}  // namespace tdkt::campaign_media
