// Helpers shared by the managers for idempotent writes and timestamps.
#pragma once

#include <cstdint>
#include <string>

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "common/status.h"
#include "services/nomination/storage/nomination_repository.h"

namespace tdkt::nomination {

// A fingerprint of a request's content (method + bytes), stored with its
// request id so that reusing an id for a different change is caught.
std::string Fingerprint(const std::string& method, const google::protobuf::Message& request);

// The stored result of an earlier request with the same id, parsed into
// `out`; INVALID_ARGUMENT when that request had different content.
template <typename Record>
Result<Record> ReplayOf(const Replay& replay, const std::string& fingerprint) {
  if (replay.fingerprint != fingerprint) {
    return Status::InvalidArgument("request_id", "this request id was already used for a different change; use a new id");
  }
  Record record;
  if (!record.ParseFromString(replay.record)) return Status::Internal("stored result of the request is unreadable");
  return record;
}

google::protobuf::Timestamp Now();

// Parses a page token holding a sequence cursor; empty means "from the top".
Result<int64_t> ParseSequenceToken(const std::string& token);

// Checks page_size against [1, max], mapping 0 to `fallback`.
Result<int> CheckPageSize(int page_size, int fallback, int max);

}  // namespace tdkt::nomination
