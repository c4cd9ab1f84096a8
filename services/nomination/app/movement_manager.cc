#include "services/nomination/app/movement_manager.h"

#include "common/access.h"
#include "common/text.h"
#include "services/nomination/app/paging.h"
#include "services/nomination/app/request_memo.h"
#include "services/nomination/domain/details_rules.h"
#include "services/nomination/domain/record_id.h"

namespace tdkt::nomination {

namespace {
v1::GetMovementRequest MovementId(const std::string& id) {
  v1::GetMovementRequest request;
  request.set_id(id);
  return request;
}
}  // namespace

MovementManager::MovementManager(MovementRepository& repository, AgencyDirectory& agencies)
    : repository_(repository), agencies_(agencies) {}

Result<v1::Movement> MovementManager::Create(const Caller& caller, v1::CreateMovementRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kNode}, "record emulation movements"));
  TDKT_RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  const std::string fingerprint = Fingerprint("create_movement", request);
  auto tree = agencies_.Tree();
  v1::Movement& m = *request.mutable_movement();
  TDKT_RETURN_IF_ERROR(NormalizeMovement(m, [&](const std::string& a) { return tree->Find(a) != nullptr; }));
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, m.agency_id()));
  auto replay = repository_.FindReplay(m.agency_id(), request.request_id());
  if (!replay.ok()) return replay.status();
  if (replay->has_value()) {
    TDKT_RETURN_IF_ERROR(CheckSameRequest(**replay, fingerprint));
    return Get(caller, MovementId((*replay)->id));
  }
  auto seq = repository_.NextSequence();
  if (!seq.ok()) return seq.status();
  m.set_id(MakeRecordId("mov", m.agency_id(), *seq));
  m.set_version(1);
  m.set_created_by(caller.subject);
  auto outcome = repository_.Create(m, request.request_id(), fingerprint);
  if (!outcome.ok()) return outcome.status();
  if (outcome->kind == SaveOutcome::Kind::kReplay) {
    TDKT_RETURN_IF_ERROR(CheckSameRequest(outcome->replay, fingerprint));
    return Get(caller, MovementId(outcome->replay.id));
  }
  return m;
}

Result<v1::Movement> MovementManager::Get(const Caller& caller, const v1::GetMovementRequest& request) {
  std::string agency;
  int64_t seq;
  if (!ParseRecordId("mov", request.id(), &agency, &seq)) {
    return Status::InvalidArgument("id", "is not a movement id (like mov-79-3)");
  }
  // Movements of an ancestor apply to the caller's units, so they are readable too.
  auto tree = agencies_.Tree();
  if (!tree->IsWithin(agency, caller.agency)) {
    TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, agency));
  }
  auto found = repository_.Get(agency, request.id());
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no emulation movement has the id '" + request.id() + "'");
  return std::move(**found);
}

Result<v1::ListMovementsResponse> MovementManager::List(const Caller& caller, const v1::ListMovementsRequest& request,
                                                       std::chrono::system_clock::time_point deadline) {
  auto page_size = CheckPageSize(request.page_size(), 50, 200);
  if (!page_size.ok()) return page_size.status();
  auto cursor = ParseSequenceToken(request.page_token());
  if (!cursor.ok()) return cursor.status();
  std::string query = request.text();
  TDKT_RETURN_IF_ERROR(NormalizeText("text", query, 200, false));
  auto tree = agencies_.Tree();
  std::string root = request.agency_id().empty() ? caller.agency : request.agency_id();
  if (!tree->Find(root)) return Status::InvalidArgument("agency_id", "no agency has the code '" + root.substr(0, 40) + "'");
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, root));
  const auto subtree = tree->Subtree(root);
  auto page = CollectPage<v1::Movement>(
      *cursor, *page_size, "mov", deadline,
      [&](int64_t before, size_t batch) { return repository_.Scan(subtree, before, batch); },
      [&](const std::vector<IndexedId>& ids) { return repository_.GetMany(ids); },
      [&](const v1::Movement& m) { return query.empty() || text::MatchesAllWords(text::Fold(m.name()), query); });
  if (!page.ok()) return page.status();
  v1::ListMovementsResponse response;
  for (auto& m : page->records) *response.add_movements() = std::move(m);
  response.set_next_page_token(page->next_page_token);
  return response;
}

}  // namespace tdkt::nomination
