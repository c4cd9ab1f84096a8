// Redis storage of yearly reports (keys rep:* only; activities are in
// activity_store.h, quota rules in quota_store.h).
//
//   rep:{A}:report:<Y>:<N>   string  version N of agency A's report for year Y
//                                    (ReportVersion; `version` is filled from N on read)
//   rep:{A}:versions:<Y>     zset    N → N: every version held, own or received
//   rep:{A}:meta:<Y>         hash    head (latest N), first_received (ms, parent side)
//   rep:{A}:req:<rid>        string  7 days: "year version" of a SubmitReport
//   rep:{C}:inbox:<msg id>   string  permanent: "year version digest" per received message
//   rep:{fwd}:uplink         stream  reports queued upward: agency, year, version
//   rep:{fwd}:dead           list    reports the parent refused (Uplink's dead letters)
//
// The submit step (version + uplink entry) and the receive step (version +
// inbox) are each one Lua script, so a version is never queued twice nor
// recorded without its inbox entry. The submit script spans two hash tags
// ({A} and {fwd}): atomic on one Redis, which is how nodes run today; on
// Redis Cluster the uplink stream would have to move under {A}.
#pragma once

#include <cstdint>
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

}  // namespace tdkt::reporting
