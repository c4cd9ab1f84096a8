#include "services/campaign_media/api/outreach_service.h"

#include "common/rpc_handler.h"

namespace tdkt::campaign_media {

grpc::ServerUnaryReactor* OutreachService::RecordExchangeEvent(grpc::CallbackServerContext* c,
                                                               const cv1::RecordExchangeEventRequest* r,
                                                               cv1::ExchangeEvent* out) {
  return HandleUnary(c, "RecordExchangeEvent", verifier_, out,
                     [&](const Caller& caller) { return manager_.RecordEvent(caller, *r); });
}

grpc::ServerUnaryReactor* OutreachService::ListExchangeEvents(grpc::CallbackServerContext* c,
                                                              const cv1::ListExchangeEventsRequest* r,
                                                              cv1::ListExchangeEventsResponse* out) {
  return HandleUnary(c, "ListExchangeEvents", verifier_, out,
                     [&](const Caller& caller) { return manager_.ListEvents(caller, *r); });
}

grpc::ServerUnaryReactor* OutreachService::RecordReplication(grpc::CallbackServerContext* c,
                                                             const cv1::RecordReplicationRequest* r,
                                                             cv1::Replication* out) {
  return HandleUnary(c, "RecordReplication", verifier_, out,
                     [&](const Caller& caller) { return manager_.RecordReplication(caller, *r); });
}

grpc::ServerUnaryReactor* OutreachService::ListReplications(grpc::CallbackServerContext* c,
                                                            const cv1::ListReplicationsRequest* r,
                                                            cv1::ListReplicationsResponse* out) {
  return HandleUnary(c, "ListReplications", verifier_, out,
                     [&](const Caller& caller) { return manager_.ListReplications(caller, *r); });
}

}  // namespace tdkt::campaign_media
