#include "common/auth.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace tdkt {

TEST(AuthTest, MintedTokenVerifies) {
  TokenVerifier v("0123456789abcdef0123456789abcdef");
  auto token = v.Mint(Caller{"lan", Role::kCouncilSecretary, "56"}, 60);
  ASSERT_TRUE(token.ok());
  auto caller = v.Verify(*token);
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  EXPECT_EQ(caller->subject, "lan");
  EXPECT_EQ(caller->role, Role::kCouncilSecretary);
  EXPECT_EQ(caller->agency, "56");
}

TEST(AuthTest, RejectsOtherKeyTamperingAndExpiry) {
  TokenVerifier v("0123456789abcdef0123456789abcdef");
  TokenVerifier other("ffffffffffffffffffffffffffffffff");
  std::string token = *other.Mint(Caller{"x", Role::kAdmin, "TW"}, 60);
  EXPECT_EQ(v.Verify(token).status().code(), Code::kUnauthenticated);
  std::string good = *v.Mint(Caller{"x", Role::kOfficer, "56"}, 60);
  std::string tampered = good;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(v.Verify(tampered).status().code(), Code::kUnauthenticated);
  std::string expired = *v.Mint(Caller{"x", Role::kOfficer, "56"}, -10);
  EXPECT_EQ(v.Verify(expired).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(v.Verify("garbage").status().code(), Code::kUnauthenticated);
}

TEST(AuthTest, ProcessesStartingTogetherShareOneNewKey) {
  // Services of a node (or containers, all pid 1) create the key file at once:
  // every one must end up with the same key, readable only by its owner.
  std::string dir = ::testing::TempDir() + "tdkt-auth-" + std::to_string(::getpid());
  std::string path = dir + "/jwt-secret";
  std::remove(path.c_str());
  std::vector<std::string> keys(8);
  std::vector<std::thread> starters;
  for (size_t i = 0; i < keys.size(); ++i) {
    starters.emplace_back([&, i] {
      auto key = LoadOrCreateSecret(path);
      keys[i] = key.ok() ? *key : "error: " + key.status().ToString();
    });
  }
  for (auto& t : starters) t.join();
  for (const auto& key : keys) EXPECT_EQ(key, keys[0]);
  EXPECT_EQ(keys[0].size(), 64u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::remove(path.c_str());
  ::rmdir(dir.c_str());
}

TEST(AuthTest, RoleNamesRoundTrip) {
  EXPECT_EQ(AllRoles().size(), 9u);
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("chairman").has_value());
}

}  // namespace tdkt
