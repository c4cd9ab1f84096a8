// Gives undecodable requests a clear INVALID_ARGUMENT.
//
// gRPC decodes a request before any handler runs. When decoding fails (most
// often a text field that is not valid UTF-8, which proto3 forbids), gRPC's
// callback API answers UNIMPLEMENTED with an empty message, which tells an
// officer nothing. Every method our services register is implemented, so
// that exact status can only mean "the request could not be read"; this
// interceptor rewrites it before it is sent (and before metrics count it).
#pragma once

#include <memory>

#include <grpcpp/support/server_interceptor.h>

namespace tdkt {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewDecodeErrorInterceptorFactory();

}  // namespace tdkt
