// ParentLink on gRPC: the parent node's NominationFederationService at the
// address of the node file, each call bounded by the file's deadline.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/channel.h"
#include "services/nomination/app/federation_manager.h"
#include "tdkt/nomination/v1/federation.grpc.pb.h"

namespace tdkt::nomination {

class ParentClient final : public ParentLink {
 public:
  ParentClient(const std::string& address, const TlsFiles& tls, int deadline_ms);

  Result<fv1::Receipt> ReceiveProposal(const fv1::Envelope& envelope) override;
  Result<fv1::Envelope> PollOutcomes(const fv1::Envelope& envelope) override;

 private:
  void Prepare(grpc::ClientContext& context) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::NominationFederationService::Stub> stub_;
  int deadline_ms_;
};

}  // namespace tdkt::nomination
