// Helpers shared by the managers for idempotent writes and timestamps.
#pragma once

#include <cstdint>
#include <string>

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "common/page_request.h"  // ParseSequenceToken, CheckPageSize
#include "common/status.h"
#include "services/nomination/storage/nomination_repository.h"

namespace tdkt::nomination {

// A fingerprint of a request's content (method + bytes), stored with its
// request id so that reusing an id for a different change is caught.
std::string Fingerprint(const std::string& method, const google::protobuf::Message& request);

// OK when an earlier request with the same id had the same content (a
// retry: answer it with the record it touched); INVALID_ARGUMENT otherwise.
Status CheckSameRequest(const Replay& replay, const std::string& fingerprint);

google::protobuf::Timestamp Now();


}  // namespace tdkt::nomination
