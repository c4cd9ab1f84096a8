#include "services/nomination/app/agency_manager.h"

#include <algorithm>

#include "common/access.h"
#include "common/text.h"
#include "services/nomination/app/request_memo.h"
#include "services/nomination/domain/details_rules.h"
#include "services/nomination/domain/fields.h"

namespace tdkt::nomination {
namespace {

v1::Agency ToProto(const AgencyUnit& u) {
  v1::Agency a;
  a.set_id(u.id);
  a.set_name(u.name);
  a.set_kind(u.kind);
  a.set_parent_id(u.parent_id);
  a.set_merged_into(u.merged_into);
  for (const auto& n : u.former_names) a.add_former_names(n);
  a.set_version(u.version);
  return a;
}

}  // namespace

AgencyManager::AgencyManager(AgencyDirectory& agencies) : agencies_(agencies) {}

Result<v1::Agency> AgencyManager::Get(const Caller& caller, const v1::GetAgencyRequest& request) {
  auto tree = agencies_.Tree();
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, request.id()));
  const AgencyUnit* unit = tree->Find(request.id());
  if (!unit) return Status::NotFound("no agency has the code '" + request.id() + "'");
  return ToProto(*unit);
}

Result<v1::ListAgenciesResponse> AgencyManager::List(const Caller& caller, const v1::ListAgenciesRequest& request) {
  auto page_size = CheckPageSize(request.page_size(), 100, 500);
  if (!page_size.ok()) return page_size.status();
  std::string query = request.text();
  TDKT_RETURN_IF_ERROR(NormalizeText("text", query, 200, false));
  auto tree = agencies_.Tree();
  std::string parent = request.parent_id().empty() ? caller.agency : request.parent_id();
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, parent));
  // Without text: the direct children. With text: matches anywhere below.
  std::vector<std::string> ids;
  if (query.empty()) {
    ids = tree->Children(parent);
  } else {
    for (const auto& id : tree->Subtree(parent)) {
      if (id != parent && text::MatchesAllWords(text::Fold(tree->Find(id)->name), query)) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
  }
  auto start = std::upper_bound(ids.begin(), ids.end(), request.page_token());
  if (request.page_token().empty()) start = ids.begin();
  v1::ListAgenciesResponse response;
  for (auto it = start; it != ids.end(); ++it) {
    if (response.agencies_size() == *page_size) {
      response.set_next_page_token(response.agencies(response.agencies_size() - 1).id());
      break;
    }
    *response.add_agencies() = ToProto(*tree->Find(*it));
  }
  return response;
}

Status AgencyManager::CheckAdminChange(const Caller& caller, const AgencyTree& tree, const std::string& id,
                                       int64_t expected_version) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "change the agency hierarchy"));
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, tree, id));
  const AgencyUnit* unit = tree.Find(id);
  if (!unit) return Status::NotFound("no agency has the code '" + id + "'");
  if (expected_version != unit->version) {
    return Status::Aborted("agency " + id + " is at version " + std::to_string(unit->version) + ", not " +
                           std::to_string(expected_version) + "; reload it and try again");
  }
  return Status::Ok();
}

Result<v1::Agency> AgencyManager::Add(const Caller& caller, v1::AddAgencyRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "change the agency hierarchy"));
  if (!AgencyTree::IsValidId(request.id())) {
    return Status::InvalidArgument("id", "agency code must be 1-32 letters, digits or '_'");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("name", *request.mutable_name(), kMaxShortTextChars, true));
  TDKT_RETURN_IF_ERROR(NormalizeLine("kind", *request.mutable_kind(), 100, true));
  auto result = agencies_.Mutate([&](AgencyTree& tree) {
    if (!tree.Find(request.parent_id())) {
      return Status::InvalidArgument("parent_id", "no agency has the code '" + request.parent_id() + "'");
    }
    TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, tree, request.parent_id()));
    return tree.Add(AgencyUnit{request.id(), request.name(), request.kind(), request.parent_id(), "", {}, 1});
  });
  if (!result.ok()) return result.status();
  return ToProto(*(*result)->Find(request.id()));
}

