// Access tokens signed with the node's key, for tdktctl itself and scripts.
#pragma once

#include <string>

#include "common/status.h"

namespace tdkt::ctl {

// TDKT_JWT_SECRET_FILE when set (deploy/run-node.sh sets it), else
// var/jwt-secret, the services' default.
std::string DefaultSecretFile();

// Mints a token for `role` (a name such as "officer") at `agency`, valid for
// `ttl_seconds`. Creates the key file (mode 0600) when it does not exist yet.
Result<std::string> MintToken(const std::string& secret_file, const std::string& role, const std::string& agency,
                              const std::string& subject, long ttl_seconds);

}  // namespace tdkt::ctl
