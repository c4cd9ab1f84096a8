// Use cases of exchange / honouring events and replication: record and list
// them. Adds the year's events, their attendance and the year's adoptions to
// the media figures. Knows nothing of gRPC.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/figure_source.h"
#include "services/campaign_media/storage/campaign_store.h"
#include "services/campaign_media/storage/outreach_store.h"
#include "tdkt/campaign_media/v1/outreach.pb.h"

namespace tdkt::campaign_media {

class OutreachManager : public FigureSource {
 public:
  explicit OutreachManager(CampaignMediaContext& ctx) : ctx_(ctx), store_(ctx.store), campaigns_(ctx.store) {}

  Result<cv1::ExchangeEvent> RecordEvent(const Caller& caller, const cv1::RecordExchangeEventRequest& request);
  Result<cv1::ListExchangeEventsResponse> ListEvents(const Caller& caller,
                                                     const cv1::ListExchangeEventsRequest& request);
  Result<cv1::Replication> RecordReplication(const Caller& caller, const cv1::RecordReplicationRequest& request);
  Result<cv1::ListReplicationsResponse> ListReplications(const Caller& caller,
                                                         const cv1::ListReplicationsRequest& request);

  // EXCHANGE and HONOURING events of `agency` dated in `year`, their
  // attendance, and the adoptions it recorded in `year`.
  Status AddYearFigures(const std::string& agency, int year, cv1::AgencyMediaFigures* out) override;

 private:
  CampaignMediaContext& ctx_;
  OutreachStore store_;
  CampaignStore campaigns_;  // To check the campaign an event belongs to.
};

}  // namespace tdkt::campaign_media
