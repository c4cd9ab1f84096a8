#include "tests/support/evaluation_server.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace tdkt::testing {

namespace {
int64_t WallSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

EvaluationServer::EvaluationServer() : clock_(WallSeconds()) {
  evaluation::EvaluationNodeOptions options;
  options.redis = TestRedisOptions();
  options.jwt_secret = kTestSecret;
  options.node_agency = "TW";
  options.nomination_address = nomination_.address();
  options.clock = &clock_;
  node_ = std::make_unique<evaluation::EvaluationNode>(options, &metrics_.registry());
  Status st = node_->Initialize();
  if (!st.ok()) {
    std::fprintf(stderr, "evaluation node did not start: %s\n", st.ToString().c_str());
    std::abort();
  }
  ServerHostOptions host_options;
  host_options.service_name = "evaluation-test";
  host_ = std::make_unique<ServerHost>(host_options, metrics_);
  node_->Register(*host_);
  st = host_->Start();
  if (!st.ok()) {
    std::fprintf(stderr, "evaluation server did not start: %s\n", st.ToString().c_str());
    std::abort();
  }
  channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(host_->grpc_port()), grpc::InsecureChannelCredentials());
}

EvaluationServer::~EvaluationServer() {
  if (host_) host_->Shutdown(1000);
}

std::unique_ptr<grpc::ClientContext> EvaluationServer::Context(Role role, const std::string& agency,
                                                               const std::string& subject) const {
  auto context = std::make_unique<grpc::ClientContext>();
  const std::string who = subject.empty() ? RoleName(role) + "@" + agency : subject;
  context->AddMetadata("authorization", "Bearer " + nomination_.Token(role, agency, who));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

}  // namespace tdkt::testing
