// Contests in Redis (all through RecordStore / RedisClient, prefix cm):
//   cm:contest:<id>                record: the Contest message
//   cm:contests:<agency>           sorted set of the agency's contest ids, by creation order
//   cm:contest-entry:<entry id>    record: a ContestEntry
//   cm:contest:<id>:entries        sorted set of the contest's entry ids, by submission order
//   cm:contest:<id>:sheets         hash "<entry id> <juror>" -> ScoreEntryRequest (the juror's latest sheet)
//   cm:contest:<id>:closed         marker set when closing starts; sheets are refused once it exists
//   cm:contest:<id>:results        record: the GetResultsResponse fixed at close
//   cm:seq:contest, cm:seq:contest-order, cm:seq:contest-entry:<id>   id and order sequences
// Each write is one atomic step that also sets the request's answer
// (MemoWrite, RequestMemo's key) when given: a retry after a crash replays it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/record_store.h"
#include "tdkt/campaign_media/v1/contest.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

class ContestStore {
 public:
  explicit ContestStore(RecordStore& store) : store_(store) {}

  Result<std::string> NewContestId(const std::string& agency);
  // Stores a new contest as version 1 and indexes it under its agency (with memo.For(contest)).
  Status Create(cv1::Contest& contest, const MemoWriter& memo = MemoWriter());
  Result<cv1::Contest> Get(const std::string& id);
  // Stores `closed` (version already read + 1) when `read_version` is still
  // current, and the `results` fixed at close, with `memo`; ABORTED otherwise.
  Status Close(const cv1::Contest& closed, int64_t read_version, const cv1::GetResultsResponse& results,
               const MemoWrite& memo = MemoWrite());
  // The agency's contests, newest first, below the `before` cursor.
  Result<std::vector<cv1::Contest>> ListByAgency(const std::string& agency, int64_t before, int limit,
                                                 std::vector<int64_t>* cursors);

  // Assigns the entry's id and stores it, indexed in submission order (with memo.For(entry)).
  Status AddEntry(cv1::ContestEntry& entry, const MemoWriter& memo = MemoWriter());
  Result<cv1::ContestEntry> GetEntry(const std::string& id);
  // Entries in submission order, after the `after` cursor (0 = first).
  Result<std::vector<cv1::ContestEntry>> Entries(const std::string& contest_id, int64_t after, int limit,
                                                 std::vector<int64_t>* cursors);
  Result<int64_t> EntryCount(const std::string& contest_id);

  // Replaces the juror's sheet of the entry (setting `memo` with it); false,
  // and nothing written, when the contest is closing or closed.
  Result<bool> PutSheet(const cv1::ScoreEntryRequest& sheet, const std::string& juror,
                        const MemoWrite& memo = MemoWrite());
  // sheets[entry id][juror].
  Result<std::map<std::string, std::map<std::string, cv1::ScoreEntryRequest>>> Sheets(const std::string& contest_id);

  // Closing: the marker stops new sheets before the results are computed.
  Status MarkClosing(const std::string& contest_id);
  Status UnmarkClosing(const std::string& contest_id);
  Result<cv1::GetResultsResponse> GetResults(const std::string& contest_id);

 private:
  RecordStore& store_;
};

}  // namespace tdkt::campaign_media
