// Use cases of media items: writing, review of claims against the
// exemplars' recorded achievements, the lifecycle with its four-eyes
// approval, reach reports, history, and the automatic retraction the
// nomination watch asks for. Also what the figures and the public site read.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/auth.h"
#include "common/status.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/figure_source.h"
#include "services/campaign_media/app/published_items.h"
#include "services/campaign_media/storage/item_store.h"
#include "tdkt/campaign_media/v1/media_item.pb.h"

namespace tdkt::campaign_media {

class ItemManager : public FigureSource, public PublishedItems {
 public:
  explicit ItemManager(CampaignMediaContext& ctx);

  Result<v1::MediaItem> Create(const Caller& caller, v1::CreateItemRequest request);
  Result<v1::MediaItem> Update(const Caller& caller, v1::UpdateItemRequest request);
  Result<v1::MediaItem> Get(const Caller& caller, const v1::GetItemRequest& request);
  Result<v1::ListItemsResponse> List(const Caller& caller, const v1::ListItemsRequest& request);
  Result<v1::MediaItem> Transition(const Caller& caller, v1::TransitionItemRequest request);
  Result<v1::ReviewItemResponse> Review(const Caller& caller, const v1::ReviewItemRequest& request);
  Result<v1::ListExemplarAchievementsResponse> Achievements(const Caller& caller,
                                                            const v1::ListExemplarAchievementsRequest& request);
  Result<v1::MediaItem> RecordReach(const Caller& caller, v1::RecordReachRequest request);
  Result<v1::GetItemHistoryResponse> History(const Caller& caller, const v1::GetItemHistoryRequest& request);

  // An exemplar was withdrawn or revoked (`to` WITHDRAWN or REVOKED): each
  // PUBLISHED item presenting it becomes RETRACTED and every other item not
  // yet retracted is flagged, with `reason` in its history (actor
  // "nomination-watch"). Items already moved or flagged for this reason are
  // left alone, so a change read twice changes nothing twice. Returns how
  // many items changed.
  Result<int> ExemplarWithdrawn(const std::string& exemplar_id, const std::string& reason);

  // FigureSource.
  Status AddYearFigures(const std::string& agency, int year, v1::AgencyMediaFigures* out) override;
  // PublishedItems.
  Result<std::vector<v1::MediaItem>> LatestPublished(const std::string& agency, int limit) override;
  Result<std::vector<v1::MediaItem>> PublishedInYear(const std::string& agency, int year) override;

  ItemStore& store() { return items_; }

 private:
  using Change = std::function<Status(v1::MediaItem& next, v1::ItemHistoryEntry& history)>;
  // Loads the item the caller may see; INVALID_ARGUMENT `id` when malformed.
  Result<v1::MediaItem> Load(const Caller& caller, const std::string& id);
  // The write path of an existing item: access, version check (when
  // expected_version is given, i.e. not -1), `change`, atomic save.
  // Idempotent by `request_id` (RunOnceAtomic over `request`, named `method`).
  Result<v1::MediaItem> Mutate(const Caller& caller, const char* method, const google::protobuf::Message& request,
                               const std::string& request_id, const std::string& id, int64_t expected_version,
                               const std::string& action, const Change& change, const v1::Reach* reach = nullptr,
                              int reach_year = 0);
  // Loads, applies `change` and saves (with memo.For(the saved item) in the
  // same step), retrying version conflicts.
  Result<v1::MediaItem> Apply(const Caller& caller, const std::string& id, int64_t expected_version,
                              const std::string& action, const Change& change, const v1::Reach* reach = nullptr,
                              int reach_year = 0, const MemoWriter& memo = MemoWriter());
  // The exemplar records of `item`'s exemplars that could be read, by id.
  std::map<std::string, nv1::Nomination> ExemplarRecords(const v1::MediaItem& item);
  // Checks that `item` may be approved or published as it stands now.
  Status CheckPresentable(const v1::MediaItem& item);

  CampaignMediaContext& ctx_;
  ItemStore items_;
};

}  // namespace tdkt::campaign_media
