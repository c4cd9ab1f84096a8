#include "tests/support/campaign_media_server.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace tdkt::testing {

namespace {
int64_t WallSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void DieUnless(const Status& st, const char* what) {
  if (st.ok()) return;
  std::fprintf(stderr, "%s: %s\n", what, st.ToString().c_str());
  std::abort();
}
}  // namespace

CampaignMediaServer::CampaignMediaServer(const AddComponents& add, campaign_media::CampaignMediaNodeOptions options)
    : clock_(WallSeconds()) {
  options.redis = TestRedisOptions();
  options.jwt_secret = kTestSecret;
  options.node_agency = "TW";
  options.nomination_address = nomination_.address();
  options.clock = &clock_;
  node_ = std::make_unique<campaign_media::CampaignMediaNode>(options, &metrics_.registry());
  DieUnless(node_->Initialize(), "campaign-media node did not start");
  add(*node_);
  ServerHostOptions host_options;
  host_options.service_name = "campaign-media-test";
  host_ = std::make_unique<ServerHost>(host_options, metrics_);
  node_->Register(*host_);
  DieUnless(host_->Start(), "campaign-media server did not start");
  DieUnless(node_->Start(), "campaign-media components did not start");
  channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
}

CampaignMediaServer::~CampaignMediaServer() {
  if (node_) node_->Stop();
  if (host_) host_->Shutdown(1000);
}

std::unique_ptr<grpc::ClientContext> CampaignMediaServer::Context(Role role, const std::string& agency,
                                                                  const std::string& subject) const {
  auto context = std::make_unique<grpc::ClientContext>();
  const std::string who = subject.empty() ? RoleName(role) + "@" + agency : subject;
  context->AddMetadata("authorization", "Bearer " + nomination_.Token(role, agency, who));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return context;
}

}  // namespace tdkt::testing
