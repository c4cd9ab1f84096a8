// Prometheus metrics: one registry and /metrics endpoint per process, and the
// one gRPC server interceptor that records the standard RPC series:
//   grpc_server_started_total{grpc_service,grpc_method,grpc_type}
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code}
//   grpc_server_handling_seconds{grpc_service,grpc_method,grpc_type} (histogram)
#pragma once

#include <memory>
#include <string>

#include <grpcpp/support/server_interceptor.h>

namespace prometheus {
class Exposer;
class Registry;
}  // namespace prometheus

namespace tdkt {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  prometheus::Registry& registry() { return *registry_; }
  std::shared_ptr<prometheus::Registry> shared_registry() { return registry_; }
  // Serves /metrics on host:port. Port 0 picks a free port.
  void Serve(const std::string& host, int port);
  // The port /metrics listens on, after Serve().
  int port() const;
  // A factory for the RPC interceptor, to hand to the server builder.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInterceptorFactory();

 struct RpcSeries;  // The three RPC metric families; defined in metrics.cc.

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<prometheus::Exposer> exposer_;
  std::shared_ptr<RpcSeries> rpc_;
};

}  // namespace tdkt
