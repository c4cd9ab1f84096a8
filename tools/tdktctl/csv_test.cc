// The CSV reader: RFC 4180 quoting, BOM, line ends, line numbers, errors.
#include "tools/tdktctl/csv.h"

#include <gtest/gtest.h>

namespace tdkt::ctl {
namespace {

std::vector<CsvRecord> Parse(const std::string& content) {
  auto records = ParseCsv(content);
  EXPECT_TRUE(records.ok()) << records.status().ToString();
  return records.ok() ? *records : std::vector<CsvRecord>();
}

TEST(Csv, PlainCellsAndLineNumbers) {
  auto r = Parse("a,b,c\n1,2,3\n4,5,6\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].cells, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r[2].cells, (std::vector<std::string>{"4", "5", "6"}));
  EXPECT_EQ(r[0].line, 1);
  EXPECT_EQ(r[1].line, 2);
  EXPECT_EQ(r[2].line, 3);
}

TEST(Csv, QuotedCommas) {
  auto r = Parse("name,achievements\n\"Trạm Y tế, phường Ba Đình\",\"a, b, c\"\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].cells, (std::vector<std::string>{"Trạm Y tế, phường Ba Đình", "a, b, c"}));
}

TEST(Csv, DoubledQuotes) {
  auto r = Parse("x\n\"Phong trào \"\"Bình dân học vụ số\"\"\"\n\"\"\n");
  ASSERT_EQ(r.size(), 2u);  // the lone "" row is blank and skipped
  EXPECT_EQ(r[1].cells[0], "Phong trào \"Bình dân học vụ số\"");
}

TEST(Csv, NewlineInsideQuotesKeepsLineNumbersRight) {
  auto r = Parse("a,b\r\n\"dòng 1\r\ndòng 2\ndòng 3\",x\r\nlast,y\r\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].cells[0], "dòng 1\ndòng 2\ndòng 3");
  EXPECT_EQ(r[1].line, 2);
  EXPECT_EQ(r[2].line, 5);  // the quoted cell spans lines 2-4
  EXPECT_EQ(r[2].cells, (std::vector<std::string>{"last", "y"}));
}

TEST(Csv, BomIsStripped) {
  auto r = Parse("\xEF\xBB\xBFname,kind\nNguyễn Văn An,cá nhân\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].cells[0], "name");
  EXPECT_EQ(r[1].cells, (std::vector<std::string>{"Nguyễn Văn An", "cá nhân"}));
}

TEST(Csv, BlankLinesAndCommaOnlyRowsAreSkippedButCounted) {
  auto r = Parse("a,b\n\n,\n1,2");  // no final line break either
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].line, 4);
  EXPECT_EQ(r[1].cells, (std::vector<std::string>{"1", "2"}));
}

TEST(Csv, EmptyCellsArePreserved) {
  auto r = Parse("a,b,c\n,,x\n\"\",y,\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].cells, (std::vector<std::string>{"", "", "x"}));
  EXPECT_EQ(r[2].cells, (std::vector<std::string>{"", "y", ""}));
}

TEST(Csv, UnclosedQuoteNamesItsLine) {
  auto r = ParseCsv("a\nok\n\"never closed\nmore\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString().rfind("line 3: ", 0), 0u) << r.status().ToString();
}

TEST(Csv, TextAfterClosingQuoteIsAnError) {
  auto r = ParseCsv("a,b\n1,\"x\"y\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString().rfind("line 2: ", 0), 0u) << r.status().ToString();
}

TEST(Csv, InvalidUtf8NamesItsLine) {
  auto r = ParseCsv("a\nfine\nLatin-1 \xE9t\xE9\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("line 3: "), std::string::npos) << r.status().ToString();
  EXPECT_NE(r.status().ToString().find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace tdkt::ctl
