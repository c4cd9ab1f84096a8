// How the reporting service reads the year's media figures from the node's
// campaign-media service (MediaFiguresService.GetYearFigures), with the
// node's identity (a node token minted from the node's key) and a deadline.
// One attempt: when campaign-media cannot be reached the report is still
// built, its media section marked unavailable.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/auth.h"
#include "services/reporting/domain/report_rules.h"
#include "tdkt/campaign_media/v1/figures.grpc.pb.h"

namespace tdkt::reporting {

struct CampaignMediaSourceOptions {
  std::string address = "127.0.0.1:50053";  // Empty: none (always unavailable).
  std::string jwt_secret;   // The node's token key.
  std::string subject;      // e.g. "reporting@56".
  std::string agency;       // The node's agency.
  int deadline_ms = 3000;
};

class CampaignMediaSource {
 public:
  explicit CampaignMediaSource(CampaignMediaSourceOptions options);
  // The rows of `agency`'s subtree for `year`; never fails: an error gives
  // available = false and a note naming it.
  MediaRows YearFigures(const std::string& agency, int year);

 private:
  std::string Token();

  CampaignMediaSourceOptions options_;
  TokenVerifier minter_;
  std::unique_ptr<cmv1::MediaFiguresService::Stub> stub_;
  std::mutex token_mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point token_renew_at_{};
};

}  // namespace tdkt::reporting
