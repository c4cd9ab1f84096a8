#include "services/gateway/app/gateway.h"

#include <chrono>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include "common/channel.h"
#include "common/http_client.h"
#include "common/log.h"
#include "services/gateway/domain/http_status.h"
#include "services/gateway/domain/openapi.h"

namespace tdkt::gateway {

namespace {

constexpr char kJson[] = "application/json; charset=utf-8";

http::Response JsonAnswer(int status, std::string body) {
  http::Response response;
  response.status = status;
  response.content_type = kJson;
  response.body = std::move(body);
  return response;
}

http::Response ErrorAnswer(grpc::StatusCode code, const std::string& message) {
  return JsonAnswer(HttpStatusFor(code), ErrorBody(code, message));
}

grpc::StatusCode GrpcCodeOf(const Status& status) {
  switch (status.code()) {
    case Code::kInvalidArgument: return grpc::StatusCode::INVALID_ARGUMENT;
    case Code::kNotFound: return grpc::StatusCode::NOT_FOUND;
    case Code::kUnavailable: return grpc::StatusCode::UNAVAILABLE;
    default: return grpc::StatusCode::INTERNAL;
  }
}

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Gateway::Gateway(const Contract& contract, GatewayOptions options, prometheus::Registry* registry)
    : contract_(contract),
      options_(std::move(options)),
      cors_(options_.cors_origins, options_.cors_max_age_s),
      limiter_(options_.rate_limit),
      openapi_(BuildOpenApi(contract, options_.version).dump(2)) {
  for (const auto& [package, address] : options_.upstreams) {
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 << 20);
    args.SetUserAgentPrefix("tdkt-gateway");
    upstreams_[package] = std::make_unique<GenericRpcClient>(MakeChannel(address, TlsFiles{}, args));
  }
  if (registry) {
    calls_ = &prometheus::BuildCounter()
                  .Name("tdkt_gateway_calls_total")
                  .Help("RPCs called through the JSON gateway, by method and gRPC code")
                  .Register(*registry);
    limited_ = &prometheus::BuildCounter()
                    .Name("tdkt_gateway_rate_limited_total")
                    .Help("Requests refused with 429 because their client was over its rate")
                    .Register(*registry);
  }
}

Gateway::~Gateway() = default;

void Gateway::Register(http::HttpServer& server) {
  server.Post("/v1/{service}/{method}", [this](const http::Request& r) { return WithCors(r, Call(r)); });
  server.Get("/v1/openapi.json", [this](const http::Request& r) { return WithCors(r, JsonAnswer(200, openapi_)); });
  server.Get("/healthz", [](const http::Request&) {
    http::Response ok;
    ok.body = "ok\n";
    return ok;
  });
  if (options_.public_port > 0) {
    server.Get("/public/{rest*}", [this](const http::Request& r) { return WithCors(r, Public(r)); });
  }
  server.Options("/{rest*}", [this](const http::Request& r) { return Preflight(r); });
}

bool Gateway::OverRate(const http::Request& request, http::Response* refusal) {
  int retry_after_s = 1;
  if (limiter_.Allow(request.remote_addr, NowSeconds(), &retry_after_s)) return false;
  if (limited_) limited_->Add({}).Increment();
  *refusal = ErrorAnswer(grpc::StatusCode::RESOURCE_EXHAUSTED,
                         "too many requests from " + request.remote_addr + "; retry after " +
                             std::to_string(retry_after_s) + " s");
  refusal->headers.emplace_back("Retry-After", std::to_string(retry_after_s));
  return true;
}

http::Response Gateway::Call(const http::Request& request) {
  http::Response refusal;
  if (OverRate(request, &refusal)) return refusal;
  const std::string service = request.Param("service"), method_name = request.Param("method");
  const auto* method = contract_.FindMethod(service, method_name);
  if (!method) {
    Count("unknown", "NOT_FOUND");
    return ErrorAnswer(grpc::StatusCode::NOT_FOUND,
                       "no method " + service + "/" + method_name + " is offered; see /v1/openapi.json");
  }
  const std::string label = service + "/" + method_name;
  auto bytes = contract_.RequestFromJson(*method, request.body);
  if (!bytes.ok()) {
    Count(label, "INVALID_ARGUMENT");
    return ErrorAnswer(GrpcCodeOf(bytes.status()), bytes.status().ToString());
  }
  auto upstream = upstreams_.find(method->service()->file()->package());
  if (upstream == upstreams_.end()) {
    Count(label, "UNAVAILABLE");
    return ErrorAnswer(grpc::StatusCode::UNAVAILABLE, "this gateway has no address for " + service);
  }
  RpcMetadata metadata;
  if (std::string auth = request.Header("Authorization"); !auth.empty()) metadata.emplace_back("authorization", auth);
  metadata.emplace_back("x-forwarded-for", request.remote_addr);
  std::string answer;
  grpc::Status status = upstream->second->Call("/" + service + "/" + method_name, *bytes, metadata,
                                               options_.upstream_timeout_ms, &answer);
  Count(label, CodeName(status.error_code()));
  if (!status.ok()) return ErrorAnswer(status.error_code(), status.error_message());
  auto json = contract_.ResponseToJson(*method, answer);
  if (!json.ok()) return ErrorAnswer(grpc::StatusCode::INTERNAL, json.status().ToString());
  return JsonAnswer(200, std::move(*json));
}

http::Response Gateway::Public(const http::Request& request) {
  http::Response refusal;
  if (OverRate(request, &refusal)) return refusal;
  http::FetchOptions fetch;
  fetch.timeout_ms = options_.upstream_timeout_ms;
  for (const char* header : {"If-None-Match", "If-Modified-Since", "Accept"}) {
    if (std::string value = request.Header(header); !value.empty()) fetch.headers.emplace_back(header, value);
  }
  auto answer = http::Fetch(options_.public_host, options_.public_port, request.target, fetch);
  if (!answer.ok()) {
    log::Warn("public site unreachable", {{"error", answer.status().ToString()}});
    return ErrorAnswer(grpc::StatusCode::UNAVAILABLE, "the public site is not reachable; try again shortly");
  }
  return std::move(*answer);
}

http::Response Gateway::Preflight(const http::Request& request) const {
  http::Response response;
  response.headers = cors_.PreflightHeaders(request.Header("Origin"));
  response.status = response.headers.empty() ? 403 : 204;
  if (response.headers.empty()) response.body = "origin not allowed\n";
  return response;
}

http::Response Gateway::WithCors(const http::Request& request, http::Response response) const {
  for (auto& header : cors_.ResponseHeaders(request.Header("Origin"))) response.headers.push_back(std::move(header));
  return response;
}

void Gateway::Count(const std::string& method, const std::string& code) {
  if (calls_) calls_->Add({{"method", method}, {"code", code}}).Increment();
}

}  // namespace tdkt::gateway
