// Rules of media items, pure C++: what a well-formed item is, the
// lifecycle (media_item.proto, TransitionItemRequest) and the check of
// each claim against its exemplar's recorded achievements.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/auth.h"
#include "common/status.h"
#include "tdkt/campaign_media/v1/media_item.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::campaign_media {

constexpr size_t kMaxTitleChars = 300;
constexpr size_t kMaxSummaryChars = 1000;
constexpr size_t kMaxBodyChars = 100000;
constexpr int kMaxExemplars = 50;
constexpr int kMaxClaims = 200;

// Normalises (NFC, trimmed) and checks the client-set content of `item`;
// INVALID_ARGUMENT naming the field under `prefix` (e.g. "item.title",
// "item.claims[2].text"). Server-set fields are left alone.
Status NormalizeItemContent(::tdkt::campaign_media::v1::MediaItem& item, const std::string& prefix);

// Who may move an item from `from` to `to`, and whether a reason is needed:
// FAILED_PRECONDITION for a move the table does not have, PERMISSION_DENIED
// for a role that may not make it, INVALID_ARGUMENT `reason` when missing.
// (The four-eyes rule and the claim and exemplar checks are the manager's.)
Status CheckItemTransition(::tdkt::campaign_media::v1::MediaItemState from,
                           ::tdkt::campaign_media::v1::MediaItemState to, Role role, const std::string& reason);
// Vietnamese name of a state, e.g. "đang duyệt".
std::string ItemStateLabel(::tdkt::campaign_media::v1::MediaItemState state);

struct ClaimChecks {
  std::vector<::tdkt::campaign_media::v1::ClaimCheck> checks;  // One per claim, in order.
  int unsupported = 0;
};

// Checks every claim of `item` against the records of its exemplars
// (`records` by nomination id; a missing record supports nothing).
ClaimChecks CheckClaims(const ::tdkt::campaign_media::v1::MediaItem& item,
                        const std::map<std::string, ::tdkt::nomination::v1::Nomination>& records);

}  // namespace tdkt::campaign_media
