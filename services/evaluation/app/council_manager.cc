#include "services/evaluation/app/council_manager.h"

#include "common/page_request.h"
#include "services/evaluation/domain/council_rules.h"

namespace tdkt::evaluation {

Result<v1::Council> CouncilManager::Create(const Caller& caller, const v1::CreateCouncilRequest& request) {
  // A council is set up by the agency's decision and recorded by its emulation
  // office; its own secretary may not change its members or thresholds.
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "set up a council"));
  v1::Council council = request.council();
  council.clear_id();
  council.clear_version();
  TDKT_RETURN_IF_ERROR(NormalizeCouncil(council));
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, council.agency_id()));
  return Idempotent<v1::Council>(ctx_, caller, "CreateCouncil", request.request_id(), request,
                                 [&](const MemoWriter& memo) -> Result<v1::Council> {
                                   auto id = ctx_.councils.NewId(council.agency_id());
                                   if (!id.ok()) return id.status();
                                   council.set_id(*id);
                                   TDKT_RETURN_IF_ERROR(ctx_.councils.Create(council, memo));
                                   return council;
                                 });
}

Result<v1::Council> CouncilManager::Update(const Caller& caller, const v1::UpdateCouncilRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "change a council"));
  v1::Council council = request.council();
  if (council.id().empty()) return Status::InvalidArgument("council.id", "say which council to change");
  auto stored = ctx_.councils.Get(council.id());
  if (!stored.ok()) return stored.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, stored->agency_id()));
  if (!council.agency_id().empty() && council.agency_id() != stored->agency_id()) {
    return Status::InvalidArgument("council.agency_id", "a council cannot move to another agency; create a new one");
  }
  council.set_agency_id(stored->agency_id());
  TDKT_RETURN_IF_ERROR(NormalizeCouncil(council));
  return Idempotent<v1::Council>(ctx_, caller, "UpdateCouncil", request.request_id(), request,
                                 [&](const MemoWriter& memo) -> Result<v1::Council> {
                                   if (request.expected_version() != stored->version()) {
                                     return Status::Aborted("the council was changed meanwhile (version " +
                                                            std::to_string(stored->version()) +
                                                            "); read it again and retry");
                                   }
                                   council.set_version(stored->version());
                                   TDKT_RETURN_IF_ERROR(ctx_.councils.Update(council, memo));
                                   return council;
                                 });
}

Result<v1::Council> CouncilManager::Get(const Caller& caller, const v1::GetCouncilRequest& request) {
  if (request.id().empty()) return Status::InvalidArgument("id", "say which council to read");
  auto council = ctx_.councils.Get(request.id());
  if (!council.ok()) return council.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, council->agency_id()));
  return council;
}

Result<v1::ListCouncilsResponse> CouncilManager::List(const Caller& caller, const v1::ListCouncilsRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, agency));
  std::vector<int64_t> cursors;
  auto councils = ctx_.councils.ListByAgency(agency, *before, *size + 1, &cursors);
  if (!councils.ok()) return councils.status();
  v1::ListCouncilsResponse out;
  for (int i = 0; i < static_cast<int>(councils->size()) && i < *size; ++i) *out.add_councils() = (*councils)[i];
  if (static_cast<int>(councils->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

}  // namespace tdkt::evaluation
