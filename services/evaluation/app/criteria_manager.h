// Use cases of criteria sets and eligibility rules, and the look-ups the
// session and decision use cases share: which criteria a nomination is
// evaluated against, and whether it is eligible for a title.
#pragma once

#include <cstdint>

#include "common/auth.h"
#include "services/evaluation/app/context.h"
#include "tdkt/evaluation/v1/criteria.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::evaluation {

class CriteriaManager {
 public:
  explicit CriteriaManager(EvaluationContext& ctx) : ctx_(ctx) {}

  // Preloads the national criteria set and rules once per Redis.
  Status Initialize();

  Result<v1::CriteriaSet> Publish(const Caller& caller, const v1::PublishCriteriaSetRequest& request);
  Result<v1::CriteriaSet> Get(const Caller& caller, const v1::GetCriteriaSetRequest& request);
  Result<v1::ListCriteriaVersionsResponse> ListVersions(const Caller& caller,
                                                        const v1::ListCriteriaVersionsRequest& request);
  Result<v1::ResolvedCriteria> Resolve(const Caller& caller, const v1::ResolveCriteriaRequest& request);
  Result<v1::EligibilityRule> PutRule(const Caller& caller, const v1::PutEligibilityRuleRequest& request);
  Result<v1::ListEligibilityRulesResponse> ListRules(const Caller& caller,
                                                     const v1::ListEligibilityRulesRequest& request);
  Result<v1::EligibilityReport> Check(const Caller& caller, const v1::CheckEligibilityRequest& request);
  Result<v1::AwardRecord> RecordAward(const Caller& caller, const v1::RecordAwardRequest& request);
  Result<v1::Headcount> SetHeadcount(const Caller& caller, const v1::SetHeadcountRequest& request);

  // The set and version in force when `nomination` was submitted, looked up
  // from `agency` (the evaluating council's) up to the national set.
  Result<v1::ResolvedCriteria> ResolveFor(const ::tdkt::nomination::v1::Nomination& nomination,
                                          const std::string& agency);
  // Every rule in force for the nomination's unit, checked.
  Result<v1::EligibilityReport> EligibilityOf(const ::tdkt::nomination::v1::Nomination& nomination,
                                              const std::string& title_code, int year);

 private:
  Result<std::vector<v1::EligibilityRule>> RulesFor(const std::string& agency, bool include_retired);
  Status RequireNationalOrWithin(const Caller& caller, const std::string& agency);

  EvaluationContext& ctx_;
};

}  // namespace tdkt::evaluation
