// The skeleton every service binary runs: declare the shared options, load
// them, start metrics and the gRPC host with the services `wire` registers,
// then serve until SIGINT or SIGTERM.
#pragma once

#include <functional>
#include <string>

#include "common/config.h"
#include "common/metrics.h"
#include "common/redis_client.h"
#include "common/server_host.h"

namespace tdkt {

// The node's Redis as the shared service options (DeclareServiceOptions) give it.
RedisOptions RedisOptionsFrom(const Config& config);

// This replica's name: --instance, or <host name>:<grpc-port>. Stable across
// restarts of the same replica, so a restarted one takes its outbox lease
// straight back instead of waiting for it to lapse.
std::string InstanceName(const Config& config);

class ServiceMain {
 public:
  // `index` 1..4 picks default ports 5005<index> and 945<index>.
  ServiceMain(std::string name, int index);
  Config& config() { return config_; }
  Metrics& metrics() { return metrics_; }
  // Loads config, then calls `wire` to build the service objects and
  // register them on the host (objects must live until Run returns: keep
  // them in the caller's scope). Returns the process exit code.
  int Run(int argc, char** argv, const std::function<Status(ServerHost&)>& wire);

 private:
  std::string name_;
  Config config_;
  Metrics metrics_;
};

}  // namespace tdkt
