// Redis storage of activity records (inspections, trainings, budgets):
//
//   rep:{A}:act:<kind>              list    activity records (insp, train, budget), oldest first
//   rep:{A}:act:req:<kind>:<rid>    string  7 days: "<fingerprint>\n<position>" of the record
//                                           the request <rid> appended
//
// An append and its request memo are one Lua script, so a retried request
// never appends twice, and a reused request id never returns another record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/redis_client.h"
#include "common/status.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

namespace rv1 = ::tdkt::reporting::v1;

// Activity records, one list per agency and kind; ids are "<kind>-<A>-<n>",
// n the record's position (1-based).
class ActivityStore {
 public:
  explicit ActivityStore(RedisClient& redis) : redis_(redis) {}
  // Appends `bytes` (a serialized record without id) once per request id;
  // returns the 1-based position. A retry with the same bytes returns the
  // first position and appends nothing; the same id with other bytes is
  // INVALID_ARGUMENT on request_id and changes nothing.
  Result<int64_t> Append(const std::string& agency, const std::string& kind, const std::string& request_id,
                         const std::string& bytes);
  // Records at positions [offset, offset + limit) (0-based), with positions.
  Result<std::vector<std::pair<int64_t, std::string>>> Range(const std::string& agency, const std::string& kind,
                                                             int64_t offset, int64_t limit);
  Result<std::string> At(const std::string& agency, const std::string& kind, int64_t position);

 private:
  RedisClient& redis_;
};

}  // namespace tdkt::reporting
