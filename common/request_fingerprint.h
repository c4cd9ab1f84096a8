// Fingerprint of a write request, kept in a request memo so that a retry
// (same fingerprint) can be told from a request id reused for another
// request (another fingerprint). 32 hex digits of SHA-256 over
// "<what>\n<bytes>"; never contains a space or a line break.
#pragma once

#include <string>

#include <google/protobuf/message.h>

#include "common/status.h"

namespace tdkt {

// `what` names the write (a method, a record kind); `bytes` is what it asks
// to write.
std::string RequestFingerprint(const std::string& what, const std::string& bytes);

inline std::string RequestFingerprint(const std::string& what, const google::protobuf::Message& request) {
  return RequestFingerprint(what, request.SerializeAsString());
}

// INVALID_ARGUMENT on request_id unless it has 1..128 characters: every
// change carries one so that a retry is not recorded twice.
Status RequireRequestId(const std::string& id);

}  // namespace tdkt
