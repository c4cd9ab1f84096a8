#include "common/hex.h"

#include <gtest/gtest.h>

namespace tdkt {
namespace {

TEST(HexTest, EncodesEveryByteAsTwoLowerCaseDigits) {
  const unsigned char bytes[] = {0x00, 0x0f, 0xa0, 0xff, 0x5c};
  EXPECT_EQ(HexEncode(bytes, sizeof bytes), "000fa0ff5c");
  EXPECT_EQ(HexEncode(bytes, 0), "");
}

TEST(HexTest, RandomHexHasTheAskedLengthAndDiffers) {
  auto a = RandomHex(16);
  auto b = RandomHex(16);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->size(), 32u);
  EXPECT_EQ(a->find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(*a, *b);
}

}  // namespace
}  // namespace tdkt
