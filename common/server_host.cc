#include "common/server_host.h"

#include <signal.h>

#include <chrono>

#include <absl/synchronization/mutex.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "common/decode_error_interceptor.h"
#include "common/log.h"

namespace tdkt {

ServerHost::ServerHost(ServerHostOptions options, Metrics& metrics)
    : options_(std::move(options)), metrics_(metrics) {}

ServerHost::~ServerHost() {
  if (server_) Shutdown(0);
}

void ServerHost::BlockShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void ServerHost::AddService(grpc::Service* service) { services_.push_back(service); }

Status ServerHost::Start() {
  // Debian's abseil checks every mutex for lock-order cycles, several
  // microseconds per RPC; gRPC's own builds switch that off as well.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  std::string address = options_.listen_host + ":" + std::to_string(options_.grpc_port);
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &bound_port_);
  const bool peer_port_wanted = options_.tls.enabled() && options_.peer_port >= 0;
  const std::string peer_address = options_.peer_host + ":" + std::to_string(options_.peer_port);
  if (peer_port_wanted) {
    TDKT_RETURN_IF_ERROR(CheckTlsFiles(options_.tls));
    builder.AddListeningPort(peer_address, MakeServerCredentials(options_.tls), &bound_peer_port_);
  }
  builder.SetMaxReceiveMessageSize(options_.max_message_bytes);
  builder.SetMaxSendMessageSize(options_.max_message_bytes);
  for (auto* s : services_) builder.RegisterService(s);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  // Order matters: the status is rewritten first, then counted.
  interceptors.push_back(NewDecodeErrorInterceptorFactory());
  interceptors.push_back(metrics_.NewInterceptorFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  server_ = builder.BuildAndStart();
  if (!server_ || bound_port_ == 0) {
    return Status::Unavailable("cannot listen on " + address + " (port in use?)");
  }
  if (peer_port_wanted && bound_peer_port_ == 0) {
    return Status::Unavailable("cannot listen for other nodes on " + peer_address + " (port in use?)");
  }
  if (options_.metrics_port >= 0) {
    try {
      metrics_.Serve(options_.listen_host, options_.metrics_port);
    } catch (const std::exception& e) {
      return Status::Unavailable("cannot serve metrics on port " +
                                 std::to_string(options_.metrics_port) + ": " + e.what());
    }
  }
  server_->GetHealthCheckService()->SetServingStatus(true);
  log::Info("listening", {{"service", options_.service_name},
                          {"grpc", options_.listen_host + ":" + std::to_string(bound_port_)},
                          {"metrics", std::to_string(metrics_.port())}});
  return Status::Ok();
}

int ServerHost::WaitForSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

void ServerHost::WaitForShutdownSignal() {
  const int sig = WaitForSignal();
  log::Info("shutting down", {{"service", options_.service_name},
                              {"signal", sig == SIGINT ? "SIGINT" : "SIGTERM"}});
  Shutdown();
}

void ServerHost::Shutdown(int grace_ms) {
  if (!server_) return;
  server_->GetHealthCheckService()->SetServingStatus(false);
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(grace_ms));
  server_->Wait();
  server_.reset();
  log::Info("stopped", {{"service", options_.service_name}});
}

}  // namespace tdkt
