#include "tests/support/access_checks.h"

#include <chrono>

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include "tests/support/test_env.h"

namespace tdkt::testing {

const std::set<Role>& EveryRole() {
  static const std::set<Role> roles(AllRoles().begin(), AllRoles().end());
  return roles;
}

std::unique_ptr<grpc::ClientContext> WithAuthorization(const std::string& header) {
  auto c = std::make_unique<grpc::ClientContext>();
  if (!header.empty()) c->AddMetadata("authorization", header);
  c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return c;
}

std::vector<std::string> BadAuthorizationHeaders() {
  TokenVerifier stranger("another-node-secret-0123456789abcdef0123");
  std::string foreign = *stranger.Mint(Caller{"x", Role::kAdmin, "TW"}, 3600);
  TokenVerifier ours(kTestSecret);
  std::string expired = *ours.Mint(Caller{"x", Role::kAdmin, "TW"}, -60);
  return {std::string(), "Bearer", "Bearer not.a.jwt", "Basic " + foreign, "Bearer " + foreign, "Bearer " + expired};
}

void ExpectEveryMethodListed(const std::set<std::string>& listed, std::initializer_list<const char*> services) {
  size_t total = 0;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name : services) {
    const auto* service = pool->FindServiceByName(name);
    ASSERT_NE(service, nullptr) << name;
    for (int i = 0; i < service->method_count(); ++i) {
      ++total;
      EXPECT_TRUE(listed.count(service->method(i)->name())) << service->method(i)->name() << " is missing";
    }
  }
  EXPECT_EQ(listed.size(), total);
}

}  // namespace tdkt::testing
