// Friendly commands for candidates: create, get, history, list, transition,
// foster, follow-up. Each builds the typed request from flags and calls
// tdkt.nomination.v1.NominationService.
#include <limits>

#include "tdkt/nomination/v1/nomination.grpc.pb.h"
#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/ids.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/pager.h"
#include "tools/tdktctl/values.h"

namespace tdkt::ctl {
namespace {

constexpr int64_t kMaxInt64 = std::numeric_limits<int64_t>::max();

std::string Method(const char* name) {
  return std::string(v1::NominationService::service_full_name()) + "/" + name;
}

// Values of a repeatable flag; each may also hold several, comma separated.
std::vector<std::string> ListFlag(const Args& args, const std::string& name, char sep) {
  std::vector<std::string> out;
  for (const auto& value : args.GetAll(name)) {
    for (auto& item : SplitList(value, sep)) out.push_back(std::move(item));
  }
  return out;
}

// --version=N: the version the caller read, for optimistic concurrency.
Result<int64_t> VersionFlag(const Args& args) {
  if (!args.Has("version")) {
    return Status::InvalidArgument("--version", "is required: the version you read (see 'tdktctl get ID')");
  }
  return ParseInt("--version", args.Get("version"), 1, kMaxInt64);
}

}  // namespace

int RunCreate(const Args& args, const Endpoint& endpoint) {
  v1::CreateNominationRequest request;
  request.set_request_id(RequestIdFrom(args));
  v1::NominationDetails* d = request.mutable_details();
  auto name = args.Required("name");
  if (!name.ok()) return UsageError("create", name.status());
  auto kind_text = args.Required("kind");
  if (!kind_text.ok()) return UsageError("create", kind_text.status());
  auto kind = ParseKind(*kind_text);
  if (!kind.ok()) return UsageError("create", kind.status());
  auto agency = args.Required("agency");
  if (!agency.ok()) return UsageError("create", agency.status());
  const std::vector<std::string> fields = ListFlag(args, "field", ',');
  if (fields.empty()) return UsageError("create", "--field: give at least one field code (see 'tdktctl fields')");
  d->set_name(*name);
  d->set_kind(*kind);
  d->set_agency_id(*agency);
  for (const auto& f : fields) d->add_fields(f);
  d->set_movement_id(args.Get("movement"));
  d->set_achievements(args.Get("achievements"));
  d->set_discovered_by(args.Get("discovered-by"));
  if (args.Has("discovered-at")) {
    auto at = ParseVietnamDate(args.Get("discovered-at"));
    if (!at.ok()) return UsageError("create", "--discovered-at: " + at.status().message());
    d->mutable_discovered_at()->set_seconds(*at);
  }
  for (const auto& title : args.GetAll("initiative")) d->add_initiatives()->set_title(title);
  for (const auto& title : args.GetAll("evidence")) d->add_evidence()->set_title(title);
  RpcClient client(endpoint);
  v1::Nomination response;
  return Finish(client.Call(Method("CreateNomination"), request, &response), response);
}

int RunGet(const Args& args, const Endpoint& endpoint) {
  v1::GetNominationRequest request;
  request.set_id(args.positional()[0]);
  RpcClient client(endpoint);
  v1::Nomination response;
  return Finish(client.Call(Method("GetNomination"), request, &response), response);
}

int RunHistory(const Args& args, const Endpoint& endpoint) {
  v1::GetHistoryRequest request;
  request.set_id(args.positional()[0]);
  if (args.Has("page-size")) {
    auto size = ParseInt("--page-size", args.Get("page-size"), 1, 500);
    if (!size.ok()) return UsageError("history", size.status());
    request.set_page_size(static_cast<int32_t>(*size));
  }
  request.set_page_token(args.Get("page-token"));
  RpcClient client(endpoint);
  if (args.Has("all")) {
    Json entries = Json::array();
    grpc::Status status = FetchAllPages(client, Method("GetHistory"), &request, v1::GetHistoryResponse(), &entries);
    if (!status.ok()) return ReportError(status);
    PrintJson(entries);
    return kExitOk;
  }
  v1::GetHistoryResponse response;
  return Finish(client.Call(Method("GetHistory"), request, &response), response);
}

int RunList(const Args& args, const Endpoint& endpoint) {
  v1::ListNominationsRequest request;
  request.set_agency_id(args.Get("agency"));
  request.set_field(args.Get("field"));
  request.set_text(args.Get("text"));
  request.set_page_token(args.Get("page-token"));
  if (args.Has("state")) {
    auto state = ParseState(args.Get("state"));
    if (!state.ok()) return UsageError("list", state.status());
    request.set_state(*state);
  }
  if (args.Has("kind")) {
    auto kind = ParseKind(args.Get("kind"));
    if (!kind.ok()) return UsageError("list", kind.status());
    request.set_kind(*kind);
  }
  if (args.Has("year")) {
    auto year = ParseInt("--year", args.Get("year"), 1900, 2200);
    if (!year.ok()) return UsageError("list", year.status());
    request.set_year(static_cast<int32_t>(*year));
  }
  if (args.Has("page-size")) {
    auto size = ParseInt("--page-size", args.Get("page-size"), 1, 200);
    if (!size.ok()) return UsageError("list", size.status());
    request.set_page_size(static_cast<int32_t>(*size));
  }
  RpcClient client(endpoint);
  if (args.Has("all")) {
    Json items = Json::array();
    grpc::Status status =
        FetchAllPages(client, Method("ListNominations"), &request, v1::ListNominationsResponse(), &items);
    if (!status.ok()) return ReportError(status);
    PrintJson(items);
    return kExitOk;
  }
  v1::ListNominationsResponse response;
  return Finish(client.Call(Method("ListNominations"), request, &response), response);
}

int RunTransition(const Args& args, const Endpoint& endpoint) {
  v1::TransitionNominationRequest request;
  request.set_request_id(RequestIdFrom(args));
  request.set_id(args.positional()[0]);
  auto to = args.Required("to");
  if (!to.ok()) return UsageError("transition", to.status());
  auto state = ParseState(*to);
  if (!state.ok()) return UsageError("transition", state.status());
  auto version = VersionFlag(args);
  if (!version.ok()) return UsageError("transition", version.status());
  request.set_to_state(*state);
  request.set_expected_version(*version);
  request.set_reason(args.Get("reason"));
  RpcClient client(endpoint);
  v1::Nomination response;
  return Finish(client.Call(Method("TransitionNomination"), request, &response), response);
}

int RunFoster(const Args& args, const Endpoint& endpoint) {
  v1::SetFosteringPlanRequest request;
  request.set_request_id(RequestIdFrom(args));
  request.set_id(args.positional()[0]);
  auto version = VersionFlag(args);
  if (!version.ok()) return UsageError("foster", version.status());
  request.set_expected_version(*version);
  v1::FosteringPlan* plan = request.mutable_plan();
  for (const auto& m : args.GetAll("measure")) plan->add_support_measures(m);
  if (plan->support_measures().empty()) return UsageError("foster", "--measure: give at least one support measure");
  for (const auto& s : args.GetAll("shortcoming")) plan->add_shortcomings(s);
  plan->set_responsible(args.Get("responsible"));
  plan->set_target_date(args.Get("target-date"));
  RpcClient client(endpoint);
  v1::Nomination response;
  return Finish(client.Call(Method("SetFosteringPlan"), request, &response), response);
}

int RunFollowUp(const Args& args, const Endpoint& endpoint) {
  v1::AddFollowUpRequest request;
  request.set_request_id(RequestIdFrom(args));
  request.set_id(args.positional()[0]);
  auto version = VersionFlag(args);
  if (!version.ok()) return UsageError("follow-up", version.status());
  auto date = args.Required("date");
  if (!date.ok()) return UsageError("follow-up", date.status());
  auto note = args.Required("note");
  if (!note.ok()) return UsageError("follow-up", note.status());
  request.set_expected_version(*version);
  request.mutable_follow_up()->set_date(*date);
  request.mutable_follow_up()->set_note(*note);
  RpcClient client(endpoint);
  v1::Nomination response;
  return Finish(client.Call(Method("AddFollowUp"), request, &response), response);
}

}  // namespace tdkt::ctl
