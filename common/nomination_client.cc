#include "common/nomination_client.h"

#include <thread>

#include "common/channel.h"
#include "common/grpc_status.h"
#include "common/log.h"

namespace tdkt {
namespace nv1 = ::tdkt::nomination::v1;

namespace {
constexpr long kTokenSeconds = 3600;
}

NominationClient::NominationClient(NominationClientOptions options)
    : options_(std::move(options)), minter_(options_.jwt_secret) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_MAX_RECEIVE_MESSAGE_LENGTH, 64 << 20);
  channel_ = MakeChannel(options_.address, TlsFiles{}, args);
  nominations_ = nv1::NominationService::NewStub(channel_);
  agencies_ = nv1::AgencyService::NewStub(channel_);
  movements_ = nv1::MovementService::NewStub(channel_);
}

std::string NominationClient::Token() {
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

std::unique_ptr<grpc::ClientContext> NominationClient::NewContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + Token());
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(options_.deadline_ms));
  return context;
}

template <typename Call>
Status NominationClient::Invoke(const char* method, Call&& call) {
  Status status;
  for (int attempt = 0; attempt < std::max(1, options_.attempts); ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
    auto context = NewContext();
    status = FromGrpcStatus(call(context.get()));
    if (status.code() != Code::kUnavailable && status.code() != Code::kDeadlineExceeded) return status;
    log::Warn("nomination service call failed", {{"method", method}, {"attempt", std::to_string(attempt + 1)},
                                                 {"error", status.ToString()}});
  }
  if (status.code() == Code::kDeadlineExceeded) {
    return Status::DeadlineExceeded("the nomination service did not answer in time: " + status.message());
  }
  return Status::Unavailable("the nomination service cannot be reached: " + status.message());
}

Result<nv1::Nomination> NominationClient::Get(const std::string& id) {
  nv1::GetNominationRequest request;
  request.set_id(id);
  nv1::Nomination out;
  TDKT_RETURN_IF_ERROR(Invoke("GetNomination", [&](grpc::ClientContext* c) {
    return nominations_->GetNomination(c, request, &out);
  }));
  return out;
}

Result<std::vector<nv1::AuditEntry>> NominationClient::History(const std::string& id) {
  std::vector<nv1::AuditEntry> entries;
  nv1::GetHistoryRequest request;
  request.set_id(id);
  request.set_page_size(500);
  do {
    nv1::GetHistoryResponse page;
    TDKT_RETURN_IF_ERROR(Invoke("GetHistory", [&](grpc::ClientContext* c) {
      return nominations_->GetHistory(c, request, &page);
    }));
    for (auto& e : *page.mutable_entries()) entries.push_back(std::move(e));
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return entries;
}

Result<nv1::Nomination> NominationClient::Transition(const nv1::TransitionNominationRequest& request) {
  nv1::Nomination out;
  TDKT_RETURN_IF_ERROR(Invoke("TransitionNomination", [&](grpc::ClientContext* c) {
    return nominations_->TransitionNomination(c, request, &out);
  }));
  return out;
}

Result<nv1::Nomination> NominationClient::AddAttachment(const nv1::AddAttachmentRequest& request) {
  nv1::Nomination out;
  TDKT_RETURN_IF_ERROR(Invoke("AddAttachment", [&](grpc::ClientContext* c) {
    return nominations_->AddAttachment(c, request, &out);
  }));
  return out;
}

Result<nv1::ListNominationsResponse> NominationClient::List(const nv1::ListNominationsRequest& request) {
  nv1::ListNominationsResponse out;
  TDKT_RETURN_IF_ERROR(Invoke("ListNominations", [&](grpc::ClientContext* c) {
    return nominations_->ListNominations(c, request, &out);
  }));
  return out;
}

Result<nv1::ListChangesResponse> NominationClient::ListChanges(const nv1::ListChangesRequest& request) {
  nv1::ListChangesResponse out;
  TDKT_RETURN_IF_ERROR(Invoke("ListChanges", [&](grpc::ClientContext* c) {
    return nominations_->ListChanges(c, request, &out);
  }));
  return out;
}

Result<std::vector<nv1::Field>> NominationClient::ListFields(const std::string& agency) {
  nv1::ListFieldsRequest request;
  request.set_agency_id(agency);
  nv1::ListFieldsResponse out;
  TDKT_RETURN_IF_ERROR(Invoke("ListFields", [&](grpc::ClientContext* c) {
    return agencies_->ListFields(c, request, &out);
  }));
  return std::vector<nv1::Field>(out.fields().begin(), out.fields().end());
}

Result<nv1::ListMovementsResponse> NominationClient::ListMovements(const nv1::ListMovementsRequest& request) {
  nv1::ListMovementsResponse out;
  TDKT_RETURN_IF_ERROR(Invoke("ListMovements", [&](grpc::ClientContext* c) {
    return movements_->ListMovements(c, request, &out);
  }));
  return out;
}

Result<nv1::Nomination> NominationClient::AddHistoryNote(const nv1::AddHistoryNoteRequest& request) {
  nv1::Nomination out;
  TDKT_RETURN_IF_ERROR(Invoke("AddHistoryNote", [&](grpc::ClientContext* c) {
    return nominations_->AddHistoryNote(c, request, &out);
  }));
  return out;
}

Result<std::shared_ptr<const AgencyTree>> NominationClient::Tree() {
  int64_t known = 0;
  {
    std::lock_guard<std::mutex> lock(tree_mutex_);
    auto now = std::chrono::steady_clock::now();
    const bool fresh = now - tree_checked_at_ < std::chrono::milliseconds(options_.tree_refresh_ms);
    // One caller refreshes; the others keep using the tree they have rather
    // than queueing behind a network call.
    if (tree_ && (fresh || tree_refreshing_)) return tree_;
    tree_refreshing_ = true;
    known = tree_ ? tree_version_ : 0;
  }
  nv1::SnapshotAgenciesRequest request;
  request.set_known_version(known);
  nv1::AgencySnapshot snapshot;
  Status status = Invoke("SnapshotAgencies", [&](grpc::ClientContext* c) {
    return agencies_->SnapshotAgencies(c, request, &snapshot);
  });
  std::shared_ptr<AgencyTree> built;
  if (status.ok() && !snapshot.unchanged()) {
    built = std::make_shared<AgencyTree>();
    for (const auto& a : snapshot.agencies()) {
      AgencyUnit unit;
      unit.id = a.id();
      unit.name = a.name();
      unit.kind = a.kind();
      unit.parent_id = a.parent_id();
      unit.merged_into = a.merged_into();
      unit.former_names.assign(a.former_names().begin(), a.former_names().end());
      unit.version = a.version();
      Status added = built->Add(std::move(unit));
      if (!added.ok()) {
        status = added;
        break;
      }
    }
  }
  std::lock_guard<std::mutex> lock(tree_mutex_);
  tree_refreshing_ = false;
  if (!status.ok()) {
    // Keep serving the last known hierarchy while the nomination service is away.
    if (tree_) return tree_;
    return status;
  }
  tree_checked_at_ = std::chrono::steady_clock::now();
  if (built) {
    tree_ = std::move(built);
    tree_version_ = snapshot.version();
  }
  if (!tree_) return Status::Unavailable("the agency hierarchy is not available yet");
  return tree_;
}

}  // namespace tdkt
