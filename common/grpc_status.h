// Maps the suite's Status to gRPC's, in one place.
#pragma once

#include <grpcpp/support/status.h>

#include "common/status.h"

namespace tdkt {

// INVALID_ARGUMENT messages read "field_name: what is wrong", so an officer
// (and a portal) can tell which input to correct.
grpc::Status ToGrpcStatus(const Status& status);

}  // namespace tdkt
