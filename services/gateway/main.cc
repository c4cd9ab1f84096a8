// tdkt-gateway: the node's JSON-over-HTTP face for provincial portals
// (app/gateway.h). Stateless: it keeps nothing, so any number may run.
#include <memory>

#include "common/config.h"
#include "common/http_server.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/server_host.h"
#include "proto/tdkt_descriptors.h"
#include "services/gateway/app/gateway.h"

namespace {

void DeclareOptions(tdkt::Config& config) {
  config.Declare("listen-host", "127.0.0.1", "address the HTTP and metrics servers bind to");
  config.Declare("http-port", "8080", "HTTP port portals call");
  config.Declare("metrics-port", "9455", "port of /metrics; -1 = none");
  config.Declare("http-threads", "16", "threads answering HTTP requests");
  config.Declare("nomination-address", "127.0.0.1:50051", "the node's nomination service");
  config.Declare("evaluation-address", "127.0.0.1:50052", "the node's evaluation service");
  config.Declare("campaign-media-address", "127.0.0.1:50053", "the node's campaign-media service");
  config.Declare("reporting-address", "127.0.0.1:50054", "the node's reporting service");
  config.Declare("public-site-address", "127.0.0.1:8053",
                 "host:port of campaign-media's public site, served under /public without a token; empty = none");
  config.Declare("upstream-timeout-ms", "10000", "deadline of each call to a service");
  config.Declare("cors-origins", "",
                 "comma-separated web origins allowed to call from a browser, or *; empty = none");
  config.Declare("cors-max-age-s", "600", "how long a browser may cache a preflight answer");
  config.Declare("rate-limit-rps", "20", "requests per second each client address may make; 0 = no limit");
  config.Declare("rate-limit-burst", "40", "requests a quiet client may send at once");
  config.Declare("max-body-bytes", "4194304", "largest request body accepted");
  config.Declare("log-level", "info", "debug, info, warn or error");
}

tdkt::Status SplitHostPort(const std::string& flag, const std::string& address, std::string* host, int* port) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) return tdkt::Status::InvalidArgument(flag, "must be HOST:PORT");
  *host = address.substr(0, colon);
  try {
    *port = std::stoi(address.substr(colon + 1));
  } catch (...) {
    *port = 0;
  }
  if (*port <= 0 || *port > 65535) return tdkt::Status::InvalidArgument(flag, "must end in a port 1..65535");
  return tdkt::Status::Ok();
}

tdkt::Status Options(const tdkt::Config& config, tdkt::gateway::GatewayOptions* options) {
  options->upstreams = {{"tdkt.nomination.v1", config.Get("nomination-address")},
                        {"tdkt.evaluation.v1", config.Get("evaluation-address")},
                        {"tdkt.campaign_media.v1", config.Get("campaign-media-address")},
                        {"tdkt.reporting.v1", config.Get("reporting-address")}};
  options->upstream_timeout_ms = config.GetInt("upstream-timeout-ms");
  if (options->upstream_timeout_ms < 1) return tdkt::Status::InvalidArgument("upstream-timeout-ms", "must be at least 1");
  if (const std::string site = config.Get("public-site-address"); !site.empty()) {
    TDKT_RETURN_IF_ERROR(SplitHostPort("public-site-address", site, &options->public_host, &options->public_port));
  }
  options->cors_origins = config.Get("cors-origins");
  options->cors_max_age_s = config.GetInt("cors-max-age-s");
  options->rate_limit.rate_per_s = config.GetInt("rate-limit-rps");
  options->rate_limit.burst = config.GetInt("rate-limit-burst");
  if (options->rate_limit.rate_per_s < 0) return tdkt::Status::InvalidArgument("rate-limit-rps", "must be 0 or more");
  if (options->rate_limit.rate_per_s > 0 && options->rate_limit.burst < 1) {
    return tdkt::Status::InvalidArgument("rate-limit-burst", "must be at least 1");
  }
  return tdkt::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  tdkt::ServerHost::BlockShutdownSignals();
  tdkt::Config config;
  DeclareOptions(config);
  if (int exit_code = config.LoadCommandLine(argc, argv); exit_code >= 0) return exit_code;
  tdkt::log::SetLevel(config.Get("log-level"));

  tdkt::gateway::GatewayOptions options;
  if (tdkt::Status st = Options(config, &options); !st.ok()) {
    tdkt::log::Error("cannot start", {{"service", "gateway"}, {"error", st.ToString()}});
    return 2;
  }
  auto contract = tdkt::gateway::Contract::FromDescriptorSet(tdkt::TdktDescriptorSet());
  if (!contract.ok()) {
    tdkt::log::Error("cannot start", {{"service", "gateway"}, {"error", contract.status().ToString()}});
    return 1;
  }
  tdkt::Metrics metrics;
  tdkt::gateway::Gateway gateway(**contract, options, &metrics.registry());
  tdkt::http::HttpServer server(&metrics.registry(), {config.GetInt("http-threads")});
  server.SetMaxBodyBytes(static_cast<size_t>(config.GetInt("max-body-bytes")));
  gateway.Register(server);
  const std::string host = config.Get("listen-host");
  if (tdkt::Status st = server.Start(host, config.GetInt("http-port")); !st.ok()) {
    tdkt::log::Error("cannot start", {{"service", "gateway"}, {"error", st.ToString()}});
    return 1;
  }
  if (config.GetInt("metrics-port") >= 0) metrics.Serve(host, config.GetInt("metrics-port"));
  tdkt::log::Info("serving", {{"service", "gateway"},
                              {"http", host + ":" + std::to_string(server.port())},
                              {"metrics", std::to_string(metrics.port())}});
  tdkt::ServerHost::WaitForSignal();
  server.Stop();
  tdkt::log::Info("stopped", {{"service", "gateway"}});
  return 0;
}
