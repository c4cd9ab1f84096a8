// The JSON gateway for portals: every exposed RPC as
//   POST /v1/<package.Service>/<Method>   (body: the request in JSON)
// answered with the response in JSON, or with the gRPC error as
// {"code","status","message"} under the HTTP status mapped from its code.
// The caller's Authorization header goes to the service unchanged, so
// authentication and access rules are exactly those of gRPC.
// Also: GET /v1/openapi.json, GET /healthz, and GET /public/... proxied to the
// campaign-media public site (published exemplars and media; no token, and
// none forwarded). CORS for the configured origins; a token bucket per
// client address on /v1 and /public.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "common/generic_rpc.h"
#include "common/http_server.h"
#include "services/gateway/domain/contract.h"
#include "services/gateway/domain/cors_policy.h"
#include "services/gateway/domain/rate_limiter.h"

namespace prometheus {
class Registry;
template <typename T>
class Family;
class Counter;
}  // namespace prometheus

namespace tdkt::gateway {

struct GatewayOptions {
  // host:port of the service behind each proto package, e.g.
  // {"tdkt.nomination.v1", "127.0.0.1:50051"}.
  std::map<std::string, std::string> upstreams;
  int upstream_timeout_ms = 10000;
  // The campaign-media public site; port 0: no /public pages.
  std::string public_host = "127.0.0.1";
  int public_port = 0;
  std::string cors_origins;  // CorsPolicy's list; empty = no CORS.
  int cors_max_age_s = 600;
  RateLimitOptions rate_limit;
  std::string version = "v1";  // info.version of the OpenAPI document.
};

class Gateway {
 public:
  // `contract` must outlive the gateway; `registry` may be null.
  Gateway(const Contract& contract, GatewayOptions options, prometheus::Registry* registry);
  ~Gateway();

  // Adds the routes; before server.Start().
  void Register(http::HttpServer& server);

 private:
  http::Response Call(const http::Request& request);
  http::Response Public(const http::Request& request);
  http::Response Preflight(const http::Request& request) const;
  // The 429 answer when `request`'s client is over its rate; nullopt to go on.
  bool OverRate(const http::Request& request, http::Response* refusal);
  http::Response WithCors(const http::Request& request, http::Response response) const;
  void Count(const std::string& method, const std::string& code);

  const Contract& contract_;
  const GatewayOptions options_;
  CorsPolicy cors_;
  RateLimiter limiter_;
  std::map<std::string, std::unique_ptr<GenericRpcClient>> upstreams_;  // By package.
  std::string openapi_;
  prometheus::Family<prometheus::Counter>* calls_ = nullptr;
  prometheus::Family<prometheus::Counter>* limited_ = nullptr;
};

}  // namespace tdkt::gateway
