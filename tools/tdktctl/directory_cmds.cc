// Friendly commands for the records candidates refer to: emulation movements
// (MovementService), agencies and fields of work (AgencyService).
#include "tdkt/nomination/v1/agency.grpc.pb.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/ids.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/pager.h"
#include "tools/tdktctl/values.h"

namespace tdkt::ctl {
namespace {

std::string MovementMethod(const char* name) {
  return std::string(v1::MovementService::service_full_name()) + "/" + name;
}

std::string AgencyMethod(const char* name) {
  return std::string(v1::AgencyService::service_full_name()) + "/" + name;
}

// Sets page_size from --page-size (1..max); false after a usage error.
template <typename Request>
bool SetPageSize(const Args& args, int64_t max, Request* request, Status* error) {
  if (!args.Has("page-size")) return true;
  auto size = ParseInt("--page-size", args.Get("page-size"), 1, max);
  if (!size.ok()) {
    *error = size.status();
    return false;
  }
  request->set_page_size(static_cast<int32_t>(*size));
  return true;
}

// One page, or with --all every page as one JSON array of items.
template <typename Request, typename Response>
int ListPages(const Args& args, const Endpoint& endpoint, const std::string& method, Request* request) {
  RpcClient client(endpoint);
  if (args.Has("all")) {
    Json items = Json::array();
    grpc::Status status = FetchAllPages(client, method, request, Response(), &items);
    if (!status.ok()) return ReportError(status);
    PrintJson(items);
    return kExitOk;
  }
  Response response;
  return Finish(client.Call(method, *request, &response), response);
}

}  // namespace

int RunMovementCreate(const Args& args, const Endpoint& endpoint) {
  v1::CreateMovementRequest request;
  request.set_request_id(RequestIdFrom(args));
  v1::Movement* m = request.mutable_movement();
  for (const char* flag : {"agency", "name", "start", "end"}) {
    if (auto value = args.Required(flag); !value.ok()) return UsageError("movement-create", value.status());
  }
  m->set_agency_id(args.Get("agency"));
  m->set_name(args.Get("name"));
  m->set_period_start(args.Get("start"));
  m->set_period_end(args.Get("end"));
  for (const auto& goal : args.GetAll("goal")) m->add_goals(goal);
  RpcClient client(endpoint);
  v1::Movement response;
  return Finish(client.Call(MovementMethod("CreateMovement"), request, &response), response);
}

int RunMovements(const Args& args, const Endpoint& endpoint) {
  v1::ListMovementsRequest request;
  request.set_agency_id(args.Get("agency"));
  request.set_text(args.Get("text"));
  request.set_page_token(args.Get("page-token"));
  Status error;
  if (!SetPageSize(args, 200, &request, &error)) return UsageError("movements", error);
  return ListPages<v1::ListMovementsRequest, v1::ListMovementsResponse>(args, endpoint,
                                                                        MovementMethod("ListMovements"), &request);
}

int RunMovement(const Args& args, const Endpoint& endpoint) {
  v1::GetMovementRequest request;
  request.set_id(args.positional()[0]);
  RpcClient client(endpoint);
  v1::Movement response;
  return Finish(client.Call(MovementMethod("GetMovement"), request, &response), response);
}

int RunAgencies(const Args& args, const Endpoint& endpoint) {
  v1::ListAgenciesRequest request;
  request.set_parent_id(args.Get("parent"));
  request.set_text(args.Get("text"));
  request.set_page_token(args.Get("page-token"));
  Status error;
  if (!SetPageSize(args, 500, &request, &error)) return UsageError("agencies", error);
  return ListPages<v1::ListAgenciesRequest, v1::ListAgenciesResponse>(args, endpoint,
                                                                      AgencyMethod("ListAgencies"), &request);
}

int RunAgency(const Args& args, const Endpoint& endpoint) {
  v1::GetAgencyRequest request;
  request.set_id(args.positional()[0]);
  RpcClient client(endpoint);
  v1::Agency response;
  return Finish(client.Call(AgencyMethod("GetAgency"), request, &response), response);
}

int RunFields(const Args& args, const Endpoint& endpoint) {
  v1::ListFieldsRequest request;
  request.set_agency_id(args.Get("agency"));
  RpcClient client(endpoint);
  v1::ListFieldsResponse response;
  return Finish(client.Call(AgencyMethod("ListFields"), request, &response), response);
}

}  // namespace tdkt::ctl
