#include "bench/servers.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "bench/echo_service.h"
#include "services/nomination/nomination_node.h"

namespace tdkt::bench {

// Each server gets its own Metrics, as each is its own process in production.
struct InProcessServers::Parts {
  explicit Parts(const ServerSettings& s)
      : echo_redis(s.redis, &echo_metrics.registry()),
        echo(echo_redis),
        node(NodeOptions(s), &nomination_metrics.registry()),
        echo_host(HostOptions("bench-echo"), echo_metrics),
        nomination_host(HostOptions("nomination"), nomination_metrics) {}

  static nomination::NominationNodeOptions NodeOptions(const ServerSettings& s) {
    nomination::NominationNodeOptions o;  // Defaults as in production (root "TW").
    o.redis = s.redis;
    o.agencies_file = s.agencies_file;
    o.jwt_secret = s.jwt_secret;
    o.node_agency = o.root_id;            // The central node: serves every agency.
    return o;
  }

  static ServerHostOptions HostOptions(const std::string& name) {
    ServerHostOptions o;
    o.service_name = name;
    o.grpc_port = 0;                  // Any free port.
    o.metrics_port = -1;              // The interceptor still records; nobody scrapes.
    o.max_message_bytes = 4 << 20;    // The services' default (max-message-bytes).
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

namespace {

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

// The child: start the servers, report "ports <echo> <nomination>" or
// "error <message>" on `report_fd`, then serve until `control_fd` closes.
[[noreturn]] void ServeInChild(const ServerSettings& settings, int report_fd, int control_fd) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // Never outlive the load generator.
  int code = 0;
  {
    InProcessServers servers(settings);
    auto ports = servers.Start();
    if (!ports.ok()) {
      WriteAll(report_fd, "error " + ports.status().ToString() + "\n");
      code = 1;
    } else {
      WriteAll(report_fd, "ports " + std::to_string(ports->echo) + " " + std::to_string(ports->nomination) + "\n");
      char c;
      while (::read(control_fd, &c, 1) > 0) {
      }
    }
  }
  std::fflush(nullptr);
  ::_exit(code);
}

}  // namespace

Result<ServerPorts> ForkedServers::Start(const ServerSettings& settings) {
  int report[2], control[2];
  if (::pipe(report) != 0 || ::pipe(control) != 0) return Status::Internal("cannot create pipes");
  pid_t pid = ::fork();
  if (pid < 0) return Status::Internal("cannot fork the server process");
  if (pid == 0) {
    ::close(report[0]);
    ::close(control[1]);
    ServeInChild(settings, report[1], control[0]);
  }
  ::close(report[1]);
  ::close(control[0]);
  pid_ = pid;
  control_fd_ = control[1];

  std::string line;
  char c;
  while (::read(report[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(report[0]);
  ServerPorts ports;
  if (std::sscanf(line.c_str(), "ports %d %d", &ports.echo, &ports.nomination) == 2) return ports;
  if (line.rfind("error ", 0) == 0) return Status::Unavailable("server process: " + line.substr(6));
  return Status::Internal("server process exited before reporting its ports");
}

ForkedServers::~ForkedServers() {
  if (control_fd_ >= 0) ::close(control_fd_);
  if (pid_ > 0) {
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

}  // namespace tdkt::bench
