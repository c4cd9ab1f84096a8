#include "services/campaign_media/api/figures_service.h"

#include "common/rpc_handler.h"

namespace tdkt::campaign_media {

grpc::ServerUnaryReactor* FiguresService::GetYearFigures(grpc::CallbackServerContext* c,
                                                         const fgv1::GetYearFiguresRequest* r,
                                                         fgv1::GetYearFiguresResponse* out) {
  return HandleUnary(c, "GetYearFigures", v_, out, [&](const Caller& caller) { return m_.GetYearFigures(caller, *r); });
}

}  // namespace tdkt::campaign_media
