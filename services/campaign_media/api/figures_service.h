// gRPC handlers of tdkt.campaign_media.v1.MediaFiguresService (callback API):
// authenticate, delegate to FiguresManager, map the Status.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/figures_manager.h"
#include "tdkt/campaign_media/v1/figures.grpc.pb.h"

namespace tdkt::campaign_media {

class FiguresService final : public fgv1::MediaFiguresService::CallbackService {
 public:
  FiguresService(FiguresManager& m, const TokenVerifier& v) : m_(m), v_(v) {}
  grpc::ServerUnaryReactor* GetYearFigures(grpc::CallbackServerContext* c, const fgv1::GetYearFiguresRequest* r,
                                           fgv1::GetYearFiguresResponse* out) override;

 private:
  FiguresManager& m_;
  const TokenVerifier& v_;
};

}  // namespace tdkt::campaign_media
