// Use cases of emulation movements: record, read, list within a subtree.
#pragma once

#include <chrono>

#include "common/auth.h"
#include "services/nomination/storage/agency_directory.h"
#include "services/nomination/storage/movement_repository.h"
#include "tdkt/nomination/v1/movement.pb.h"

namespace tdkt::nomination {

class MovementManager {
 public:
  MovementManager(MovementRepository& repository, AgencyDirectory& agencies);
  Result<v1::Movement> Create(const Caller& caller, v1::CreateMovementRequest request);
  Result<v1::Movement> Get(const Caller& caller, const v1::GetMovementRequest& request);
  // Stops with DEADLINE_EXCEEDED when `deadline` passes mid-way.
  Result<v1::ListMovementsResponse> List(const Caller& caller, const v1::ListMovementsRequest& request,
                                         std::chrono::system_clock::time_point deadline);

 private:
  MovementRepository& repository_;
  AgencyDirectory& agencies_;
};

}  // namespace tdkt::nomination
