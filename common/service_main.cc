#include "common/service_main.h"

#include <unistd.h>

#include <iostream>

#include "common/log.h"

namespace tdkt {

RedisOptions RedisOptionsFrom(const Config& config) {
  RedisOptions redis;
  redis.host = config.Get("redis-host");
  redis.port = config.GetInt("redis-port");
  redis.pool_size = config.GetInt("redis-pool-size");
  redis.timeout_ms = config.GetInt("redis-timeout-ms");
  redis.db = config.GetInt("redis-db");
  return redis;
}

std::string InstanceName(const Config& config) {
  std::string instance = config.Get("instance");
  if (!instance.empty()) return instance;
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  return std::string(host) + ":" + config.Get("grpc-port");
}

ServiceMain::ServiceMain(std::string name, int index) : name_(std::move(name)) {
  DeclareServiceOptions(config_, index);
}

int ServiceMain::Run(int argc, char** argv, const std::function<Status(ServerHost&)>& wire) {
  ServerHost::BlockShutdownSignals();
  if (int exit_code = config_.LoadCommandLine(argc, argv); exit_code >= 0) return exit_code;
  log::SetLevel(config_.Get("log-level"));
  ServerHostOptions options;
  options.service_name = name_;
  options.listen_host = config_.Get("listen-host");
  options.grpc_port = config_.GetInt("grpc-port");
  options.metrics_port = config_.GetInt("metrics-port");
  options.max_message_bytes = config_.GetInt("max-message-bytes");
  options.tls = TlsFilesFrom(config_);
  options.peer_host = config_.Get("peer-host");
  options.peer_port = config_.GetInt("peer-port");
  ServerHost host(options, metrics_);
  Status st = wire(host);
  if (st.ok()) st = host.Start();
  if (!st.ok()) {
    log::Error("cannot start", {{"service", name_}, {"error", st.ToString()}});
    return 1;
  }
  host.WaitForShutdownSignal();
  return 0;
}

}  // namespace tdkt