Result<v1::Agency> AgencyManager::Rename(const Caller& caller, v1::RenameAgencyRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "change the agency hierarchy"));
  TDKT_RETURN_IF_ERROR(NormalizeLine("new_name", *request.mutable_new_name(), kMaxShortTextChars, true));
  auto result = agencies_.Mutate([&](AgencyTree& tree) {
    TDKT_RETURN_IF_ERROR(CheckAdminChange(caller, tree, request.id(), request.expected_version()));
    return tree.Rename(request.id(), request.new_name());
  });
  if (!result.ok()) return result.status();
  return ToProto(*(*result)->Find(request.id()));
}

Result<v1::Agency> AgencyManager::Move(const Caller& caller, const v1::MoveAgencyRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "change the agency hierarchy"));
  auto result = agencies_.Mutate([&](AgencyTree& tree) {
    TDKT_RETURN_IF_ERROR(CheckAdminChange(caller, tree, request.id(), request.expected_version()));
    if (tree.Find(request.new_parent_id())) {
      TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, tree, request.new_parent_id()));
    }
    return tree.Move(request.id(), request.new_parent_id());
  });
  if (!result.ok()) return result.status();
  return ToProto(*(*result)->Find(request.id()));
}

Result<v1::Agency> AgencyManager::Merge(const Caller& caller, const v1::MergeAgencyRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "change the agency hierarchy"));
  auto result = agencies_.Mutate([&](AgencyTree& tree) {
    TDKT_RETURN_IF_ERROR(CheckAdminChange(caller, tree, request.id(), request.expected_version()));
    if (tree.Find(request.successor_id())) {
      TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, tree, request.successor_id()));
    }
    return tree.Merge(request.id(), request.successor_id());
  });
  if (!result.ok()) return result.status();
  return ToProto(*(*result)->Find(request.successor_id()));
}

Result<v1::ListFieldsResponse> AgencyManager::ListFields(const Caller& caller, const v1::ListFieldsRequest& request) {
  std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = agencies_.Tree();
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, agency));
  v1::ListFieldsResponse response;
  for (const auto& f : NationalFields()) {
    auto* out = response.add_fields();
    out->set_code(f.code);
    out->set_name(f.name);
  }
  for (const auto& f : agencies_.CustomFields()) {
    if (!tree->IsWithin(f.agency, agency)) continue;
    auto* out = response.add_fields();
    out->set_code(f.code);
    out->set_name(f.name);
    out->set_agency_id(f.agency);
  }
  return response;
}

Result<v1::Field> AgencyManager::DefineField(const Caller& caller, v1::DefineFieldRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "define fields"));
  const std::string& slug = request.slug();
  bool slug_ok = !slug.empty() && slug.size() <= 60 &&
                 std::all_of(slug.begin(), slug.end(), [](unsigned char c) {
                   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                 });
  if (!slug_ok) return Status::InvalidArgument("slug", "use 1-60 lower-case letters, digits or dashes");
  TDKT_RETURN_IF_ERROR(NormalizeLine("name", *request.mutable_name(), kMaxShortTextChars, true));
  auto tree = agencies_.Tree();
  if (!tree->Find(request.agency_id())) {
    return Status::InvalidArgument("agency_id", "no agency has the code '" + request.agency_id() + "'");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, *tree, request.agency_id()));
  auto field = agencies_.DefineField(request.agency_id(), slug, request.name());
  if (!field.ok()) return field.status();
  v1::Field out;
  out.set_code(field->code);
  out.set_name(field->name);
  out.set_agency_id(field->agency);
  return out;
}

Result<v1::AgencySnapshot> AgencyManager::Snapshot(const Caller& caller, const v1::SnapshotAgenciesRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kNode, Role::kAdmin}, "copy the whole agency hierarchy"));
  if (request.known_version() < 0) {
    return Status::InvalidArgument("known_version", "give 0 or the version of an earlier snapshot");
  }
  auto current = agencies_.TreeWithVersion();
  // Not limited to the caller's subtree, but the caller must belong to
  // this node's hierarchy at all.
  if (!current.tree->Find(caller.agency)) {
    return Status::PermissionDenied("the caller's agency '" + caller.agency.substr(0, 40) +
                                    "' is not part of this node's agency hierarchy");
  }
  v1::AgencySnapshot snapshot;
  snapshot.set_version(current.version);
  if (request.known_version() != 0 && request.known_version() == current.version) {
    snapshot.set_unchanged(true);
    return snapshot;
  }
  for (const AgencyUnit* unit : current.tree->AllParentsFirst()) *snapshot.add_agencies() = ToProto(*unit);
  return snapshot;
}

}  // namespace tdkt::nomination
