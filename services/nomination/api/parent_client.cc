#include "services/nomination/api/parent_client.h"

#include <chrono>

#include "common/grpc_status.h"

namespace tdkt::nomination {

ParentClient::ParentClient(const std::string& address, const TlsFiles& tls, int deadline_ms)
    : channel_([&] {
        // Reconnect soon after the parent comes back instead of gRPC's
        // default backoff of up to two minutes.
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
        args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 200);
        args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
        return MakeChannel(address, tls, args);
      }()),
      stub_(v1::NominationFederationService::NewStub(channel_)),
      deadline_ms_(deadline_ms) {}

void ParentClient::Prepare(grpc::ClientContext& context) const {
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(deadline_ms_));
}

Result<fv1::Receipt> ParentClient::ReceiveProposal(const fv1::Envelope& envelope) {
  grpc::ClientContext context;
  Prepare(context);
  fv1::Receipt receipt;
  grpc::Status st = stub_->ReceiveProposal(&context, envelope, &receipt);
  if (!st.ok()) return FromGrpcStatus(st);
  return receipt;
}

Result<fv1::Envelope> ParentClient::PollOutcomes(const fv1::Envelope& envelope) {
  grpc::ClientContext context;
  Prepare(context);
  fv1::Envelope answer;
  grpc::Status st = stub_->PollOutcomes(&context, envelope, &answer);
  if (!st.ok()) return FromGrpcStatus(st);
  return answer;
}

}  // namespace tdkt::nomination
