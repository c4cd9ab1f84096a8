// Use cases of writing and reportage contests: organise, take entries until
// the deadline, jury scoring with the suite's rubric scoring, results fixed
// at close; and the year's contest figures. Knows nothing of gRPC.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/figure_source.h"
#include "services/campaign_media/storage/contest_store.h"
#include "tdkt/campaign_media/v1/contest.pb.h"

namespace tdkt::campaign_media {

class ContestManager : public FigureSource {
 public:
  explicit ContestManager(CampaignMediaContext& ctx) : ctx_(ctx), contests_(ctx.store) {}

  Result<cv1::Contest> Create(const Caller& caller, const cv1::CreateContestRequest& request);
  Result<cv1::Contest> Get(const Caller& caller, const cv1::GetContestRequest& request);
  Result<cv1::ListContestsResponse> List(const Caller& caller, const cv1::ListContestsRequest& request);
  Result<cv1::ContestEntry> Submit(const Caller& caller, const cv1::SubmitEntryRequest& request);
  Result<cv1::ListEntriesResponse> ListEntries(const Caller& caller, const cv1::ListEntriesRequest& request);
  Result<cv1::ScoreEntryResponse> Score(const Caller& caller, const cv1::ScoreEntryRequest& request);
  Result<cv1::GetResultsResponse> Results(const Caller& caller, const cv1::GetResultsRequest& request);
  Result<cv1::GetResultsResponse> Close(const Caller& caller, const cv1::CloseContestRequest& request);

  // Contests of `agency` whose entry deadline falls in `year`, and their entries.
  Status AddYearFigures(const std::string& agency, int year,
                        ::tdkt::campaign_media::v1::AgencyMediaFigures* out) override;

 private:
  // The contest named by `field`, readable by the caller (inside its subtree).
  Result<cv1::Contest> Readable(const Caller& caller, const std::string& id, const char* field);
  // Ranks every entry from the stored sheets.
  Result<cv1::GetResultsResponse> Compute(const cv1::Contest& contest);

  CampaignMediaContext& ctx_;
  ContestStore contests_;
};

}  // namespace tdkt::campaign_media
