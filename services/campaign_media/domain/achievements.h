// What a claim about an exemplar may cite: the achievements recorded in the
// exemplar's nomination record, each under a stable reference (see
// media_item.proto, Achievement.ref). Pure rules.
#pragma once

#include <string>
#include <vector>

#include "tdkt/campaign_media/v1/media_item.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::campaign_media {

// "achievement/N" for the N-th non-empty line of details.achievements (from
// 1), "initiative/N", "evidence/N", and "recognition" when the record holds
// a recognition decision; in that order.
std::vector<::tdkt::campaign_media::v1::Achievement> AchievementsOf(const ::tdkt::nomination::v1::Nomination& record);

// Finds the achievement `ref` names in `record` (into `out` when not null);
// false when it names none.
bool FindAchievement(const ::tdkt::nomination::v1::Nomination& record, const std::string& ref,
                     ::tdkt::campaign_media::v1::Achievement* out);

}  // namespace tdkt::campaign_media
