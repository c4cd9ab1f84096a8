// Criteria sets and eligibility rules in Redis:
//   ev:crit:<agency|->:<movement|->   hash: "head" -> latest version,
//                                      "<n>" -> CriteriaSet bytes of version n
//   ev:rules                           hash: rule id -> EligibilityRule bytes
// Versions of a set are append-only: publishing never rewrites one.
#pragma once

#include <string>
#include <vector>

#include "common/record_store.h"
#include "tdkt/evaluation/v1/criteria.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

class CriteriaRepository {
 public:
  explicit CriteriaRepository(RecordStore& store) : store_(store) {}

  // Every version of the set, oldest first (empty when none was published).
  Result<std::vector<v1::CriteriaSet>> Versions(const std::string& agency, const std::string& movement);
  // Appends `set` as version expected_version + 1; ABORTED when another
  // version was published meanwhile. `memo`: the request's answer, stored in
  // the same step.
  Status Publish(v1::CriteriaSet& set, int64_t expected_version, const MemoWriter& memo = MemoWriter());

  Result<std::string> NewRuleId();
  Status PutRule(const v1::EligibilityRule& rule, const MemoWriter& memo = MemoWriter());
  Result<std::vector<v1::EligibilityRule>> Rules();
  Result<bool> HasRules();

 private:
  RecordStore& store_;
};

}  // namespace tdkt::evaluation
