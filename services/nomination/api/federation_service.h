// gRPC handlers of tdkt.nomination.v1.NominationFederationService (callback
// API). No access token: the envelope's signature, checked by
// FederationManager against the configured node keys, authenticates the
// calling node.
#pragma once

#include "services/nomination/app/federation_manager.h"
#include "tdkt/nomination/v1/federation.grpc.pb.h"

namespace tdkt::nomination {

class NominationFederationService final : public v1::NominationFederationService::CallbackService {
 public:
  explicit NominationFederationService(FederationManager& manager) : manager_(manager) {}

  grpc::ServerUnaryReactor* ReceiveProposal(grpc::CallbackServerContext* c, const fv1::Envelope* r,
                                            fv1::Receipt* out) override;
  grpc::ServerUnaryReactor* PollOutcomes(grpc::CallbackServerContext* c, const fv1::Envelope* r,
                                         fv1::Envelope* out) override;

 private:
  FederationManager& manager_;
};

}  // namespace tdkt::nomination
