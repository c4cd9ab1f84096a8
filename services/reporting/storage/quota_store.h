// Redis storage of quota rules, per five-year plan period:
//
//   rep:{quota}:rules:<P>    hash    v (version), d (QuotaRules) of plan period P
//   rep:{quota}:req:<rid>    string  7 days: "<fingerprint>\n<version>\n<QuotaRules>"
//                                    of the SetQuotaRules that used <rid>
//
// A new version and its request memo are one Lua script.
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

class QuotaStore {
 public:
  explicit QuotaStore(RedisClient& redis) : redis_(redis) {}
  // The stored rules of `period` (version set), nullopt when none.
  Result<std::optional<rv1::QuotaRules>> Get(const std::string& period);
  // Stores `rules` as the next version, once per request id, and returns
  // them with their version. A retry of the same request (same period and
  // rules) returns what the first call returned and writes nothing; the same
  // id with other content is INVALID_ARGUMENT on request_id, nothing changed.
  Result<rv1::QuotaRules> Set(const std::string& request_id, rv1::QuotaRules rules);

 private:
  RedisClient& redis_;
};

}  // namespace tdkt::reporting
