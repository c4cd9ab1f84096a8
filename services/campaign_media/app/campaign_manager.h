// Use cases of campaigns and the anniversary calendar: create, change, read
// and list campaigns; add anniversaries and list a year's calendar. Adds the
// year's campaigns and their budgets to the media figures. Knows nothing of gRPC.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/figure_source.h"
#include "services/campaign_media/storage/campaign_store.h"
#include "tdkt/campaign_media/v1/campaign.pb.h"

namespace tdkt::campaign_media {

// Who writes campaigns, the calendar, events and replications: officers,
// media editors and administrators (of the agency or above it).
Status RequireCampaignWriter(const Caller& caller, const char* action);
// INVALID_ARGUMENT on `field` unless `year` is 2000..2100 (or 0 when not `required`).
Status CheckListYear(int year, const char* field, bool required);

class CampaignManager : public FigureSource {
 public:
  explicit CampaignManager(CampaignMediaContext& ctx) : ctx_(ctx), store_(ctx.store) {}

  Result<cv1::Campaign> Create(const Caller& caller, const cv1::CreateCampaignRequest& request);
  Result<cv1::Campaign> Update(const Caller& caller, const cv1::UpdateCampaignRequest& request);
  Result<cv1::Campaign> Get(const Caller& caller, const cv1::GetCampaignRequest& request);
  Result<cv1::ListCampaignsResponse> List(const Caller& caller, const cv1::ListCampaignsRequest& request);
  Result<cv1::ListAnniversariesResponse> ListAnniversaries(const Caller& caller,
                                                           const cv1::ListAnniversariesRequest& request);
  Result<cv1::Anniversary> AddAnniversary(const Caller& caller, const cv1::AddAnniversaryRequest& request);

  // Campaigns of `agency` whose period touches `year`, and their budgets.
  Status AddYearFigures(const std::string& agency, int year, cv1::AgencyMediaFigures* out) override;

 private:
  // Dates, own fields, exemplars and anniversaries of `campaign` (agency set).
  Status Validate(cv1::Campaign& campaign, const AgencyTree& tree);
  // National anniversaries and those of `agency` and the agencies above it.
  Result<std::vector<cv1::Anniversary>> CalendarOf(const AgencyTree& tree, const std::string& agency);
  CampaignMediaContext& ctx_;
  CampaignStore store_;
};

}  // namespace tdkt::campaign_media
