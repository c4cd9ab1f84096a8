// Media items in Redis. Keys (all under cm:, written through one Lua step
// per change so a record, its history and its indexes never disagree):
//   cm:item:<id>                  hash v=version, d=serialized MediaItem
//                                 (RecordStore layout)
//   cm:item:<id>:history          list of serialized ItemHistoryEntry, append-only
//   cm:items:agency:<A>           zset id by sequence: every item of agency A
//   cm:items:state:<A>:<state>    zset id by sequence: A's items in that state
//   cm:items:campaign:<C>         zset id by sequence: items of campaign C
//   cm:items:exemplar:<nom-id>    zset id by sequence, node-wide: items
//                                 presenting that exemplar (the watcher)
//   cm:items:published:<A>        zset id by published_at seconds: A's items
//                                 now PUBLISHED (the public feeds)
//   cm:items:everpub:<A>          zset id by published_at seconds: A's items
//                                 ever published, retracted ones included (figures)
//   cm:items:reach:<A>:<year>     hash measure -> sum of reach reported with a
//                                 report_date in that year
//   cm:items:pubver:<A>           hash v = publication version of agency A, +1 on
//                                 every save (storage/publication_version.h)
//   cm:seq:item                   sequence of item ids (RecordStore::Next)
//   cm:watch:cursor               string: last nomination change read (NominationWatch)
// The request memo (RequestMemo's key, given as a MemoWrite) is set in the
// same step, so a retry after a crash gets the answer instead of a second change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/record_store.h"
#include "common/status.h"
#include "tdkt/campaign_media/v1/media_item.pb.h"

namespace tdkt::campaign_media {

class ItemStore {
 public:
  explicit ItemStore(RecordStore& store) : store_(store) {}

  // "item-<agency>-<n>" with a new n.
  Result<std::string> NewId(const std::string& agency);
  // Agency and sequence out of an id; false when malformed.
  static bool ParseId(const std::string& id, std::string* agency, int64_t* sequence);

  // NOT_FOUND when there is no such item.
  Result<v1::MediaItem> Get(const std::string& id);
  // Items in the order asked; missing ones skipped.
  Result<std::vector<v1::MediaItem>> GetMany(const std::vector<std::string>& ids);

  // Stores `next` (its version must be previous's + 1; previous null for a
  // new item) when the stored version is still previous's, appends
  // `history`, moves it between indexes and adds `reach_year` figures
  // (when `reach` is given) and sets `memo` (when not empty), all in one
  // atomic step; ABORTED otherwise, and then nothing is written.
  Status Save(const v1::MediaItem* previous, const v1::MediaItem& next, const v1::ItemHistoryEntry& history,
              const v1::Reach* reach = nullptr, int reach_year = 0, const MemoWrite& memo = MemoWrite());

  // History entries [offset, offset + limit), oldest first.
  Result<std::vector<v1::ItemHistoryEntry>> History(const std::string& id, int64_t offset, int64_t limit);

  // Index walks: up to `limit` ids with score below `before` (0 = top),
  // highest first, with their scores.
  static std::string AgencyIndex(const std::string& agency);
  static std::string StateIndex(const std::string& agency, v1::MediaItemState state);
  static std::string CampaignIndex(const std::string& campaign);
  static std::string ExemplarIndex(const std::string& exemplar);
  static std::string PublishedIndex(const std::string& agency);
  static std::string EverPublishedIndex(const std::string& agency);
  Result<std::vector<std::pair<std::string, int64_t>>> Newest(const std::string& index, int64_t before, int limit);
  // Ids with score in [from, to), lowest first.
  Result<std::vector<std::string>> Between(const std::string& index, int64_t from, int64_t to);
  // The reach reported for `agency` with report dates in `year`.
  Result<v1::Reach> YearReach(const std::string& agency, int year);

  // The watcher's cursor; empty when none saved yet.
  Result<std::string> WatchCursor();
  Status SaveWatchCursor(const std::string& cursor);

 private:
  RecordStore& store_;
};

}  // namespace tdkt::campaign_media
