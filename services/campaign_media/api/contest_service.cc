#include "services/campaign_media/api/contest_service.h"

#include "common/rpc_handler.h"

namespace tdkt::campaign_media {

grpc::ServerUnaryReactor* ContestService::CreateContest(grpc::CallbackServerContext* c, const cv1::CreateContestRequest* r,
    cv1::Contest* out) {
  return HandleUnary(c, "CreateContest", verifier_, out, [&](const Caller& caller) { return manager_.Create(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::GetContest(grpc::CallbackServerContext* c, const cv1::GetContestRequest* r,
    cv1::Contest* out) {
  return HandleUnary(c, "GetContest", verifier_, out, [&](const Caller& caller) { return manager_.Get(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::ListContests(grpc::CallbackServerContext* c, const cv1::ListContestsRequest* r,
    cv1::ListContestsResponse* out) {
  return HandleUnary(c, "ListContests", verifier_, out, [&](const Caller& caller) { return manager_.List(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::SubmitEntry(grpc::CallbackServerContext* c, const cv1::SubmitEntryRequest* r,
    cv1::ContestEntry* out) {
  return HandleUnary(c, "SubmitEntry", verifier_, out, [&](const Caller& caller) { return manager_.Submit(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::ListEntries(grpc::CallbackServerContext* c, const cv1::ListEntriesRequest* r,
    cv1::ListEntriesResponse* out) {
  return HandleUnary(c, "ListEntries", verifier_, out, [&](const Caller& caller) { return manager_.ListEntries(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::ScoreEntry(grpc::CallbackServerContext* c, const cv1::ScoreEntryRequest* r,
    cv1::ScoreEntryResponse* out) {
  return HandleUnary(c, "ScoreEntry", verifier_, out, [&](const Caller& caller) { return manager_.Score(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::GetResults(grpc::CallbackServerContext* c, const cv1::GetResultsRequest* r,
    cv1::GetResultsResponse* out) {
  return HandleUnary(c, "GetResults", verifier_, out, [&](const Caller& caller) { return manager_.Results(caller, *r); });
}

grpc::ServerUnaryReactor* ContestService::CloseContest(grpc::CallbackServerContext* c, const cv1::CloseContestRequest* r,
    cv1::GetResultsResponse* out) {
  return HandleUnary(c, "CloseContest", verifier_, out, [&](const Caller& caller) { return manager_.Close(caller, *r); });
}

}  // namespace tdkt::campaign_media
