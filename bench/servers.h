// The servers under test: the baseline EchoService, the real nomination node
// and the real evaluation node, each behind its own ServerHost (same bootstrap
// as production: callback API, health, reflection, metrics interceptor; no
// /metrics endpoint), all on the same Redis. The evaluation node calls the
// nomination node over gRPC with a node token, as in production.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/metrics.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "common/status.h"

namespace tdkt::bench {

struct ServerSettings {
  RedisOptions redis;         // Shared by all servers; pool size as in production.
  std::string agencies_file;  // Seed of the agency hierarchy.
  std::string jwt_secret;
};

struct ServerPorts {
  int echo = 0;
  int nomination = 0;
  int evaluation = 0;  // 0: not started (in-process servers).
};

// The echo and nomination servers, running inside this process.
class InProcessServers {
 public:
  explicit InProcessServers(const ServerSettings& settings);
  ~InProcessServers();
  Result<ServerPorts> Start();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// The evaluation node, running inside this process, calling the nomination
// server on 127.0.0.1:`nomination_port`.
class EvaluationServer {
 public:
  EvaluationServer(const ServerSettings& settings, int nomination_port);
  ~EvaluationServer();
  Result<int> Start();  // The gRPC port.

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// The servers in child processes, so that the load generator's CPU and
// threads do not mix with theirs (they still share the machine's cores): one
// child runs echo and nomination, another the evaluation node, as separate
// binaries do in production. (In one process, the evaluation handlers that
// wait on the nomination server hold gRPC's few callback threads that the
// nomination server needs to answer: under load, both stall until the
// deadline.) Call before this process touches gRPC: a forked gRPC runtime is
// unusable.
class ForkedServers {
 public:
  ~ForkedServers();  // Stops the children.
  Result<ServerPorts> Start(const ServerSettings& settings);
  std::vector<pid_t> pids() const;

 private:
  // Runs `serve` in a new child; returns the line its servers reported
  // (their ports) once they serve.
  using Serve = std::function<Status(const std::function<void(const std::string&)>& ready)>;
  Result<std::string> Fork(const Serve& serve);

  struct Child {
    pid_t pid = -1;
    int control_fd = -1;  // Closing it tells the child to stop.
  };
  std::vector<Child> children_;
};

}  // namespace tdkt::bench
