// The one error type of the suite. Domain and storage code return Status (or
// Result<T>) instead of throwing; handlers map it to grpc::Status once.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace tdkt {

enum class Code {
  kOk = 0,
  kInvalidArgument,     // Bad input; `field` names the offending field.
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,  // E.g. an illegal lifecycle transition.
  kAborted,             // Optimistic-concurrency conflict: reload and retry.
  kUnauthenticated,
  kPermissionDenied,
  kUnavailable,         // Redis or a peer is unreachable; safe to retry.
  kDeadlineExceeded,
  kInternal,
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string field, std::string message) {
    return Status(Code::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status AlreadyExists(std::string m) { return Status(Code::kAlreadyExists, std::move(m)); }
  static Status FailedPrecondition(std::string m) { return Status(Code::kFailedPrecondition, std::move(m)); }
  static Status Aborted(std::string m) { return Status(Code::kAborted, std::move(m)); }
  static Status Unauthenticated(std::string m) { return Status(Code::kUnauthenticated, std::move(m)); }
  static Status PermissionDenied(std::string m) { return Status(Code::kPermissionDenied, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(Code::kUnavailable, std::move(m)); }
  static Status DeadlineExceeded(std::string m) { return Status(Code::kDeadlineExceeded, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  // "field: message" for invalid arguments, the message otherwise.
  std::string ToString() const;

 private:
  Status(Code code, std::string message, std::string field = "")
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT: implicit by design
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

#define TDKT_RETURN_IF_ERROR(expr)            \
  do {                                        \
    ::tdkt::Status _st = (expr);              \
    if (!_st.ok()) return _st;                \
  } while (0)

}  // namespace tdkt
