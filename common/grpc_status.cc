#include "common/grpc_status.h"

namespace tdkt {

grpc::Status ToGrpcStatus(const Status& status) {
  grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
  switch (status.code()) {
    case Code::kOk: return grpc::Status::OK;
    case Code::kInvalidArgument: code = grpc::StatusCode::INVALID_ARGUMENT; break;
    case Code::kNotFound: code = grpc::StatusCode::NOT_FOUND; break;
    case Code::kAlreadyExists: code = grpc::StatusCode::ALREADY_EXISTS; break;
    case Code::kFailedPrecondition: code = grpc::StatusCode::FAILED_PRECONDITION; break;
    case Code::kAborted: code = grpc::StatusCode::ABORTED; break;
    case Code::kUnauthenticated: code = grpc::StatusCode::UNAUTHENTICATED; break;
    case Code::kPermissionDenied: code = grpc::StatusCode::PERMISSION_DENIED; break;
    case Code::kUnavailable: code = grpc::StatusCode::UNAVAILABLE; break;
    case Code::kDeadlineExceeded: code = grpc::StatusCode::DEADLINE_EXCEEDED; break;
    case Code::kInternal: code = grpc::StatusCode::INTERNAL; break;
  }
  return grpc::Status(code, status.ToString());
}

Status FromGrpcStatus(const grpc::Status& status) {
  const std::string& m = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::OK: return Status::Ok();
    case grpc::StatusCode::INVALID_ARGUMENT: {
      size_t colon = m.find(": ");
      if (colon == std::string::npos || m.find(' ') < colon) return Status::InvalidArgument("", m);
      return Status::InvalidArgument(m.substr(0, colon), m.substr(colon + 2));
    }
    case grpc::StatusCode::NOT_FOUND: return Status::NotFound(m);
    case grpc::StatusCode::ALREADY_EXISTS: return Status::AlreadyExists(m);
    case grpc::StatusCode::FAILED_PRECONDITION: return Status::FailedPrecondition(m);
    case grpc::StatusCode::ABORTED: return Status::Aborted(m);
    case grpc::StatusCode::UNAUTHENTICATED: return Status::Unauthenticated(m);
    case grpc::StatusCode::PERMISSION_DENIED: return Status::PermissionDenied(m);
    case grpc::StatusCode::UNAVAILABLE: return Status::Unavailable(m);
    case grpc::StatusCode::DEADLINE_EXCEEDED: return Status::DeadlineExceeded(m);
    default: return Status::Internal(m);
  }
}

}  // namespace tdkt
