#include "common/auth.h"

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

TEST(AuthTest, RoleNamesRoundTrip) {
  EXPECT_EQ(AllRoles().size(), 9u);
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("chairman").has_value());
}

}  // namespace tdkt
