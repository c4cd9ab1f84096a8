// Exchange / honouring events and replications in Redis (through RecordStore).
// Both are recorded once and never change, so their indexes never move.
// Index scores are <YYYYMMDD> * 10^7 + <sequence>: newest date first, unique,
// and one year is one score range (no per-year keys needed).
//   cm:event:<id>                              record: the ExchangeEvent message
//   cm:events:<agency>                         sorted set of the agency's event ids, by date
//   cm:replication:<id>                        record: the Replication message
//   cm:replications:<agency>                   sorted set of the agency's replication ids, by adopted date
//   cm:replications:<agency>:x:<exemplar id>   the same, adoptions of one exemplar's model
//   cm:seq:event, cm:seq:replication           id sequences (RecordStore)
// A record, all its index entries and the request's answer (MemoWrite) are
// written in one atomic step.
#pragma once

#include <string>
#include <vector>

#include "common/record_store.h"
#include "tdkt/campaign_media/v1/outreach.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

class OutreachStore {
 public:
  explicit OutreachStore(RecordStore& store) : store_(store) {}

  // Assign the id ("event-<agency>-<n>", "repl-<agency>-<n>") and version 1,
  // and store with the indexes and memo.For(the record).
  Status CreateEvent(cv1::ExchangeEvent& event, const MemoWriter& memo = MemoWriter());
  Status CreateReplication(cv1::Replication& replication, const MemoWriter& memo = MemoWriter());

  // Newest date first below the `before` cursor; year 0 = every year.
  Result<std::vector<cv1::ExchangeEvent>> ListEvents(const std::string& agency, int year, int64_t before, int limit,
                                                     std::vector<int64_t>* cursors);
  // As ListEvents; with `exemplar` only adoptions of that exemplar's model.
  Result<std::vector<cv1::Replication>> ListReplications(const std::string& agency, const std::string& exemplar,
                                                         int year, int64_t before, int limit,
                                                         std::vector<int64_t>* cursors);

 private:
  RecordStore& store_;
};

}  // namespace tdkt::campaign_media
