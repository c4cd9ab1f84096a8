// gRPC server bootstrap shared by every service: callback services, the
// standard health service (grpc.health.v1), server reflection, message size
// limits, the metrics interceptor and /metrics, and graceful shutdown on
// SIGTERM or SIGINT.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "common/channel.h"
#include "common/metrics.h"
#include "common/status.h"

namespace tdkt {

struct ServerHostOptions {
  std::string service_name;          // e.g. "nomination"; used in logs.
  std::string listen_host = "127.0.0.1";
  int grpc_port = 0;                 // 0 picks a free port (tests).
  int metrics_port = -1;             // -1: no /metrics endpoint (tests); 0: free port.
  int max_message_bytes = 16 << 20;
  // The port other nodes call (federation), mutual TLS only: opened when
  // `tls` is enabled and peer_port >= 0 (0 = a free port). The plaintext
  // grpc_port stays on listen_host for the node's own clients.
  TlsFiles tls;
  std::string peer_host = "0.0.0.0";
  int peer_port = -1;
};

class ServerHost {
 public:
  ServerHost(ServerHostOptions options, Metrics& metrics);
  ~ServerHost();

  // Call first thing in main(), before any thread starts, so that SIGINT and
  // SIGTERM reach WaitForShutdownSignal() instead of killing the process.
  static void BlockShutdownSignals();
  // Blocks until SIGINT or SIGTERM (after BlockShutdownSignals); returns it.
  static int WaitForSignal();

  // Services must outlive the host. Call before Start().
  void AddService(grpc::Service* service);
  Status Start();
  int grpc_port() const { return bound_port_; }
  // The mutual-TLS port for other nodes; 0 when there is none.
  int peer_port() const { return bound_peer_port_; }
  // Blocks until SIGINT or SIGTERM, then shuts down gracefully.
  void WaitForShutdownSignal();
  // Marks the health service NOT_SERVING, lets in-flight RPCs finish (up to
  // `grace_ms`), then stops.
  void Shutdown(int grace_ms = 5000);

 private:
  ServerHostOptions options_;
  Metrics& metrics_;
  std::vector<grpc::Service*> services_;
  std::unique_ptr<grpc::Server> server_;
  int bound_port_ = 0;
  int bound_peer_port_ = 0;
};

}  // namespace tdkt
