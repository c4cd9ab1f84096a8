// A plain HTTP GET to another server of the node (the gateway's proxy to the
// public site). Keeps the HTTP library behind this header, as
// common/http_server.h does for serving.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/http_server.h"
#include "common/status.h"

namespace tdkt::http {

struct FetchOptions {
  int timeout_ms = 10000;  // Connect and read, each.
  // Headers to send, e.g. If-None-Match from the original request.
  std::vector<std::pair<std::string, std::string>> headers;
};

// GET http://host:port<target> (target = path with its query string).
// Returns the answer whatever its status; Unavailable when the server cannot
// be reached. The answer's headers come back in Response::headers (hop-by-hop
// ones and Content-Length dropped; Content-Type in content_type).
Result<Response> Fetch(const std::string& host, int port, const std::string& target, const FetchOptions& options);

}  // namespace tdkt::http
