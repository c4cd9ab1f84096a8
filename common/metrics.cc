#include "common/metrics.h"

#include <chrono>

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

struct Metrics::RpcSeries {
  prometheus::Family<prometheus::Counter>* started;
  prometheus::Family<prometheus::Counter>* handled;
  prometheus::Family<prometheus::Histogram>* seconds;
};

namespace {

// Splits "/pkg.Service/Method" into service and method labels.
void SplitMethod(const char* full, std::string& service, std::string& method) {
  std::string s = full ? full : "";
  if (!s.empty() && s[0] == '/') s.erase(0, 1);
  auto slash = s.find('/');
  service = s.substr(0, slash);
  method = slash == std::string::npos ? "" : s.substr(slash + 1);
}

class RpcInterceptor : public grpc::experimental::Interceptor {
 public:
  RpcInterceptor(grpc::experimental::ServerRpcInfo* info,
                 prometheus::Family<prometheus::Counter>* started,
                 prometheus::Family<prometheus::Counter>* handled,
                 prometheus::Family<prometheus::Histogram>* seconds)
      : handled_(handled), seconds_(seconds), start_(std::chrono::steady_clock::now()) {
    SplitMethod(info->method(), service_, method_);
    const char* type = "unary";
    switch (info->type()) {
      case grpc::experimental::ServerRpcInfo::Type::CLIENT_STREAMING: type = "client_stream"; break;
      case grpc::experimental::ServerRpcInfo::Type::SERVER_STREAMING: type = "server_stream"; break;
      case grpc::experimental::ServerRpcInfo::Type::BIDI_STREAMING: type = "bidi_stream"; break;
      default: break;
    }
    type_ = type;
    started->Add({{"grpc_service", service_}, {"grpc_method", method_}, {"grpc_type", type_}})
        .Increment();
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      handled_
          ->Add({{"grpc_service", service_}, {"grpc_method", method_}, {"grpc_type", type_},
                 {"grpc_code", CodeName(status.error_code())}})
          .Increment();
      seconds_
          ->Add({{"grpc_service", service_}, {"grpc_method", method_}, {"grpc_type", type_}},
                prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10})
          .Observe(elapsed);
    }
    methods->Proceed();
  }

 private:
  prometheus::Family<prometheus::Counter>* handled_;
  prometheus::Family<prometheus::Histogram>* seconds_;
  std::chrono::steady_clock::time_point start_;
  std::string service_, method_, type_;
};

class RpcInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RpcInterceptorFactory(std::shared_ptr<Metrics::RpcSeries> series)
      : series_(std::move(series)) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new RpcInterceptor(info, series_->started, series_->handled, series_->seconds);
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
