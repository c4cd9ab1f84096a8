// The OpenAPI 3 document of the gateway, generated from the contract: one
// POST path per exposed RPC (/v1/<package.Service>/<Method>), a schema per
// message (protobuf JSON mapping), descriptions from the .proto comments,
// bearer-token security, and the public GET pages that need no token.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "services/gateway/domain/contract.h"

namespace tdkt::gateway {

nlohmann::json BuildOpenApi(const Contract& contract, const std::string& version);

}  // namespace tdkt::gateway
