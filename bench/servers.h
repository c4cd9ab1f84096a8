// The servers under test: the baseline EchoService and the real nomination
// node, each behind its own ServerHost (same bootstrap as production: callback
// API, health, reflection, metrics interceptor; no /metrics endpoint), both on
// the same Redis.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "common/metrics.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "common/status.h"

namespace tdkt::bench {

struct ServerSettings {
  RedisOptions redis;         // Shared by both servers; pool size as in production.
  std::string agencies_file;  // Seed of the agency hierarchy.
  std::string jwt_secret;
};

struct ServerPorts {
  int echo = 0;
  int nomination = 0;
};

// Servers running inside this process.
class InProcessServers {
 public:
  explicit InProcessServers(const ServerSettings& settings);
  ~InProcessServers();
  Result<ServerPorts> Start();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// Servers running in a child process, so that the load generator's CPU and
// threads do not mix with theirs (they still share the machine's cores).
// Call before this process touches gRPC: a forked gRPC runtime is unusable.
class ForkedServers {
 public:
  ~ForkedServers();  // Stops the child.
  Result<ServerPorts> Start(const ServerSettings& settings);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int control_fd_ = -1;  // Closing it tells the child to stop.
};

}  // namespace tdkt::bench
