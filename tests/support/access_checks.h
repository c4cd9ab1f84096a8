// What every access-matrix test shares: the call shape, the roles, the
// missing or bad tokens every RPC must refuse, and the check that a matrix
// lists every method of its services.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "common/auth.h"

namespace tdkt::testing {

// One RPC made with the client context under test.
using Call = std::function<grpc::Status(grpc::ClientContext*)>;

const std::set<Role>& EveryRole();

// A client context whose authorization metadata is `header` (none when
// empty), with a 20 s deadline.
std::unique_ptr<grpc::ClientContext> WithAuthorization(const std::string& header);

// Six kinds of missing or bad authorization header that every RPC must
// answer with UNAUTHENTICATED: none, no token, not a JWT, the wrong scheme,
// a token signed with another node's key, an expired token of this node.
std::vector<std::string> BadAuthorizationHeaders();

// Fails the test unless `listed` names exactly the methods of `services`.
void ExpectEveryMethodListed(const std::set<std::string>& listed, std::initializer_list<const char*> services);

}  // namespace tdkt::testing
