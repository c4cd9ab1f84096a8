#include "common/access.h"

namespace tdkt {

Status RequireRole(const Caller& caller, std::initializer_list<Role> allowed, const char* action) {
  for (Role r : allowed) if (r == caller.role) return Status::Ok();
  return Status::PermissionDenied("the role '" + RoleName(caller.role) + "' may not " + action);
}

Status RequireWithinSubtree(const Caller& caller, const AgencyTree& tree, const std::string& agency) {
  // The hierarchy is public, so saying that a unit does not exist leaks nothing.
  if (!tree.Find(agency)) return Status::NotFound("no agency has the code '" + agency.substr(0, 40) + "'");
  if (tree.Find(caller.agency) && tree.IsWithin(caller.agency, agency)) return Status::Ok();
  return Status::PermissionDenied("agency '" + agency + "' is outside the caller's agency (" +
                                  caller.agency + ") and its sub-units");
}

Status RequireAgencyInScope(const Caller& caller, const AgencyTree& tree, const std::string& node_agency,
                            const std::string& agency, const char* field) {
  if (!AgencyTree::IsValidId(agency) || !tree.Find(agency)) {
    return Status::InvalidArgument(field, "không có đơn vị mã '" + agency.substr(0, 40) + "'");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, tree, agency));
  if (!tree.IsWithin(node_agency, agency)) {
    return Status::PermissionDenied("agency '" + agency + "' is outside this node's agency (" + node_agency + ")");
  }
  return Status::Ok();
}

}  // namespace tdkt
