// Use cases of councils: create, change, read and list. Knows nothing of gRPC.
#pragma once

#include "common/auth.h"
#include "services/evaluation/app/context.h"
#include "tdkt/evaluation/v1/council.pb.h"

namespace tdkt::evaluation {

class CouncilManager {
 public:
  explicit CouncilManager(EvaluationContext& ctx) : ctx_(ctx) {}

  Result<v1::Council> Create(const Caller& caller, const v1::CreateCouncilRequest& request);
  Result<v1::Council> Update(const Caller& caller, const v1::UpdateCouncilRequest& request);
  Result<v1::Council> Get(const Caller& caller, const v1::GetCouncilRequest& request);
  Result<v1::ListCouncilsResponse> List(const Caller& caller, const v1::ListCouncilsRequest& request);

 private:
  EvaluationContext& ctx_;
};

}  // namespace tdkt::evaluation
