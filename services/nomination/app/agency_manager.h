// Use cases of the agency hierarchy: read within the caller's subtree;
// add, rename, move and merge (admin only); fields usable by an agency; the
// whole hierarchy for other services of the node to cache.
#pragma once

#include "common/auth.h"
#include "services/nomination/storage/agency_directory.h"
#include "tdkt/nomination/v1/agency.pb.h"

namespace tdkt::nomination {

class AgencyManager {
 public:
  explicit AgencyManager(AgencyDirectory& agencies);
  Result<v1::Agency> Get(const Caller& caller, const v1::GetAgencyRequest& request);
  Result<v1::ListAgenciesResponse> List(const Caller& caller, const v1::ListAgenciesRequest& request);
  Result<v1::Agency> Add(const Caller& caller, v1::AddAgencyRequest request);
  Result<v1::Agency> Rename(const Caller& caller, v1::RenameAgencyRequest request);
  Result<v1::Agency> Move(const Caller& caller, const v1::MoveAgencyRequest& request);
  Result<v1::Agency> Merge(const Caller& caller, const v1::MergeAgencyRequest& request);
  Result<v1::ListFieldsResponse> ListFields(const Caller& caller, const v1::ListFieldsRequest& request);
  Result<v1::Field> DefineField(const Caller& caller, v1::DefineFieldRequest request);
  // Node or admin only. Every unit, parents first, not just the caller's
  // subtree: a service that checks access itself needs the ancestors too.
  Result<v1::AgencySnapshot> Snapshot(const Caller& caller, const v1::SnapshotAgenciesRequest& request);

 private:
  // Admin role, target inside the admin's subtree, version as read.
  Status CheckAdminChange(const Caller& caller, const AgencyTree& tree, const std::string& id,
                          int64_t expected_version);
  AgencyDirectory& agencies_;
};

}  // namespace tdkt::nomination
