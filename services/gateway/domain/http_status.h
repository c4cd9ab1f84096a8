// How a gRPC status reads over HTTP: the status code (the mapping
// grpc-gateway uses, so portals see familiar codes) and the JSON error body.
#pragma once

#include <string>

#include <grpcpp/support/status_code_enum.h>

namespace tdkt::gateway {

// 200 for OK, 400 INVALID_ARGUMENT / FAILED_PRECONDITION / OUT_OF_RANGE,
// 401, 403, 404, 409 ALREADY_EXISTS / ABORTED, 429, 499 CANCELLED,
// 501, 503, 504, 500 otherwise.
int HttpStatusFor(grpc::StatusCode code);
// "INVALID_ARGUMENT" for grpc::StatusCode::INVALID_ARGUMENT, and so on.
std::string CodeName(grpc::StatusCode code);
// {"code": 3, "status": "INVALID_ARGUMENT", "message": "..."}
std::string ErrorBody(grpc::StatusCode code, const std::string& message);

}  // namespace tdkt::gateway
