// What eligibility rules look back on, in Redis:
//   ev:award:<nominee key>                  hash "<year>:<title>" -> AwardRecord bytes
//   ev:award-unit:<agency>:<year>:<title>   set of nominee keys holding the title
//   ev:achievement                          hash fingerprint -> decision number
//   ev:headcount                            hash "<agency>:<year>" -> staff count
#pragma once

#include <set>
#include <string>
#include <utility>

#include "common/record_store.h"
#include "tdkt/evaluation/v1/criteria.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

class AwardRegister {
 public:
  explicit AwardRegister(RecordStore& store) : store_(store) {}

  // Records an award (idempotent: the same nominee, year and title once),
  // with the request's answer (`memo`) in the same step.
  Status Record(const v1::AwardRecord& award, const MemoWriter& memo = MemoWriter());
  // (year, title) pairs the nominee holds.
  Result<std::set<std::pair<int, std::string>>> Awards(const std::string& nominee_key);
  // Nominees of `agency` holding `title` in `year`.
  Result<std::set<std::string>> Holders(const std::string& agency, int year, const std::string& title);

  Status MarkCommended(const std::string& fingerprint, const std::string& decision_number);
  // The decision that commended the achievement; empty when none did.
  Result<std::string> CommendedBy(const std::string& fingerprint);

  Status SetHeadcount(const std::string& agency, int year, int headcount);
  Result<int> Headcount(const std::string& agency, int year);  // 0 when not recorded.

 private:
  RecordStore& store_;
};

}  // namespace tdkt::evaluation
