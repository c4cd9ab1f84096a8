#include "services/evaluation/domain/ballot_code.h"

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

bool IsLowerHex(const std::string& s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

TEST(BallotCodeTest, SecretIs64HexAndCodeIs32Hex) {
  Result<BallotSecret> s = NewBallotSecret();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->secret.size(), 64u);
  EXPECT_TRUE(IsLowerHex(s->secret));
  EXPECT_EQ(s->code.size(), 32u);
  EXPECT_TRUE(IsLowerHex(s->code));
  EXPECT_EQ(s->code, BallotCodeOf(s->secret));
}

TEST(BallotCodeTest, EveryCallGivesANewSecretAndCode) {
  Result<BallotSecret> a = NewBallotSecret();
  Result<BallotSecret> b = NewBallotSecret();
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_NE(a->secret, b->secret);
  EXPECT_NE(a->code, b->code);
}

TEST(BallotCodeTest, CodeIsTheFirst16BytesOfSha256) {
  // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a396177a9cb410ff61f20015ad
  EXPECT_EQ(BallotCodeOf("abc"), "ba7816bf8f01cfea414140de5dae2223");
  EXPECT_EQ(BallotCodeOf("abc"), BallotCodeOf("abc"));
  EXPECT_NE(BallotCodeOf("abc"), BallotCodeOf("abd"));
}

}  // namespace
}  // namespace tdkt::evaluation
