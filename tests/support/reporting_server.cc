#include "tests/support/reporting_server.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace tdkt::testing {

reporting::ReportingNodeOptions ReportingOptions(const NominationServer& nomination, const std::string& agency,
                                                 int db) {
  reporting::ReportingNodeOptions options;
  options.redis = TestRedisOptions();
  options.redis.db = db;
  options.jwt_secret = kTestSecret;
  options.node_agency = agency;
  options.nomination_address = nomination.address();
  options.nomination_deadline_ms = 10000;
  options.campaign_media_address = "";
  return options;
}

ReportingServer::ReportingServer(reporting::ReportingNodeOptions options) : minter_(options.jwt_secret) {
  node_ = std::make_unique<reporting::ReportingNode>(std::move(options), &metrics_.registry());
  Status st = node_->Initialize();
  if (!st.ok()) {
    std::fprintf(stderr, "reporting node did not start: %s\n", st.ToString().c_str());
    std::abort();
  }
  ServerHostOptions host_options;
  host_options.service_name = "reporting-test";
  host_ = std::make_unique<ServerHost>(host_options, metrics_);
  node_->Register(*host_);
  st = host_->Start();
  if (!st.ok()) {
    std::fprintf(stderr, "reporting server did not start: %s\n", st.ToString().c_str());
    std::abort();
  }
  channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
}

ReportingServer::~ReportingServer() {
  node_->StopUplink();
  if (host_) host_->Shutdown(1000);
}

std::unique_ptr<grpc::ClientContext> ReportingServer::Context(Role role, const std::string& agency) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization",
                       "Bearer " + *minter_.Mint(Caller{RoleName(role) + "@" + agency, role, agency}, 3600));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

}  // namespace tdkt::testing
