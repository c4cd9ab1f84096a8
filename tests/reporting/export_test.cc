// The three export forms: CSV quoting and encoding, XLSX as a real zip
// package whose strings hold the Vietnamese text, HTML escaping.
#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "common/text.h"
#include "services/reporting/export/table.h"

namespace tdkt::reporting {
namespace {

Document Sample() {
  Document d;
  d.title = "Báo cáo năm 2026 — Tỉnh Khánh Hòa";
  d.subtitle = "Sở Nội vụ lập ngày 15/12/2026";
  Table t;
  t.title = "Biểu 0601.N: Phong trào thi đua";
  t.columns = {"Đơn vị", "Ghi chú", "Số lượng"};
  t.rows.push_back({Cell::Text("Phường Bắc Nha Trang"), Cell::Text("a, b"), Cell::Number(12)});
  t.rows.push_back({Cell::Text("Xã \"Cam Lâm\""), Cell::Text("dòng 1\ndòng 2"), Cell::Number(2.5)});
  t.note = "Nguồn: Thông tư 02/2023/TT-BNV";
  d.tables.push_back(t);
  Table t2 = t;
  t2.title = "Biểu 0602.N: Khen thưởng cấp Nhà nước <script>alert(1)</script> [dài quá mức]";
  d.tables.push_back(t2);
  Table t3 = t;  // Same first 31 characters as t2 once cut: must still be unique.
  t3.title = t2.title;
  d.tables.push_back(t3);
  return d;
}

std::string Unzip(const std::string& bytes, const std::string& member) {
  std::string path = ::testing::TempDir() + "/export_test.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string cmd = "unzip -p '" + path + "' '" + member + "' 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  if (pipe == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  std::remove(path.c_str());
  return out;
}

TEST(ExportTest, NumberCellsShowIntegersWithoutDecimals) {
  EXPECT_EQ(Cell::Number(12).text, "12");
  EXPECT_EQ(Cell::Number(-3).text, "-3");
  EXPECT_EQ(Cell::Number(2.5).text, "2.50");
  EXPECT_TRUE(Cell::Number(1).numeric);
  EXPECT_FALSE(Cell::Text("1").numeric);
}

TEST(ExportTest, CsvHasBomCrlfAndRfc4180Quoting) {
  std::string csv = ToCsv(Sample());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("Biểu 0601.N: Phong trào thi đua\r\n"), std::string::npos);
  EXPECT_NE(csv.find("Đơn vị,Ghi chú,Số lượng\r\n"), std::string::npos);
  EXPECT_NE(csv.find("Phường Bắc Nha Trang,\"a, b\",12\r\n"), std::string::npos);
  EXPECT_NE(csv.find("\"Xã \"\"Cam Lâm\"\"\",\"dòng 1\ndòng 2\",2.50\r\n"), std::string::npos);
  // No bare LF outside quoted fields: every line ends in CRLF.
  std::string without_quoted = csv;
  for (size_t pos; (pos = without_quoted.find("dòng 1\ndòng 2")) != std::string::npos;) {
    without_quoted.erase(pos, std::string("dòng 1\ndòng 2").size());
  }
  for (size_t i = 0; i < without_quoted.size(); ++i) {
    if (without_quoted[i] == '\n') {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(without_quoted[i - 1], '\r') << "at " << i;
    }
  }
  // Each table ends with a blank line.
  EXPECT_NE(csv.find("Nguồn: Thông tư 02/2023/TT-BNV\r\n\r\n"), std::string::npos);
}

TEST(ExportTest, XlsxIsAZipWithVietnameseStringsAndNumbers) {
  auto xlsx = ToXlsx(Sample());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  ASSERT_GT(xlsx->size(), 4u);
  EXPECT_EQ(xlsx->substr(0, 4), std::string("PK\x03\x04", 4));
  std::string strings = Unzip(*xlsx, "xl/sharedStrings.xml");
  ASSERT_FALSE(strings.empty()) << "unzip could not read xl/sharedStrings.xml";
  EXPECT_NE(strings.find("Phường Bắc Nha Trang"), std::string::npos);
  EXPECT_NE(strings.find("Xã \"Cam Lâm\""), std::string::npos) << strings;
  // Numbers are numbers: the first sheet's cell C3 holds a value, not a string.
  std::string sheet1 = Unzip(*xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet1.find("<c r=\"C3\" s=\"3\"><v>12</v></c>"), std::string::npos) << sheet1;
  // Three sheets, names at most 31 characters, unique, no forbidden chars.
  std::string workbook = Unzip(*xlsx, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Biểu 0601.N  Phong trào thi đua\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Biểu 0602.N  Khen thưởng cấp Nh\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Biểu 0602.N  Khen thưởng cấ (2)\""), std::string::npos) << workbook;
}

TEST(ExportTest, XlsxOfAnEmptyDocumentStillOpens) {
  Document d;
  d.title = "Trống";
  auto xlsx = ToXlsx(d);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_FALSE(Unzip(*xlsx, "xl/workbook.xml").empty());
}

TEST(ExportTest, HtmlEscapesTextAndKeepsVietnameseNfc) {
  std::string html = ToHtml(Sample());
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Xã &quot;Cam Lâm&quot;"), std::string::npos);
  EXPECT_NE(html.find("Phường Bắc Nha Trang"), std::string::npos);
  EXPECT_NE(html.find("page-break-before: always"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">12</td>"), std::string::npos);
  auto nfc = text::NormalizeInput("html", html);
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(*nfc + "\n", html);  // Already NFC (NormalizeInput trims the final newline).
}

}  // namespace
}  // namespace tdkt::reporting
