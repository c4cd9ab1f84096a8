// Authorisation checks shared by all services: which roles may call an RPC,
// and whether a caller may act on an agency (only inside its own subtree).
#pragma once

#include <initializer_list>
#include <string>

#include "common/agency_tree.h"
#include "common/auth.h"
#include "common/status.h"

namespace tdkt {

// PERMISSION_DENIED unless the caller's role is one of `allowed`.
Status RequireRole(const Caller& caller, std::initializer_list<Role> allowed, const char* action);

// PERMISSION_DENIED unless `agency` lies inside the caller's agency subtree
// (merged units lie under their successor); NOT_FOUND for an unknown agency.
Status RequireWithinSubtree(const Caller& caller, const AgencyTree& tree, const std::string& agency);

// For the services of a node that act on one agency given in a request:
// INVALID_ARGUMENT on `field` for an unknown or malformed agency id, then
// PERMISSION_DENIED unless it lies inside both the caller's subtree and the
// node's agency's subtree.
Status RequireAgencyInScope(const Caller& caller, const AgencyTree& tree, const std::string& node_agency,
                            const std::string& agency, const char* field);

}  // namespace tdkt
