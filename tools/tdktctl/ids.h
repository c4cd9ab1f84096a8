// Client request ids: every change carries one, so a retry is recognised by
// the server instead of being recorded twice.
#pragma once

#include <string>

#include "tools/tdktctl/args.h"

namespace tdkt::ctl {

// A random UUID (version 4), for a one-off change.
std::string NewRequestId();

// "<prefix>" + 32 hex digits of the SHA-256 of `content`: the same input
// always gives the same id, so re-running an import never duplicates it.
std::string ContentRequestId(const std::string& prefix, const std::string& content);

// --request-id= when given (to retry a change safely), else a new random id.
std::string RequestIdFrom(const Args& args);

}  // namespace tdkt::ctl
