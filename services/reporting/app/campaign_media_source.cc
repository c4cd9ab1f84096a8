#include "services/reporting/app/campaign_media_source.h"

#include "common/channel.h"
#include "common/grpc_status.h"
#include "common/log.h"

namespace tdkt::reporting {

namespace {
constexpr long kTokenSeconds = 3600;
}

CampaignMediaSource::CampaignMediaSource(CampaignMediaSourceOptions options)
    : options_(std::move(options)), minter_(options_.jwt_secret) {
  if (options_.address.empty()) return;  // No campaign-media on this node.
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_MAX_RECEIVE_MESSAGE_LENGTH, 64 << 20);
  stub_ = cmv1::MediaFiguresService::NewStub(
      MakeChannel(options_.address, TlsFiles{}, args));
}

std::string CampaignMediaSource::Token() {
  std::lock_guard<std::mutex> lock(token_mutex_);
  auto now = std::chrono::steady_clock::now();
  if (token_.empty() || now >= token_renew_at_) {
    auto minted = minter_.Mint(Caller{options_.subject, Role::kNode, options_.agency}, kTokenSeconds);
    if (minted.ok()) {
      token_ = *minted;
      token_renew_at_ = now + std::chrono::seconds(kTokenSeconds - 300);
    }
  }
  return token_;
}

MediaRows CampaignMediaSource::YearFigures(const std::string& agency, int year) {
  MediaRows out;
  if (!stub_) return out;
  cmv1::GetYearFiguresRequest request;
  request.set_agency_id(agency);
  request.set_year(year);
  cmv1::GetYearFiguresResponse response;
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + Token());
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(options_.deadline_ms));
  Status status = FromGrpcStatus(stub_->GetYearFigures(&context, request, &response));
  if (!status.ok()) {
    log::Warn("campaign-media figures unavailable", {{"agency", agency}, {"error", status.ToString()}});
    out.note = "Không lấy được số liệu tuyên truyền từ dịch vụ campaign-media (" + status.ToString() + ")";
    return out;
  }
  out.available = true;
  out.rows.assign(response.agencies().begin(), response.agencies().end());
  return out;
}

}  // namespace tdkt::reporting
