#include "common/text.h"

#include <gtest/gtest.h>

namespace tdkt::text {

TEST(TextTest, NormalisesDecomposedVietnameseToNfc) {
  // "Nguyễn" typed with combining marks (NFD): e + circumflex + tilde.
  std::string decomposed = "Nguye\xCC\x82\xCC\x83n";
  auto out = NormalizeInput("name", decomposed);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "Nguyễn");
}

TEST(TextTest, TrimsSurroundingWhitespace) {
  EXPECT_EQ(*NormalizeInput("name", "  Huệ \n"), "Huệ");
}

TEST(TextTest, RejectsInvalidUtf8NamingTheField) {
  auto out = NormalizeInput("details.name", std::string("Nguy\xC3", 5));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(out.status().field(), "details.name");
}

TEST(TextTest, FoldRemovesDiacriticsAndCase) {
  EXPECT_EQ(Fold("Nguyễn Huệ"), "nguyen hue");
  EXPECT_EQ(Fold("Đặng Thị Đào"), "dang thi dao");
  EXPECT_EQ(Fold("Phường Bắc Nha Trang"), "phuong bac nha trang");
}

TEST(TextTest, SearchWithoutDiacriticsFindsAccentedText) {
  std::string haystack = Fold("Bà Nguyễn Thị Huệ, hộ nuôi tôm");
  EXPECT_TRUE(MatchesAllWords(haystack, "nguyen hue"));
  EXPECT_TRUE(MatchesAllWords(haystack, "Nguyễn HUỆ"));
  EXPECT_TRUE(MatchesAllWords(haystack, "tom hue"));
  EXPECT_FALSE(MatchesAllWords(haystack, "nguyen lan"));
  EXPECT_TRUE(MatchesAllWords(haystack, "nguy hu"));   // word prefixes
  EXPECT_FALSE(MatchesAllWords(haystack, "uyen"));     // not word middles
  EXPECT_FALSE(MatchesAllWords(Fold("cho thu nhập cao"), "thu ha"));
}

TEST(TextTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount("Huệ"), 3u);
  EXPECT_EQ(CodePointCount(""), 0u);
}

}  // namespace tdkt::text
