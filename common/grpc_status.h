// Maps the suite's Status to gRPC's, in one place.
#pragma once

#include <grpcpp/support/status.h>

#include "common/status.h"

namespace tdkt {

// INVALID_ARGUMENT messages read "field_name: what is wrong", so an officer
// (and a portal) can tell which input to correct.
grpc::Status ToGrpcStatus(const Status& status);

// The reverse, for answers of another service: "field: message" of an
// INVALID_ARGUMENT is split back into field and message.
Status FromGrpcStatus(const grpc::Status& status);

}  // namespace tdkt
