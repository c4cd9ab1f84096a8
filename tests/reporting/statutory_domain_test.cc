// The five statutory forms counted by hand from a small set of facts, and
// the roll-up of children's figures (keyed by unit: nothing counted twice).
#include <gtest/gtest.h>

#include "services/reporting/statutory/domain/statutory_forms.h"

namespace tdkt::reporting::statutory {
namespace {

// The value of `form` (0-based table), data line labelled `row`, column `column`.
double At(const Document& doc, size_t form, const std::string& row, const std::string& column) {
  const Table& t = doc.tables.at(form);
  size_t c = 0;
  while (c < t.columns.size() && t.columns[c] != column) ++c;
  EXPECT_LT(c, t.columns.size()) << column;
  for (const auto& r : t.rows) {
    if (r[0].text == row) {
      EXPECT_TRUE(r.at(c).numeric) << row;
      return r.at(c).number;
    }
  }
  ADD_FAILURE() << "no row " << row << " in " << t.title;
  return -1;
}

Facts Sample() {
  Facts f;
  // 2026 movements of unit 56 (province) and 22333 (ward).
  f.movements.push_back({"56", kLevelProvince, "dia-phuong", false, "2026-01-01", "2026-12-31"});   // 1-3 y, regular
  f.movements.push_back({"56", kLevelProvince, "nganh", true, "2026-03-01", "2026-06-30"});         // <1 y, thematic
  f.movements.push_back({"22333", kLevelCommune, "", true, "2022-01-01", "2026-12-31"});            // 3-5 y, scope empty = địa phương
  f.movements.push_back({"22333", kLevelCommune, "co-quan", false, "2020-01-01", "2030-12-31"});    // >5 y
  f.movements.push_back({"22333", kLevelCommune, "co-quan", false, "2024-01-01", "2025-12-31"});    // ended before 2026: not counted
  // Commendations.
  f.commendations.push_back({"56", "huan-chuong-lao-dong-hang-ba", true, 2026});
  f.commendations.push_back({"56", "huan-chuong-lao-dong-hang-nhi", false, 2026});
  f.commendations.push_back({"22333", "bang-khen-thu-tuong", false, 2026});
  f.commendations.push_back({"22333", "chien-si-thi-dua-toan-quoc", false, 2026});
  f.commendations.push_back({"22333", "anh-hung-lao-dong", false, 2026});
  f.commendations.push_back({"22333", "bang-khen-tinh", true, 2026});        // 0603
  f.commendations.push_back({"22333", "co-thi-dua-tinh", true, 2026});       // 0603
  f.commendations.push_back({"22333", "chien-si-thi-dua-cap-tinh", false, 2026});  // 0603
  f.commendations.push_back({"22333", "chien-si-thi-dua-co-so", false, 2026});     // neither form
  f.commendations.push_back({"22333", "giay-khen", false, 2026});                  // neither form
  f.commendations.push_back({"22333", "bang-khen-tinh", false, 2025});             // other year
  // Organisations and staff.
  f.organisations.push_back({"56", "Ban Thi đua - Khen thưởng tỉnh", kOrgBoard, 12, 0});
  f.organisations.push_back({"22333", "Phòng Văn hóa - Xã hội", kOrgOther, 0, 2});
  f.staff.push_back({"56", "cb-1", 1990, true, "thac-si", 2015, true});    // 36 y, 11 y seniority
  f.staff.push_back({"56", "cb-2", 1970, false, "dai-hoc", 2000, true});   // 56 y, 26 y
  f.staff.push_back({"56", "cb-2", 1970, false, "dai-hoc", 2000, true});   // same person again: once
  f.staff.push_back({"22333", "cb-3", 2000, true, "dai-hoc", 2024, false}); // 26 y, 2 y, kiêm nhiệm
  return f;
}

TEST(StatutoryDomainTest, DurationBands) {
  EXPECT_EQ(DurationBand("2026-03-01", "2026-06-30"), "duoi-1-nam");
  EXPECT_EQ(DurationBand("2026-01-01", "2026-12-31"), "1-3-nam");
  EXPECT_EQ(DurationBand("2024-01-01", "2026-12-31"), "3-5-nam");
  EXPECT_EQ(DurationBand("2021-01-01", "2025-12-31"), "3-5-nam");
  EXPECT_EQ(DurationBand("2020-01-01", "2030-12-31"), "tren-5-nam");
}

TEST(StatutoryDomainTest, TitleCodesFallInTheirForms) {
  EXPECT_EQ(StateLevelRow("huan-chuong-lao-dong-hang-ba"), "huan-chuong-lao-dong");
  EXPECT_EQ(StateLevelRow("huan-chuong-moi"), "huan-chuong-khac");
  EXPECT_EQ(StateLevelRow("nha-giao-uu-tu"), "danh-hieu-vinh-du");
  EXPECT_EQ(StateLevelRow("bang-khen-tinh"), "");
  EXPECT_EQ(MinistryProvinceRow("bang-khen-tinh"), "bang-khen");
  EXPECT_EQ(MinistryProvinceRow("bang-khen-thu-tuong"), "");
  EXPECT_EQ(MinistryProvinceRow("co-thi-dua-chinh-phu"), "");
  EXPECT_EQ(MinistryProvinceRow("chien-si-thi-dua-co-so"), "");
  EXPECT_EQ(MinistryProvinceRow("don-vi-quyet-thang"), "tap-the-lao-dong-xuat-sac");
}

TEST(StatutoryDomainTest, FiveFormsCountedByHand) {
  Document doc = Render(Compute(Sample(), 2026), "Tỉnh Khánh Hòa");
  ASSERT_EQ(doc.tables.size(), 5u);
  EXPECT_NE(doc.tables[0].title.find("0601.N"), std::string::npos);
  EXPECT_NE(doc.tables[4].title.find("0605.N"), std::string::npos);
  EXPECT_NE(doc.subtitle.find("15/12/2026"), std::string::npos);
  // 0601.N: 4 movements overlap 2026 (2 thematic, 2 regular).
  EXPECT_EQ(At(doc, 0, "Tổng số phong trào thi đua", "Tổng số"), 4);
  EXPECT_EQ(At(doc, 0, "Tổng số phong trào thi đua", "Chuyên đề"), 2);
  EXPECT_EQ(At(doc, 0, "Tổng số phong trào thi đua", "Thường xuyên, hằng năm"), 2);
  EXPECT_EQ(At(doc, 0, "Tỉnh, thành phố trực thuộc trung ương", "Tổng số"), 2);
  EXPECT_EQ(At(doc, 0, "Xã, phường, đặc khu", "Tổng số"), 2);
  EXPECT_EQ(At(doc, 0, "Trung ương", "Tổng số"), 0);
  EXPECT_EQ(At(doc, 0, "Địa phương", "Tổng số"), 2);
  EXPECT_EQ(At(doc, 0, "Ngành, lĩnh vực", "Chuyên đề"), 1);
  EXPECT_EQ(At(doc, 0, "Cơ quan, đơn vị", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 0, "Dưới 1 năm", "Chuyên đề"), 1);
  EXPECT_EQ(At(doc, 0, "Từ 1 năm đến dưới 3 năm", "Thường xuyên, hằng năm"), 1);
  EXPECT_EQ(At(doc, 0, "Từ 3 năm đến 5 năm", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 0, "Trên 5 năm", "Tổng số"), 1);
  // 0602.N: 5 State-level commendations in 2026.
  EXPECT_EQ(At(doc, 1, "Tổng số", "Tổng số"), 5);
  EXPECT_EQ(At(doc, 1, "Tổng số", "Tập thể"), 1);
  EXPECT_EQ(At(doc, 1, "Tổng số", "Cá nhân"), 4);
  EXPECT_EQ(At(doc, 1, "Huân chương Lao động", "Tổng số"), 2);
  EXPECT_EQ(At(doc, 1, "Bằng khen của Thủ tướng Chính phủ", "Cá nhân"), 1);
  EXPECT_EQ(At(doc, 1, "Danh hiệu Chiến sĩ thi đua toàn quốc", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 1, "Danh hiệu vinh dự Nhà nước", "Tổng số"), 1);
  // 0603.N: 3 (bằng khen, cờ thi đua, CSTĐ cấp tỉnh); grassroots and 2025 left out.
  EXPECT_EQ(At(doc, 2, "Tổng số", "Tổng số"), 3);
  EXPECT_EQ(At(doc, 2, "Tổng số", "Tập thể"), 2);
  EXPECT_EQ(At(doc, 2, "Bằng khen của bộ, ban, ngành, tỉnh", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 2, "Cờ thi đua của bộ, ban, ngành, tỉnh", "Tập thể"), 1);
  EXPECT_EQ(At(doc, 2, "Danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Cá nhân"), 1);
  // 0604.N: 2 organisations, 14 people (12 full time, 2 part time).
  EXPECT_EQ(At(doc, 3, "Tổng số", "Số tổ chức"), 2);
  EXPECT_EQ(At(doc, 3, "Tổng số", "Tổng số người"), 14);
  EXPECT_EQ(At(doc, 3, "Tổng số", "Chuyên trách"), 12);
  EXPECT_EQ(At(doc, 3, "Ban Thi đua - Khen thưởng", "Số tổ chức"), 1);
  EXPECT_EQ(At(doc, 3, "Hình thức khác", "Kiêm nhiệm"), 2);
  // 0605.N: 3 people (cb-2 once), 2 women, 2 full time.
  EXPECT_EQ(At(doc, 4, "Tổng số", "Tổng số"), 3);
  EXPECT_EQ(At(doc, 4, "Tổng số", "Trong đó: nữ"), 2);
  EXPECT_EQ(At(doc, 4, "Tổng số", "Chuyên trách"), 2);
  EXPECT_EQ(At(doc, 4, "Tổng số", "Kiêm nhiệm"), 1);
  EXPECT_EQ(At(doc, 4, "Dưới 30 tuổi", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 4, "Từ 30 đến 40 tuổi", "Trong đó: nữ"), 1);
  EXPECT_EQ(At(doc, 4, "Từ 51 đến 60 tuổi", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 4, "Đại học", "Tổng số"), 2);
  EXPECT_EQ(At(doc, 4, "Thạc sĩ", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 4, "Dưới 5 năm", "Kiêm nhiệm"), 1);
  EXPECT_EQ(At(doc, 4, "Từ 10 đến dưới 15 năm", "Tổng số"), 1);
  EXPECT_EQ(At(doc, 4, "Từ 15 năm trở lên", "Tổng số"), 1);
}

TEST(StatutoryDomainTest, MergeAddsChildrenAndCountsEachUnitOnce) {
  Facts a;  // Child node A: ward 22333.
  a.organisations.push_back({"22333", "Tổ TĐKT", kOrgSection, 1, 1});
  Facts b;  // Child node B: ward 22366, and 22333 again (e.g. reported twice after a move).
  b.organisations.push_back({"22366", "Tổ TĐKT", kOrgSection, 2, 0});
  b.organisations.push_back({"22333", "Tổ TĐKT", kOrgSection, 1, 1});
  Facts own;  // The parent's own unit.
  own.organisations.push_back({"56", "Ban Thi đua - Khen thưởng tỉnh", kOrgBoard, 10, 0});
  Figures parent = Compute(own, 2026);
  Merge(parent, Compute(a, 2026));
  Merge(parent, Compute(b, 2026));
  Merge(parent, Compute(a, 2026));  // A retried delivery adds nothing.
  EXPECT_EQ(parent.units.size(), 3u);
  Document doc = Render(parent, "Tỉnh Khánh Hòa");
  EXPECT_EQ(At(doc, 3, "Tổng số", "Số tổ chức"), 3);
  EXPECT_EQ(At(doc, 3, "Tổng số", "Tổng số người"), 14);  // 10 + (1 + 1) + 2
  EXPECT_EQ(At(doc, 3, "Bộ phận, tổ làm công tác thi đua - khen thưởng", "Số tổ chức"), 2);
}

TEST(StatutoryDomainTest, MergeRollupLetsAChildReplaceTheParentsViewOfItsSubtree) {
  Figures own;
  own.year = 2026;
  own.units["TW"]["0604/ban/orgs"] = 1;
  own.units["56"]["0601/total/total"] = 1;      // Seen through shared data.
  own.units["01"]["0601/total/total"] = 4;      // A child that has not reported.
  Figures child;
  child.year = 2026;
  child.units["56"]["0601/total/total"] = 1;
  child.units["56"]["0605/total/total"] = 2;
  child.units["22366"]["0605/total/total"] = 1;
  Figures old_year = child;
  old_year.year = 2025;
  old_year.units["99"]["0605/total/total"] = 7;
  auto covered = [](const std::string& unit) { return unit == "56" || unit == "22366"; };
  Figures merged = MergeRollup(own, {child, child, old_year}, covered);  // Delivered twice.
  EXPECT_EQ(merged.year, 2026);
  ASSERT_EQ(merged.units.size(), 4u);  // TW, 01, 56, 22366; not 99 (another year).
  EXPECT_EQ(merged.units["56"]["0605/total/total"], 2);   // The child's figures.
  EXPECT_EQ(merged.units["01"]["0601/total/total"], 4);   // The parent's own.
  EXPECT_EQ(merged.units["TW"]["0604/ban/orgs"], 1);
  const Document doc = Render(merged, "Trung ương");
  EXPECT_EQ(At(doc, 0, "Tổng số phong trào thi đua", "Tổng số"), 5);  // 56: 1, 01: 4.
  EXPECT_EQ(At(doc, 4, "Tổng số", "Tổng số"), 3);  // Staff: 2 + 1.
}

TEST(StatutoryDomainTest, EmptyFactsGiveZeroFormsThatStillExport) {
  Document doc = Render(Compute(Facts{}, 2026), "Phường Bắc Nha Trang");
  ASSERT_EQ(doc.tables.size(), 5u);
  EXPECT_EQ(At(doc, 0, "Tổng số phong trào thi đua", "Tổng số"), 0);
  EXPECT_TRUE(ToXlsx(doc).ok());
}

}  // namespace
}  // namespace tdkt::reporting::statutory
