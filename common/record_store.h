// The one way services keep protobuf records in Redis:
// each record is a hash {v: version, d: serialized message}, written only if
// the version the writer read is still current (compare-and-set in Lua), so
// concurrent writers never lose each other's changes. Also id sequences and
// the request memo that makes every write idempotent. A write may carry its
// index changes and its request's answer (MemoWrite) into the same Lua step,
// so a crash never leaves a record without its index entry, nor a change
// without the answer a retry must get back.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "common/redis_client.h"
#include "common/request_fingerprint.h"
#include "common/status.h"

namespace tdkt {

// How long a finished request's answer is kept (a week).
inline constexpr int64_t kMemoSeconds = 604800;

// A request's answer, to SET (EX kMemoSeconds) in the same atomic step as
// the change it answers. Empty key: nothing to write (no request id).
struct MemoWrite {
  std::string key;
  std::string value;  // fingerprint "\n" serialized answer, as Finish writes it.
  bool empty() const { return key.empty(); }
};

// Makes the MemoWrite of one claimed request for a given answer; handed to
// the write by RunOnceAtomic. A default one writes nothing.
class MemoWriter {
 public:
  MemoWriter() = default;
  MemoWriter(std::string key, std::string fingerprint) : key_(std::move(key)), fingerprint_(std::move(fingerprint)) {}
  MemoWrite For(const google::protobuf::Message& answer) const;

 private:
  std::string key_;
  std::string fingerprint_;
};

// One change to a key beside the record, made in RecordStore::Store's (or
// Apply's) atomic step: an index entry, a list entry, a marker. Each kind
// checks its key's type before anything is written.
struct IndexOp {
  enum class Kind {
    kAdd,          // ZADD key score member
    kRemove,       // ZREM key member
    kAddToSet,     // SADD key member
    kAppend,       // RPUSH key member
    kPut,          // SET key member
    kPutIfAbsent,  // SET key member NX
    kPutField,     // HSET key field member
  };
  Kind kind = Kind::kAdd;
  std::string key;
  std::string member;
  int64_t score = 0;
  std::string field;  // kPutField only.
  static IndexOp Add(std::string key, std::string member, int64_t score) {
    return IndexOp{Kind::kAdd, std::move(key), std::move(member), score, {}};
  }
  static IndexOp Remove(std::string key, std::string member) {
    return IndexOp{Kind::kRemove, std::move(key), std::move(member), 0, {}};
  }
  static IndexOp AddToSet(std::string key, std::string member) {
    return IndexOp{Kind::kAddToSet, std::move(key), std::move(member), 0, {}};
  }
  static IndexOp Append(std::string key, std::string member) {
    return IndexOp{Kind::kAppend, std::move(key), std::move(member), 0, {}};
  }
  static IndexOp Put(std::string key, std::string value) {
    return IndexOp{Kind::kPut, std::move(key), std::move(value), 0, {}};
  }
  static IndexOp PutIfAbsent(std::string key, std::string value) {
    return IndexOp{Kind::kPutIfAbsent, std::move(key), std::move(value), 0, {}};
  }
  static IndexOp PutField(std::string key, std::string field, std::string value) {
    return IndexOp{Kind::kPutField, std::move(key), std::move(value), 0, std::move(field)};
  }
};

// For a service's own Lua script that stores the request's answer in its
// step: appends the memo flag ('1' with a memo key, else '0'), the memo value
// and kMemoSeconds to `args`, and the memo key (when there is one) to `keys`.
// The script then does: if flag == '1' then SET memo-key value EX seconds.
void AppendMemoArgs(const MemoWrite& memo, RedisArgs* keys, RedisArgs* args);

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
  // The same with any number of index additions / removals and, when
  // `memo` is not empty, the request's answer, all in one atomic step:
  // on ABORTED (or any error) nothing at all is written.
  Status Store(const std::string& key, int64_t expected_version, const google::protobuf::Message& record,
               const std::vector<IndexOp>& indexes, const MemoWrite& memo = MemoWrite());

  // The same changes without a record: `ops` and, when `memo` is not
  // empty, the request's answer, all in one atomic step (nothing written on
  // error). For data kept in plain keys rather than records.
  Status Apply(const std::vector<IndexOp>& ops, const MemoWrite& memo = MemoWrite());

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
// for a week (or the write itself did, through Writer()); Abandon() releases
// a claim still pending after a failure so the caller may retry.
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
  // Leaves an answer already stored (by the write's own step) in place.
  void Abandon(const std::string& subject, const std::string& request_id);
  // What lets a write store the answer in its own atomic step; writes
  // nothing when `request_id` is empty.
  MemoWriter Writer(const std::string& subject, const std::string& request_id, const std::string& fingerprint) const;
  // <prefix>:req:<subject>:<request id>.
  std::string Key(const std::string& subject, const std::string& request_id) const;

  // Tests only: Finish and Abandon do nothing, as when the process dies
  // right after the write, so tests can show a retry still writes once.
  void DropFinishForTest(bool drop) { drop_finish_ = drop; }

 private:
  RedisClient& redis_;
  std::string prefix_;
  std::atomic<bool> drop_finish_{false};
};


// Runs a write once per request id: a retry (same request) gets the first
// answer back, a request id reused for another request is INVALID_ARGUMENT.
// `fn(const MemoWriter& memo)` returns Result<Response> and should pass
// memo.For(answer) to the atomic step that makes its change, so a crash
// right after that step cannot let a retry make the change twice. A failure
// releases the claim unless the answer was already stored.
template <typename Response, typename Fn>
Result<Response> RunOnceAtomic(RequestMemo& memo, const std::string& subject, const std::string& method,
                               const std::string& request_id, const google::protobuf::Message& request, Fn&& fn) {
  const std::string fingerprint = RequestFingerprint(method, request);
  auto claim = memo.Begin(subject, request_id, fingerprint);
  if (!claim.ok()) return claim.status();
  if (claim->replay) {
    Response earlier;
    if (!earlier.ParseFromString(claim->answer)) return Status::Internal("stored answer is unreadable");
    return earlier;
  }
  const MemoWriter writer = memo.Writer(subject, request_id, fingerprint);
  Result<Response> result = fn(writer);
  if (!result.ok()) {
    memo.Abandon(subject, request_id);
    return result;
  }
  // Also covers answers given without a write; the same value otherwise.
  (void)memo.Finish(subject, request_id, fingerprint, *result);
  return result;
}

// As RunOnceAtomic, then `complete(const Response&)` returning Status, run
// after the write and also on every replay of its answer: for a follow-up
// that is idempotent by itself (a history note named after the record, in
// another service) and would be lost if the process died between the write,
// whose step stored the answer, and the follow-up.
template <typename Response, typename Fn, typename Complete>
Result<Response> RunOnceAtomicThen(RequestMemo& memo, const std::string& subject, const std::string& method,
                                   const std::string& request_id, const google::protobuf::Message& request, Fn&& fn,
                                   Complete&& complete) {
  Result<Response> result =
      RunOnceAtomic<Response>(memo, subject, method, request_id, request, std::forward<Fn>(fn));
  if (!result.ok()) return result;
  TDKT_RETURN_IF_ERROR(complete(*result));
  return result;
}

}  // namespace tdkt
