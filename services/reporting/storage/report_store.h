// Redis storage of the reporting service (keys rep:* only).
//
//   rep:{A}:report:<Y>:<N>   string  version N of agency A's report for year Y
//                                    (ReportVersion; `version` is filled from N on read)
//   rep:{A}:versions:<Y>     zset    N → N: every version held, own or received
//   rep:{A}:meta:<Y>         hash    head (latest N), first_received (ms, parent side)
//   rep:{A}:req:<rid>        string  7 days: "year version" of a SubmitReport
//   rep:{C}:inbox:<msg id>   string  permanent: "year version digest" per received message
//   rep:{fwd}:uplink         stream  reports queued upward: agency, year, version
//   rep:{fwd}:dead           list    reports the parent refused (Uplink's dead letters)
//   rep:{A}:act:<kind>       list    activity records (insp, train, budget), oldest first
//   rep:{A}:act:req:<rid>    string  7 days: index of the record a request created
//   rep:{quota}:rules:<P>    hash    v (version), d (QuotaRules) of plan period P
//   rep:{quota}:req:<rid>    string  7 days: version a SetQuotaRules created
//
// The submit step (version + uplink entry) and the receive step (version +
// inbox) are each one Lua script, so a version is never queued twice nor
// recorded without its inbox entry. The submit script spans two hash tags
// ({A} and {fwd}): atomic on one Redis, which is how nodes run today; on
// Redis Cluster the uplink stream would have to move under {A}.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/redis_client.h"
#include "common/status.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

namespace rv1 = ::tdkt::reporting::v1;

constexpr const char* kUplinkStream = "rep:{fwd}:uplink";
constexpr const char* kUplinkDeadLetters = "rep:{fwd}:dead";

class ReportStore {
 public:
  explicit ReportStore(RedisClient& redis) : redis_(redis) {}

  // Freezes `version` as the next version of its agency and year; when
  // `queue_upward`, adds {agency, year, version} to the uplink stream in the
  // same step. A repeated request id returns the version first created
  // (INVALID_ARGUMENT on request_id when it was used for another year).
  Result<rv1::ReportVersion> Submit(const std::string& request_id, rv1::ReportVersion version, bool queue_upward);

  // Version `version` (0 = latest) of `agency`'s report; nullopt when none.
  Result<std::optional<rv1::ReportVersion>> Get(const std::string& agency, int year, int version);
  // Every version held, oldest first, without the figures.
  Result<std::vector<rv1::ReportVersion>> List(const std::string& agency, int year);
  // When the first version of `agency`'s report arrived (0 = none).
  Result<int64_t> FirstReceivedMs(const std::string& agency, int year);

  struct Received {
    bool duplicate = false;
    int32_t version = 0;
  };
  // Records a child's version under its own number, once per message id.
  Result<Received> Receive(const std::string& message_id, const std::string& digest, const rv1::ReportVersion& version);

 private:
  RedisClient& redis_;
};

// Activity records, one list per agency and kind; ids are "<kind>-<A>-<n>",
// n the record's position (1-based).
class ActivityStore {
 public:
  explicit ActivityStore(RedisClient& redis) : redis_(redis) {}
  // Appends `bytes` (a serialized record without id) once per request id;
  // returns the 1-based position.
  Result<int64_t> Append(const std::string& agency, const std::string& kind, const std::string& request_id,
                         const std::string& bytes);
  // Records at positions [offset, offset + limit) (0-based), with positions.
  Result<std::vector<std::pair<int64_t, std::string>>> Range(const std::string& agency, const std::string& kind,
                                                             int64_t offset, int64_t limit);
  Result<std::string> At(const std::string& agency, const std::string& kind, int64_t position);

 private:
  RedisClient& redis_;
};

class QuotaStore {
 public:
  explicit QuotaStore(RedisClient& redis) : redis_(redis) {}
  // The stored rules of `period` (version set), nullopt when none.
  Result<std::optional<rv1::QuotaRules>> Get(const std::string& period);
  // Stores `rules` as the next version, once per request id.
  Result<rv1::QuotaRules> Set(const std::string& request_id, rv1::QuotaRules rules);

 private:
  RedisClient& redis_;
};

}  // namespace tdkt::reporting
