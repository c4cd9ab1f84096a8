// gRPC handlers of tdkt.campaign_media.v1.ContestService (callback API). Each
// handler authenticates and delegates to ContestManager; no rules live here.
#pragma once

#include "common/auth.h"
#include "services/campaign_media/app/contest_manager.h"
#include "tdkt/campaign_media/v1/contest.grpc.pb.h"

namespace tdkt::campaign_media {

class ContestService final : public cv1::ContestService::CallbackService {
 public:
  ContestService(ContestManager& manager, const TokenVerifier& verifier) : manager_(manager), verifier_(verifier) {}

  grpc::ServerUnaryReactor* CreateContest(grpc::CallbackServerContext* c, const cv1::CreateContestRequest* r,
      cv1::Contest* out) override;
  grpc::ServerUnaryReactor* GetContest(grpc::CallbackServerContext* c, const cv1::GetContestRequest* r,
      cv1::Contest* out) override;
  grpc::ServerUnaryReactor* ListContests(grpc::CallbackServerContext* c, const cv1::ListContestsRequest* r,
      cv1::ListContestsResponse* out) override;
  grpc::ServerUnaryReactor* SubmitEntry(grpc::CallbackServerContext* c, const cv1::SubmitEntryRequest* r,
      cv1::ContestEntry* out) override;
  grpc::ServerUnaryReactor* ListEntries(grpc::CallbackServerContext* c, const cv1::ListEntriesRequest* r,
      cv1::ListEntriesResponse* out) override;
  grpc::ServerUnaryReactor* ScoreEntry(grpc::CallbackServerContext* c, const cv1::ScoreEntryRequest* r,
      cv1::ScoreEntryResponse* out) override;
  grpc::ServerUnaryReactor* GetResults(grpc::CallbackServerContext* c, const cv1::GetResultsRequest* r,
      cv1::GetResultsResponse* out) override;
  grpc::ServerUnaryReactor* CloseContest(grpc::CallbackServerContext* c, const cv1::CloseContestRequest* r,
      cv1::GetResultsResponse* out) override;

 private:
  ContestManager& manager_;
  const TokenVerifier& verifier_;
};

}  // namespace tdkt::campaign_media
