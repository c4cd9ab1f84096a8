#include "tests/support/test_env.h"

#include <cstdio>
#include <cstdlib>

namespace tdkt::testing {

int TestRedisPort() {
  const char* port = std::getenv("TDKT_TEST_REDIS_PORT");
  if (!port || !*port) {
    std::fprintf(stderr, "TDKT_TEST_REDIS_PORT is not set: run the tests with `make test`, which starts a throwaway Redis\n");
    std::abort();
  }
  return std::atoi(port);
}

RedisOptions TestRedisOptions() {
  RedisOptions options;
  options.port = TestRedisPort();
  options.pool_size = 8;
  options.timeout_ms = 5000;
  return options;
}

void FlushTestRedis() {
  RedisClient redis(TestRedisOptions(), nullptr);
  auto reply = redis.Command({"FLUSHALL"});
  if (!reply.ok()) {
    std::fprintf(stderr, "cannot flush test Redis: %s\n", reply.status().ToString().c_str());
    std::abort();
  }
}

std::string DemoAgenciesFile() { return std::string(TDKT_SOURCE_DIR) + "/deploy/data/agencies-demo.json"; }

NominationServer::NominationServer() {
  FlushTestRedis();
  nomination::NominationNodeOptions options;
  options.redis = TestRedisOptions();
  options.agencies_file = DemoAgenciesFile();
  options.jwt_secret = kTestSecret;
  node_ = std::make_unique<nomination::NominationNode>(options, &metrics_.registry());
  Status st = node_->Initialize();
  if (!st.ok()) {
    std::fprintf(stderr, "nomination node did not start: %s\n", st.ToString().c_str());
    std::abort();
  }
  ServerHostOptions host_options;
  host_options.service_name = "nomination-test";
  host_ = std::make_unique<ServerHost>(host_options, metrics_);
  node_->Register(*host_);
  st = host_->Start();
  if (!st.ok()) {
    std::fprintf(stderr, "server did not start: %s\n", st.ToString().c_str());
    std::abort();
  }
  channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
}

NominationServer::~NominationServer() { Stop(); }

void NominationServer::Stop() {
  if (host_) host_->Shutdown(1000);
}

std::string NominationServer::Token(Role role, const std::string& agency, const std::string& subject) const {
  return *minter_.Mint(Caller{subject, role, agency}, 3600);
}

std::unique_ptr<grpc::ClientContext> NominationServer::Context(Role role, const std::string& agency) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + Token(role, agency, RoleName(role) + "@" + agency));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

}  // namespace tdkt::testing
