#include "bench/servers.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "bench/echo_service.h"
#include "services/evaluation/evaluation_node.h"
#include "services/nomination/nomination_node.h"

namespace tdkt::bench {

namespace {

ServerHostOptions BenchHostOptions(const std::string& name) {
  ServerHostOptions o;
  o.service_name = name;
  o.grpc_port = 0;                  // Any free port.
  o.metrics_port = -1;              // The interceptor still records; nobody scrapes.
  o.max_message_bytes = 4 << 20;    // The services' default (max-message-bytes).
  return o;
}

}  // namespace

// Each server gets its own Metrics, as each is its own process in production.
struct InProcessServers::Parts {
  explicit Parts(const ServerSettings& s)
      : echo_redis(s.redis, &echo_metrics.registry()),
        echo(echo_redis),
        node(NodeOptions(s), &nomination_metrics.registry()),
        echo_host(BenchHostOptions("bench-echo"), echo_metrics),
        nomination_host(BenchHostOptions("nomination"), nomination_metrics) {}

  static nomination::NominationNodeOptions NodeOptions(const ServerSettings& s) {
    nomination::NominationNodeOptions o;  // Defaults as in production (root "TW").
    o.redis = s.redis;
    o.agencies_file = s.agencies_file;
    o.jwt_secret = s.jwt_secret;
    o.node_agency = o.root_id;            // The central node: serves every agency.
    return o;
  }

  Metrics echo_metrics;
  Metrics nomination_metrics;
  RedisClient echo_redis;
  EchoService echo;
  nomination::NominationNode node;
  ServerHost echo_host;
  ServerHost nomination_host;
};

InProcessServers::InProcessServers(const ServerSettings& settings)
    : parts_(std::make_unique<Parts>(settings)) {}

InProcessServers::~InProcessServers() {
  if (!parts_) return;
  parts_->echo_host.Shutdown(1000);
  parts_->nomination_host.Shutdown(1000);
}

Result<ServerPorts> InProcessServers::Start() {
  // Fail early, with a clear message, when Redis is not there.
  auto ping = parts_->echo_redis.Command({"PING"});
  if (!ping.ok()) return ping.status();
  TDKT_RETURN_IF_ERROR(parts_->node.Initialize());
  parts_->echo_host.AddService(&parts_->echo);
  parts_->node.Register(parts_->nomination_host);
  TDKT_RETURN_IF_ERROR(parts_->echo_host.Start());
  TDKT_RETURN_IF_ERROR(parts_->nomination_host.Start());
  return ServerPorts{parts_->echo_host.grpc_port(), parts_->nomination_host.grpc_port()};
}

struct EvaluationServer::Parts {
  Parts(const ServerSettings& s, int nomination_port)
      : node(NodeOptions(s, nomination_port), &metrics.registry()), host(BenchHostOptions("evaluation"), metrics) {}

  // The evaluation node of the central node (TW), as tdkt-evaluation runs it.
  static evaluation::EvaluationNodeOptions NodeOptions(const ServerSettings& s, int nomination_port) {
    evaluation::EvaluationNodeOptions o;
    o.redis = s.redis;
    o.jwt_secret = s.jwt_secret;
    o.node_agency = "TW";
    o.nomination_address = "127.0.0.1:" + std::to_string(nomination_port);
    return o;
  }

  Metrics metrics;
  evaluation::EvaluationNode node;
  ServerHost host;
};

EvaluationServer::EvaluationServer(const ServerSettings& settings, int nomination_port)
    : parts_(std::make_unique<Parts>(settings, nomination_port)) {}

EvaluationServer::~EvaluationServer() {
  if (parts_) parts_->host.Shutdown(1000);
}

Result<int> EvaluationServer::Start() {
  TDKT_RETURN_IF_ERROR(parts_->node.Initialize());
  parts_->node.Register(parts_->host);
  TDKT_RETURN_IF_ERROR(parts_->host.Start());
  return parts_->host.grpc_port();
}

namespace {

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace

// The child runs `serve`, which starts its servers and calls `ready` with
// their ports: "ports <...>" goes to the parent, then `ready` returns once
// the parent closes the control pipe, and `serve` stops the servers. A
// failure is reported as "error <message>".
Result<std::string> ForkedServers::Fork(const Serve& serve) {
  int report[2], control[2];
  if (::pipe(report) != 0 || ::pipe(control) != 0) return Status::Internal("cannot create pipes");
  pid_t pid = ::fork();
  if (pid < 0) return Status::Internal("cannot fork a server process");
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // Never outlive the load generator.
    ::close(report[0]);
    ::close(control[1]);
    for (const Child& earlier : children_) ::close(earlier.control_fd);  // Only the parent holds them.
    Status served = serve([&](const std::string& ports) {
      WriteAll(report[1], "ports " + ports + "\n");
      char c;
      while (::read(control[0], &c, 1) > 0) {
      }
    });
    if (!served.ok()) WriteAll(report[1], "error " + served.ToString() + "\n");
    std::fflush(nullptr);
    ::_exit(served.ok() ? 0 : 1);
  }
  ::close(report[1]);
  ::close(control[0]);
  children_.push_back(Child{pid, control[1]});

  std::string line;
  char c;
  while (::read(report[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(report[0]);
  if (line.rfind("ports ", 0) == 0) return line.substr(6);
  if (line.rfind("error ", 0) == 0) return Status::Unavailable("server process: " + line.substr(6));
  return Status::Internal("server process exited before reporting its ports");
}

Result<ServerPorts> ForkedServers::Start(const ServerSettings& settings) {
  ServerPorts ports;
  auto first = Fork([&](const std::function<void(const std::string&)>& ready) -> Status {
    InProcessServers servers(settings);
    auto started = servers.Start();
    if (!started.ok()) return started.status();
    ready(std::to_string(started->echo) + " " + std::to_string(started->nomination));
    return Status::Ok();
  });
  if (!first.ok()) return first.status();
  if (std::sscanf(first->c_str(), "%d %d", &ports.echo, &ports.nomination) != 2) {
    return Status::Internal("server process reported '" + *first + "'");
  }
  auto second = Fork([&](const std::function<void(const std::string&)>& ready) -> Status {
    EvaluationServer server(settings, ports.nomination);
    auto started = server.Start();
    if (!started.ok()) return started.status();
    ready(std::to_string(*started));
    return Status::Ok();
  });
  if (!second.ok()) return second.status();
  if (std::sscanf(second->c_str(), "%d", &ports.evaluation) != 1) {
    return Status::Internal("evaluation server process reported '" + *second + "'");
  }
  return ports;
}

std::vector<pid_t> ForkedServers::pids() const {
  std::vector<pid_t> out;
  for (const Child& c : children_) out.push_back(c.pid);
  return out;
}

ForkedServers::~ForkedServers() {
  // The evaluation server first: it calls the nomination server.
  for (auto it = children_.rbegin(); it != children_.rend(); ++it) {
    ::close(it->control_fd);
    int status = 0;
    ::waitpid(it->pid, &status, 0);
  }
}

}  // namespace tdkt::bench
