#include "common/metrics.h"

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <unordered_map>

#include <grpcpp/support/status.h>
#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace tdkt {
namespace {

const char* CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::OK: return "OK";
    case grpc::CANCELLED: return "Canceled";
    case grpc::UNKNOWN: return "Unknown";
    case grpc::INVALID_ARGUMENT: return "InvalidArgument";
    case grpc::DEADLINE_EXCEEDED: return "DeadlineExceeded";
    case grpc::NOT_FOUND: return "NotFound";
    case grpc::ALREADY_EXISTS: return "AlreadyExists";
    case grpc::PERMISSION_DENIED: return "PermissionDenied";
    case grpc::RESOURCE_EXHAUSTED: return "ResourceExhausted";
    case grpc::FAILED_PRECONDITION: return "FailedPrecondition";
    case grpc::ABORTED: return "Aborted";
    case grpc::OUT_OF_RANGE: return "OutOfRange";
    case grpc::UNIMPLEMENTED: return "Unimplemented";
    case grpc::INTERNAL: return "Internal";
    case grpc::UNAVAILABLE: return "Unavailable";
    case grpc::DATA_LOSS: return "DataLoss";
    case grpc::UNAUTHENTICATED: return "Unauthenticated";
    default: return "Unknown";
  }
}

}  // namespace

// The families, and each method's series once looked up: building label
// maps on every call would cost more than the observation itself.
struct Metrics::RpcSeries {
  struct Method {
    prometheus::Counter* started;
    prometheus::Histogram* seconds;
    std::array<std::atomic<prometheus::Counter*>, 17> handled{};  // by grpc::StatusCode
    prometheus::Labels labels;
  };
  prometheus::Family<prometheus::Counter>* started;
  prometheus::Family<prometheus::Counter>* handled;
  prometheus::Family<prometheus::Histogram>* seconds;
  std::mutex mutex;
  std::unordered_map<std::string, std::unique_ptr<Method>> methods;

  Method& For(const char* full_method, grpc::experimental::ServerRpcInfo::Type type);
  prometheus::Counter& Handled(Method& m, grpc::StatusCode code);
};

namespace {

// Splits "/pkg.Service/Method" into service and method labels.
void SplitMethod(const std::string& full, std::string& service, std::string& method) {
  std::string s = full;
  if (!s.empty() && s[0] == '/') s.erase(0, 1);
  auto slash = s.find('/');
  service = s.substr(0, slash);
  method = slash == std::string::npos ? "" : s.substr(slash + 1);
}

const char* TypeName(grpc::experimental::ServerRpcInfo::Type type) {
  switch (type) {
    case grpc::experimental::ServerRpcInfo::Type::CLIENT_STREAMING: return "client_stream";
    case grpc::experimental::ServerRpcInfo::Type::SERVER_STREAMING: return "server_stream";
    case grpc::experimental::ServerRpcInfo::Type::BIDI_STREAMING: return "bidi_stream";
    default: return "unary";
  }
}

}  // namespace

Metrics::RpcSeries::Method& Metrics::RpcSeries::For(const char* full_method,
                                                   grpc::experimental::ServerRpcInfo::Type type) {
  std::string key = full_method ? full_method : "";
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = methods[key];
  if (!slot) {
    slot = std::make_unique<Method>();
    std::string service, method;
    SplitMethod(key, service, method);
    slot->labels = {{"grpc_service", service}, {"grpc_method", method}, {"grpc_type", TypeName(type)}};
    slot->started = &started->Add(slot->labels);
    slot->seconds = &seconds->Add(slot->labels, prometheus::Histogram::BucketBoundaries{
                                                    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                    0.25, 0.5, 1, 2.5, 5, 10});
  }
  return *slot;
}

prometheus::Counter& Metrics::RpcSeries::Handled(Method& m, grpc::StatusCode code) {
  size_t index = static_cast<size_t>(code) < m.handled.size() ? static_cast<size_t>(code) : 2;  // 2 = UNKNOWN
  prometheus::Counter* counter = m.handled[index].load(std::memory_order_acquire);
  if (counter) return *counter;
  std::lock_guard<std::mutex> lock(mutex);
  counter = m.handled[index].load(std::memory_order_relaxed);
  if (!counter) {
    prometheus::Labels labels = m.labels;
    labels["grpc_code"] = CodeName(static_cast<grpc::StatusCode>(index));
    counter = &handled->Add(labels);
    m.handled[index].store(counter, std::memory_order_release);
  }
  return *counter;
}

namespace {

class RpcInterceptor : public grpc::experimental::Interceptor {
 public:
  RpcInterceptor(grpc::experimental::ServerRpcInfo* info, Metrics::RpcSeries& series)
      : series_(series), method_(series.For(info->method(), info->type())),
        start_(std::chrono::steady_clock::now()) {
    method_.started->Increment();
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      series_.Handled(method_, methods->GetSendStatus().error_code()).Increment();
      method_.seconds->Observe(elapsed);
    }
    methods->Proceed();
  }

 private:
  Metrics::RpcSeries& series_;
  Metrics::RpcSeries::Method& method_;
  std::chrono::steady_clock::time_point start_;
};

class RpcInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RpcInterceptorFactory(std::shared_ptr<Metrics::RpcSeries> series)
      : series_(std::move(series)) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcInterceptor(info, *series_);
  }

 private:
  std::shared_ptr<Metrics::RpcSeries> series_;
};

}  // namespace

Metrics::Metrics() : registry_(std::make_shared<prometheus::Registry>()) {
  rpc_ = std::make_shared<RpcSeries>();
  rpc_->started = &prometheus::BuildCounter()
                       .Name("grpc_server_started_total")
                       .Help("RPCs started on the server")
                       .Register(*registry_);
  rpc_->handled = &prometheus::BuildCounter()
                       .Name("grpc_server_handled_total")
                       .Help("RPCs completed on the server, by status code")
                       .Register(*registry_);
  rpc_->seconds = &prometheus::BuildHistogram()
                       .Name("grpc_server_handling_seconds")
                       .Help("Time from receiving an RPC to sending its status")
                       .Register(*registry_);
}

Metrics::~Metrics() = default;

void Metrics::Serve(const std::string& host, int port) {
  exposer_ = std::make_unique<prometheus::Exposer>(host + ":" + std::to_string(port));
  exposer_->RegisterCollectable(registry_);
}

int Metrics::port() const {
  if (!exposer_) return 0;
  auto ports = exposer_->GetListeningPorts();
  return ports.empty() ? 0 : ports[0];
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
Metrics::NewInterceptorFactory() {
  return std::make_unique<RpcInterceptorFactory>(rpc_);
}

}  // namespace tdkt
