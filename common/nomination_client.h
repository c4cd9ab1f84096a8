// How the node's other services reach the nomination service: its records,
// their history, lifecycle moves and the agency hierarchy. Calls carry the
// node's identity (a node token minted from the node's key) and a deadline;
// UNAVAILABLE answers are retried with backoff (every write carries a
// request id, so a retry never changes anything twice).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "common/agency_tree.h"
#include "common/auth.h"
#include "common/status.h"
#include "tdkt/nomination/v1/agency.grpc.pb.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"

namespace tdkt {

struct NominationClientOptions {
  std::string address = "127.0.0.1:50051";
  std::string jwt_secret;          // The node's token key.
  std::string subject;             // Who calls, e.g. "evaluation@56".
  std::string agency;              // The node's agency.
  int deadline_ms = 3000;          // Per attempt.
  int attempts = 3;                // For UNAVAILABLE and DEADLINE_EXCEEDED.
  int tree_refresh_ms = 1000;      // How often the hierarchy cache re-checks.
};

class NominationClient {
 public:
  explicit NominationClient(NominationClientOptions options);

  Result<nomination::v1::Nomination> Get(const std::string& id);
  // The whole audit trail, oldest first.
  Result<std::vector<nomination::v1::AuditEntry>> History(const std::string& id);
  Result<nomination::v1::Nomination> Transition(const nomination::v1::TransitionNominationRequest& request);
  Result<nomination::v1::Nomination> AddAttachment(const nomination::v1::AddAttachmentRequest& request);
  Result<nomination::v1::Nomination> AddHistoryNote(const nomination::v1::AddHistoryNoteRequest& request);
  // One page of ListNominations (the caller pages with next_page_token).
  Result<nomination::v1::ListNominationsResponse> List(const nomination::v1::ListNominationsRequest& request);
  // One page of MovementService.ListMovements (the caller pages).
  Result<nomination::v1::ListMovementsResponse> ListMovements(const nomination::v1::ListMovementsRequest& request);
  // One page of the node's change feed (ListChanges; node or admin token).
  Result<nomination::v1::ListChangesResponse> ListChanges(const nomination::v1::ListChangesRequest& request);
  // AgencyService.ListFields: the fields usable by `agency` (national ones
  // first, then those defined by it and its ancestors), code and name.
  Result<std::vector<nomination::v1::Field>> ListFields(const std::string& agency);

  // Applies a change exactly once, however often it is retried: when the
  // record's history already holds `request.request_id()`, the change was
  // made (perhaps by an attempt whose answer was lost) and the record is
  // returned as it is; otherwise the request is sent for the record's current
  // version, reloading and retrying when another writer got there first
  // (ABORTED), up to 5 times.
  template <typename Request>
  Result<nomination::v1::Nomination> ApplyOnce(
      Request request, Result<nomination::v1::Nomination> (NominationClient::*send)(const Request&));

  // The hierarchy, cached and refreshed at most every tree_refresh_ms.
  Result<std::shared_ptr<const AgencyTree>> Tree();

 private:
  template <typename Call>
  Status Invoke(const char* method, Call&& call);
  std::unique_ptr<grpc::ClientContext> NewContext();
  std::string Token();

  NominationClientOptions options_;
  TokenVerifier minter_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<nomination::v1::NominationService::Stub> nominations_;
  std::unique_ptr<nomination::v1::AgencyService::Stub> agencies_;
  std::unique_ptr<nomination::v1::MovementService::Stub> movements_;

  std::mutex token_mutex_;
  std::string token_;
  std::chrono::steady_clock::time_point token_renew_at_{};

  std::mutex tree_mutex_;
  std::shared_ptr<const AgencyTree> tree_;
  int64_t tree_version_ = 0;
  bool tree_refreshing_ = false;  // A caller is fetching a newer snapshot.
  std::chrono::steady_clock::time_point tree_checked_at_{};
};

template <typename Request>
Result<nomination::v1::Nomination> NominationClient::ApplyOnce(
    Request request, Result<nomination::v1::Nomination> (NominationClient::*send)(const Request&)) {
  Status last;
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto history = History(request.id());
    if (!history.ok()) return history.status();
    for (const auto& entry : *history) {
      if (entry.request_id() == request.request_id()) return Get(request.id());
    }
    auto current = Get(request.id());
    if (!current.ok()) return current.status();
    request.set_expected_version(current->version());
    auto sent = (this->*send)(request);
    if (sent.ok() || sent.status().code() != Code::kAborted) return sent;
    last = sent.status();
  }
  return last;
}

}  // namespace tdkt
