#include "tests/support/federation_nodes.h"

#include <cstdio>
#include <cstdlib>

namespace tdkt::testing {

FederationNode::FederationNode(std::string agency, int db)
    : agency_(std::move(agency)), db_(db), key_(federation::SigningKey::Generate()) {
  config_.agency = agency_;
  config_.deadline_ms = 2000;
  config_.initial_backoff_ms = 10;
  config_.max_backoff_ms = 50;
  config_.max_refusals = 3;
  RedisOptions options = TestRedisOptions();
  options.db = db_;
  redis_ = std::make_unique<RedisClient>(options, nullptr);
}

FederationNode::~FederationNode() { Stop(); }

void FederationNode::Start(int port) {
  metrics_ = std::make_unique<Metrics>();
  if (parent_node_) config_.parent->nomination_address = parent_node_->address();
  nomination::NominationNodeOptions options;
  options.redis = TestRedisOptions();
  options.redis.db = db_;
  options.agencies_file = DemoAgenciesFile();
  options.jwt_secret = kTestSecret;
  options.node_agency = agency_;
  options.federation = config_;
  options.signing_key = key_;
  options.federation_threads = threads_;
  options.outcome_poll_interval_ms = poll_interval_ms_;
  node_ = std::make_unique<nomination::NominationNode>(options, &metrics_->registry());
  Status st = node_->Initialize();
  if (!st.ok()) {
    std::fprintf(stderr, "node %s did not start: %s\n", agency_.c_str(), st.ToString().c_str());
    std::abort();
  }
  ServerHostOptions host_options;
  host_options.service_name = "nomination-" + agency_;
  host_options.grpc_port = port;
  host_ = std::make_unique<ServerHost>(host_options, *metrics_);
  node_->Register(*host_);
  st = host_->Start();
  if (!st.ok()) {
    std::fprintf(stderr, "server of node %s did not start: %s\n", agency_.c_str(), st.ToString().c_str());
    std::abort();
  }
  port_ = host_->grpc_port();
  channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
  stub_ = nomination::v1::NominationService::NewStub(channel_);
  federation_stub_ = nomination::v1::NominationFederationService::NewStub(channel_);
}

void FederationNode::Stop() {
  if (host_) host_->Shutdown(500);
  if (node_) node_->StopFederation();
  host_.reset();
  node_.reset();
}

std::unique_ptr<grpc::ClientContext> FederationNode::Context(Role role, const std::string& agency) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization",
                       "Bearer " + *minter_.Mint(Caller{RoleName(role) + "@" + agency, role, agency}, 3600));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

void Link(FederationNode& parent, FederationNode& child) {
  federation::PeerNode up;
  up.agency = parent.agency();
  up.public_key_base64 = parent.key().PublicKeyBase64();
  child.config().parent = up;
  child.parent_node_ = &parent;
  federation::PeerNode down;
  down.agency = child.agency();
  down.public_key_base64 = child.key().PublicKeyBase64();
  parent.config().children.push_back(down);
}

}  // namespace tdkt::testing
