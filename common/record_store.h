// The one way services keep protobuf records in Redis:
// each record is a hash {v: version, d: serialized message}, written only if
// the version the writer read is still current (compare-and-set in Lua), so
// concurrent writers never lose each other's changes. Also id sequences and
// the request memo that makes every write idempotent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "common/redis_client.h"
#include "common/request_fingerprint.h"
#include "common/status.h"

namespace tdkt {

class RecordStore {
 public:
  // `prefix` is the owning service's key prefix, e.g. "ev": sequences are
  // <prefix>:seq:<name>, once-markers <prefix>:once:<name>.
  RecordStore(RedisClient& redis, std::string prefix) : redis_(redis), prefix_(std::move(prefix)) {}

  // Reads a record into `out`; NOT_FOUND (with `what` in the message) when absent.
  Status Load(const std::string& key, const std::string& what, google::protobuf::Message* out, int64_t* version);
  // Reads several records at once; missing ones are skipped.
  Result<std::vector<std::string>> LoadMany(const std::vector<std::string>& keys);

  // Writes `record` as version expected_version + 1 when the stored version
  // is still `expected_version` (0: the record must not exist yet);
  // otherwise ABORTED. When `index_key` is given, `index_member` is added to
  // that sorted set with `index_score` in the same atomic step.
  Status Store(const std::string& key, int64_t expected_version, const google::protobuf::Message& record,
               const std::string& index_key = "", const std::string& index_member = "", int64_t index_score = 0);

  // True for exactly one caller ever per `name`: who seeds preloaded data.
  Result<bool> ClaimOnce(const std::string& name);

  // Next number of the named sequence (1, 2, ...).
  Result<int64_t> Next(const std::string& sequence);

  // Members of a sorted set, highest score first, starting below `before`
  // (0 = from the top); at most `limit`.
  Result<std::vector<std::pair<std::string, int64_t>>> Newest(const std::string& index_key, int64_t before,
                                                              int limit);

  RedisClient& redis() { return redis_; }

 private:
  RedisClient& redis_;
  std::string prefix_;
};

// Idempotent writes. Begin() claims a request id for one caller (a marker
// that expires after a minute should the process die mid-way); a retry of a
// finished request gets the stored answer back; Finish() stores the answer
// for a week; Abandon() releases the claim after a failure so the caller may
// retry.
class RequestMemo {
 public:
  // Memos are <prefix>:req:<subject>:<request id>.
  RequestMemo(RedisClient& redis, std::string prefix) : redis_(redis), prefix_(std::move(prefix)) {}

  struct Claim {
    bool replay = false;   // True: `answer` holds the earlier result.
    std::string answer;    // Serialized response of the earlier request.
  };
  // INVALID_ARGUMENT when the id was used for a different request;
  // ABORTED while the same request is still running elsewhere.
  Result<Claim> Begin(const std::string& subject, const std::string& request_id, const std::string& fingerprint);
  Status Finish(const std::string& subject, const std::string& request_id, const std::string& fingerprint,
                const google::protobuf::Message& answer);
  void Abandon(const std::string& subject, const std::string& request_id);

 private:
  std::string Key(const std::string& subject, const std::string& request_id) const;
  RedisClient& redis_;
  std::string prefix_;
};


// Runs a write once per request id: a retry (same request) gets the first
// answer back, a request id reused for another request is INVALID_ARGUMENT.
// `fn()` returns Result<Response>; a failure releases the claim.
template <typename Response, typename Fn>
Result<Response> RunOnce(RequestMemo& memo, const std::string& subject, const std::string& method,
                         const std::string& request_id, const google::protobuf::Message& request, Fn&& fn) {
  const std::string fingerprint = RequestFingerprint(method, request);
  auto claim = memo.Begin(subject, request_id, fingerprint);
  if (!claim.ok()) return claim.status();
  if (claim->replay) {
    Response earlier;
    if (!earlier.ParseFromString(claim->answer)) return Status::Internal("stored answer is unreadable");
    return earlier;
  }
  Result<Response> result = fn();
  if (!result.ok()) {
    memo.Abandon(subject, request_id);
    return result;
  }
  (void)memo.Finish(subject, request_id, fingerprint, *result);
  return result;
}

}  // namespace tdkt
