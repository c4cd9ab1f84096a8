// Campaigns and agency anniversaries in Redis (through RecordStore):
//   cm:campaign:<id>                  record: the Campaign message
//   cm:campaigns:<agency>             sorted set of the agency's campaign ids, by creation order
//   cm:campaigns:<agency>:y<year>     the same, only campaigns whose period touches <year>
//                                     (readers re-check the period, so a stale entry is harmless)
//   cm:anniversary:<id>               record: an Anniversary an agency added
//   cm:anniversaries:<agency>         sorted set of the agency's anniversary ids, by creation order
//   cm:seq:campaign, cm:seq:anniversary  id sequences (RecordStore)
// National anniversaries are never stored (domain/anniversaries.h).
// Every write is one atomic step (RecordStore::Store with its index changes),
// carrying the request's answer (MemoWrite) when the caller gives one.
#pragma once

#include <string>
#include <vector>

#include "common/record_store.h"
#include "tdkt/campaign_media/v1/campaign.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

class CampaignStore {
 public:
  explicit CampaignStore(RecordStore& store) : store_(store) {}

  // Assigns the id ("camp-<agency>-<n>") and version 1, and stores it with
  // its index entries and memo.For(campaign).
  Status Create(cv1::Campaign& campaign, const MemoWriter& memo = MemoWriter());
  Result<cv1::Campaign> Get(const std::string& id);
  // Stores `campaign` as version + 1 when `before` (as read) is still
  // current (ABORTED otherwise), moving it between the year indexes and
  // writing memo.For(campaign) in the same step.
  Status Update(cv1::Campaign& campaign, const cv1::Campaign& before, const MemoWriter& memo = MemoWriter());
  // The agency's campaigns, newest first, below the `before` cursor; with
  // year > 0 only those whose period touches it.
  Result<std::vector<cv1::Campaign>> List(const std::string& agency, int year, int64_t before, int limit,
                                          std::vector<int64_t>* cursors);
  // Every campaign of the agency whose period touches `year`.
  Result<std::vector<cv1::Campaign>> TouchingYear(const std::string& agency, int year);

  // Assigns the id ("anniv-<agency>-<n>") and stores it (with memo.For(anniversary)).
  Status AddAnniversary(cv1::Anniversary& anniversary, const MemoWriter& memo = MemoWriter());
  Result<cv1::Anniversary> GetAnniversary(const std::string& id);
  // Every anniversary `agency` itself added, oldest first.
  Result<std::vector<cv1::Anniversary>> AnniversariesOf(const std::string& agency);

 private:
  RecordStore& store_;
};

}  // namespace tdkt::campaign_media
