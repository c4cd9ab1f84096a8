// gRPC handlers of tdkt.campaign_media.v1.OutreachService (callback API).
// Each handler authenticates and delegates to OutreachManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/outreach_manager.h"
#include "tdkt/campaign_media/v1/outreach.grpc.pb.h"

namespace tdkt::campaign_media {

class OutreachService final : public cv1::OutreachService::CallbackService {
 public:
  OutreachService(OutreachManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* RecordExchangeEvent(grpc::CallbackServerContext* c,
                                                const cv1::RecordExchangeEventRequest* r,
                                                cv1::ExchangeEvent* out) override;
  grpc::ServerUnaryReactor* ListExchangeEvents(grpc::CallbackServerContext* c, const cv1::ListExchangeEventsRequest* r,
                                               cv1::ListExchangeEventsResponse* out) override;
  grpc::ServerUnaryReactor* RecordReplication(grpc::CallbackServerContext* c, const cv1::RecordReplicationRequest* r,
                                              cv1::Replication* out) override;
  grpc::ServerUnaryReactor* ListReplications(grpc::CallbackServerContext* c, const cv1::ListReplicationsRequest* r,
                                             cv1::ListReplicationsResponse* out) override;

 private:
  OutreachManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::campaign_media
