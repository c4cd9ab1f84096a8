// Mapping spreadsheet rows to candidates, and server row errors to lines.
#include "tools/tdktctl/csv_import.h"

#include <gtest/gtest.h>

namespace tdkt::ctl {
namespace {

const char kHeader[] = "name,kind,agency_id,fields,movement_id,achievements,discovered_by,discovered_at,initiatives,evidence\n";

TEST(CsvImport, MapsEveryColumn) {
  CandidateSheet s = ReadCandidateSheet(std::string(kHeader) +
                                        "\"Nguyễn Thị Thu Hà\",cá nhân,00004,\"social_security; social_life\",mov-01-1,"
                                        "\"Vận động 12 hộ, sửa nhà\",UBND phường,2024-03-15,\"Sáng kiến A;Sáng kiến B\",Quyết định 12\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0];
  ASSERT_EQ(s.rows.size(), 1u);
  const auto& d = s.rows[0];
  EXPECT_EQ(d.name(), "Nguyễn Thị Thu Hà");
  EXPECT_EQ(d.kind(), v1::INDIVIDUAL);
  EXPECT_EQ(d.agency_id(), "00004");
  ASSERT_EQ(d.fields_size(), 2);
  EXPECT_EQ(d.fields(0), "social_security");
  EXPECT_EQ(d.fields(1), "social_life");
  EXPECT_EQ(d.movement_id(), "mov-01-1");
  EXPECT_EQ(d.achievements(), "Vận động 12 hộ, sửa nhà");
  EXPECT_EQ(d.discovered_by(), "UBND phường");
  // 2024-03-15 00:00 in Vietnam is 2024-03-14 17:00 UTC.
  EXPECT_EQ(d.discovered_at().seconds(), 1710435600);
  ASSERT_EQ(d.initiatives_size(), 2);
  EXPECT_EQ(d.initiatives(1).title(), "Sáng kiến B");
  ASSERT_EQ(d.evidence_size(), 1);
  EXPECT_EQ(d.evidence(0).title(), "Quyết định 12");
  EXPECT_EQ(s.lines, std::vector<int>{2});
}

TEST(CsvImport, VietnameseHeadersAndKinds) {
  CandidateSheet s = ReadCandidateSheet(
      "\xEF\xBB\xBFHọ và tên,Loại,Mã đơn vị,Lĩnh vực,Ngày phát hiện\n"
      "Tổ công nghệ số cộng đồng,Tập thể,22489,information_communications,15/03/2024\n"
      "Hộ ông Cao Văn Sáu,HỘ GIA ĐÌNH,22714,agriculture,\n"
      "Trần Quốc Bảo,ca nhan,22366,education,\n"
      "Trạm Y tế,collective,22736,health,\n");
  ASSERT_TRUE(s.errors.empty()) << s.errors[0];
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_EQ(s.rows[0].kind(), v1::COLLECTIVE);
  EXPECT_EQ(s.rows[0].discovered_at().seconds(), 1710435600);
  EXPECT_EQ(s.rows[1].kind(), v1::HOUSEHOLD);
  EXPECT_FALSE(s.rows[1].has_discovered_at());  // empty: the server uses "now"
  EXPECT_EQ(s.rows[2].kind(), v1::INDIVIDUAL);
  EXPECT_EQ(s.rows[3].kind(), v1::COLLECTIVE);
  EXPECT_EQ(s.rows[0].name(), "Tổ công nghệ số cộng đồng");
}

TEST(CsvImport, ReportsEveryBadRowWithItsLine) {
  CandidateSheet s = ReadCandidateSheet(
      "name,kind,agency_id,fields,discovered_at\n"
      "A,cá nhân,01,health,\n"
      "B,công ty,01,health,\n"            // line 3: bad kind
      "\"C\nwith a line break\",tập thể,01,health,2024-02-30\n"  // lines 4-5: bad date
      "D,household,01\n"                   // line 6: too few cells
      "E,individual,01,health,2024-01-01\n");
  ASSERT_EQ(s.errors.size(), 3u);
  EXPECT_EQ(s.errors[0].rfind("line 3: kind: 'công ty' is not a kind", 0), 0u) << s.errors[0];
  EXPECT_EQ(s.errors[1].rfind("line 4: discovered_at: ", 0), 0u) << s.errors[1];
  EXPECT_EQ(s.errors[2].rfind("line 6: has 3 cells but the header has 5", 0), 0u) << s.errors[2];
  EXPECT_EQ(s.lines, (std::vector<int>{2, 3, 4, 6, 7}));
}

TEST(CsvImport, MissingRequiredColumn) {
  CandidateSheet s = ReadCandidateSheet("name,kind,fields\nA,individual,health\n");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0], "line 1: the required column 'agency_id' is missing");
}

TEST(CsvImport, UnknownAndDuplicateColumns) {
  CandidateSheet s = ReadCandidateSheet("name,kind,agency_id,fields,colour,Họ tên\nA,individual,01,health,red,B\n");
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].rfind("line 1: unknown column 'colour'", 0), 0u) << s.errors[0];
  EXPECT_EQ(s.errors[1], "line 1: column 'name' appears twice");
}

TEST(CsvImport, SemicolonSeparatedSheetGetsAHint) {
  CandidateSheet s = ReadCandidateSheet("name;kind;agency_id;fields\nA;individual;01;health\n");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].find("separated by ';'"), std::string::npos);
}

TEST(CsvImport, CsvSyntaxErrorIsReportedAsALine) {
  CandidateSheet s = ReadCandidateSheet("name,kind,agency_id,fields\nA,individual,01,\"health\n");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].rfind("line 2: ", 0), 0u) << s.errors[0];
}

TEST(CsvImport, TranslatesServerRowsToLines) {
  const std::vector<int> lines = {2, 3, 6, 7};
  auto out = TranslateRowErrors(
      "rows: 2 of 4 rows are wrong, nothing was recorded: row 1: details.name: must not be empty; "
      "row 3: details.agency_id: agency '01' was merged into '02'; record it there",
      lines);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "line 2: details.name: must not be empty");
  EXPECT_EQ(out[1], "line 6: details.agency_id: agency '01' was merged into '02'; record it there");
}

TEST(CsvImport, TranslationKeepsTheMoreRowsTail) {
  auto out = TranslateRowErrors("rows: 60 of 60 rows are wrong, nothing was recorded: row 2: x: bad; "
                                "and 10 more bad rows",
                                {5, 9});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "line 9: x: bad");
  EXPECT_EQ(out[1], "and 10 more bad rows");
}

TEST(CsvImport, TranslationOfMessagesWithoutRows) {
  EXPECT_TRUE(TranslateRowErrors("rows: send between 1 and 1000 candidates per batch", {2}).empty());
  auto out = TranslateRowErrors("rows: row 9: x: bad", {2});  // out of range: kept as a row
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], "row 9: x: bad");
}

}  // namespace
}  // namespace tdkt::ctl
