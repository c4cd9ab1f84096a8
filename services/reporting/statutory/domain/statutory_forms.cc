#include "services/reporting/statutory/domain/statutory_forms.h"

#include <cstdlib>
#include <set>
#include <utility>

namespace tdkt::reporting::statutory {
namespace {

// One line of a form: `code` names it in the counts; a line without a code
// is a heading ("Chia theo ...").
struct RowDef {
  const char* code;
  const char* label;
};
struct ColumnDef {
  const char* code;
  const char* label;
};
struct FormDef {
  const char* form;   // "0601".
  const char* title;
  std::vector<ColumnDef> columns;
  std::vector<RowDef> rows;
};

const std::vector<FormDef>& Forms() {
  static const std::vector<FormDef> forms = {
      {"0601",
       "Biểu 0601.N/BNV-TĐKT: Số phong trào thi đua được phát động",
       {{"total", "Tổng số"}, {"thematic", "Chuyên đề"}, {"regular", "Thường xuyên, hằng năm"}},
       {{"total", "Tổng số phong trào thi đua"},
        {nullptr, "Chia theo cấp phát động"},
        {"level-trung-uong", "Trung ương"},
        {"level-bo-nganh", "Bộ, ban, ngành, đoàn thể trung ương"},
        {"level-tinh", "Tỉnh, thành phố trực thuộc trung ương"},
        {"level-xa", "Xã, phường, đặc khu"},
        {"level-khac", "Cơ quan, đơn vị khác"},
        {nullptr, "Chia theo phạm vi"},
        {"scope-toan-quoc", "Toàn quốc"},
        {"scope-nganh", "Ngành, lĩnh vực"},
        {"scope-dia-phuong", "Địa phương"},
        {"scope-co-quan", "Cơ quan, đơn vị"},
        {nullptr, "Chia theo thời gian thực hiện"},
        {"dur-duoi-1-nam", "Dưới 1 năm"},
        {"dur-1-3-nam", "Từ 1 năm đến dưới 3 năm"},
        {"dur-3-5-nam", "Từ 3 năm đến 5 năm"},
        {"dur-tren-5-nam", "Trên 5 năm"}}},
      {"0602",
       "Biểu 0602.N/BNV-TĐKT: Số khen thưởng cấp Nhà nước",
       {{"total", "Tổng số"}, {"collective", "Tập thể"}, {"individual", "Cá nhân"}},
       {{"total", "Tổng số"},
        {nullptr, "Huân chương"},
        {"huan-chuong-sao-vang", "Huân chương Sao vàng"},
        {"huan-chuong-ho-chi-minh", "Huân chương Hồ Chí Minh"},
        {"huan-chuong-doc-lap", "Huân chương Độc lập"},
        {"huan-chuong-quan-cong", "Huân chương Quân công"},
        {"huan-chuong-lao-dong", "Huân chương Lao động"},
        {"huan-chuong-bao-ve-to-quoc", "Huân chương Bảo vệ Tổ quốc"},
        {"huan-chuong-chien-cong", "Huân chương Chiến công"},
        {"huan-chuong-dai-doan-ket-dan-toc", "Huân chương Đại đoàn kết dân tộc"},
        {"huan-chuong-dung-cam", "Huân chương Dũng cảm"},
        {"huan-chuong-huu-nghi", "Huân chương Hữu nghị"},
        {"huan-chuong-khac", "Huân chương khác"},
        {nullptr, "Huy chương, danh hiệu, giải thưởng"},
        {"huy-chuong", "Huy chương"},
        {"danh-hieu-vinh-du", "Danh hiệu vinh dự Nhà nước"},
        {"giai-thuong", "Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước"},
        {"chien-si-thi-dua-toan-quoc", "Danh hiệu Chiến sĩ thi đua toàn quốc"},
        {"co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ"},
        {"bang-khen-thu-tuong", "Bằng khen của Thủ tướng Chính phủ"}}},
      {"0603",
       "Biểu 0603.N/BNV-TĐKT: Số khen thưởng cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh",
       {{"total", "Tổng số"}, {"collective", "Tập thể"}, {"individual", "Cá nhân"}},
       {{"total", "Tổng số"},
        {"co-thi-dua", "Cờ thi đua của bộ, ban, ngành, tỉnh"},
        {"chien-si-thi-dua", "Danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"},
        {"tap-the-lao-dong-xuat-sac", "Danh hiệu Tập thể lao động xuất sắc, Đơn vị quyết thắng"},
        {"bang-khen", "Bằng khen của bộ, ban, ngành, tỉnh"}}},
      {"0604",
       "Biểu 0604.N/BNV-TĐKT: Số tổ chức làm công tác thi đua, khen thưởng",
       {{"orgs", "Số tổ chức"}, {"staff", "Tổng số người"}, {"full", "Chuyên trách"}, {"part", "Kiêm nhiệm"}},
       {{"total", "Tổng số"},
        {"ban", "Ban Thi đua - Khen thưởng"},
        {"vu-phong", "Vụ, phòng, ban thi đua - khen thưởng thuộc cơ quan"},
        {"bo-phan", "Bộ phận, tổ làm công tác thi đua - khen thưởng"},
        {"khac", "Hình thức khác"}}},
      {"0605",
       "Biểu 0605.N/BNV-TĐKT: Số người làm công tác thi đua, khen thưởng",
       {{"total", "Tổng số"}, {"women", "Trong đó: nữ"}, {"full", "Chuyên trách"}, {"part", "Kiêm nhiệm"}},
       {{"total", "Tổng số"},
        {nullptr, "Chia theo độ tuổi"},
        {"age-duoi-30", "Dưới 30 tuổi"},
        {"age-30-40", "Từ 30 đến 40 tuổi"},
        {"age-41-50", "Từ 41 đến 50 tuổi"},
        {"age-51-60", "Từ 51 đến 60 tuổi"},
        {"age-tren-60", "Trên 60 tuổi"},
        {nullptr, "Chia theo trình độ đào tạo"},
        {"tien-si", "Tiến sĩ"},
        {"thac-si", "Thạc sĩ"},
        {"dai-hoc", "Đại học"},
        {"cao-dang", "Cao đẳng"},
        {"trung-cap", "Trung cấp"},
        {"khac", "Khác"},
        {nullptr, "Chia theo thâm niên làm công tác thi đua, khen thưởng"},
        {"sen-duoi-5", "Dưới 5 năm"},
        {"sen-5-10", "Từ 5 đến dưới 10 năm"},
        {"sen-10-15", "Từ 10 đến dưới 15 năm"},
        {"sen-tu-15", "Từ 15 năm trở lên"}}},
  };
  return forms;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// "code" or "code-..." (a class, rank or year suffix such as "-hang-nhat").
bool IsOrExtends(const std::string& code, const std::string& base) {
  return code == base || StartsWith(code, base + "-");
}

int Year(const std::string& date) { return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0; }

// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian).
int64_t DayNumber(const std::string& date) {
  if (date.size() < 10) return 0;
  int y = std::atoi(date.substr(0, 4).c_str());
  unsigned m = static_cast<unsigned>(std::atoi(date.substr(5, 2).c_str()));
  unsigned d = static_cast<unsigned>(std::atoi(date.substr(8, 2).c_str()));
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

void Add(UnitCounts& counts, const char* form, const std::string& row, const std::string& column, int64_t n = 1) {
  if (n == 0) return;
  counts[std::string(form) + "/" + row + "/" + column] += n;
}

std::string AgeBand(int age) {
  if (age < 30) return "age-duoi-30";
  if (age <= 40) return "age-30-40";
  if (age <= 50) return "age-41-50";
  if (age <= 60) return "age-51-60";
  return "age-tren-60";
}

std::string SeniorityBand(int years) {
  if (years < 5) return "sen-duoi-5";
  if (years < 10) return "sen-5-10";
  if (years < 15) return "sen-10-15";
  return "sen-tu-15";
}

}  // namespace

bool IsOrganisationKind(const std::string& kind) {
  return kind == kOrgBoard || kind == kOrgDepartment || kind == kOrgSection || kind == kOrgOther;
}

bool IsTrainingLevel(const std::string& level) {
  static const std::set<std::string> levels = {"tien-si", "thac-si", "dai-hoc", "cao-dang", "trung-cap", "khac"};
  return levels.count(level) > 0;
}

std::string DurationBand(const std::string& period_start, const std::string& period_end) {
  // Inclusive length in days; a year is counted as 365 days, so a movement
  // from 1 January to 31 December is "from 1 to under 3 years".
  const int64_t days = DayNumber(period_end) - DayNumber(period_start) + 1;
  if (days < 365) return "duoi-1-nam";
  if (days < 3 * 365) return "1-3-nam";
  if (days <= 5 * 365 + 1) return "3-5-nam";
  return "tren-5-nam";
}

std::string StateLevelRow(const std::string& code) {
  static const char* const kOrders[] = {"huan-chuong-sao-vang",         "huan-chuong-ho-chi-minh",
                                        "huan-chuong-doc-lap",          "huan-chuong-quan-cong",
                                        "huan-chuong-lao-dong",         "huan-chuong-bao-ve-to-quoc",
                                        "huan-chuong-chien-cong",       "huan-chuong-dai-doan-ket-dan-toc",
                                        "huan-chuong-dung-cam",         "huan-chuong-huu-nghi"};
  for (const char* order : kOrders) {
    if (IsOrExtends(code, order)) return order;
  }
  if (IsOrExtends(code, "huan-chuong")) return "huan-chuong-khac";
  if (IsOrExtends(code, "huy-chuong")) return "huy-chuong";
  static const char* const kHonours[] = {"anh-hung",          "ba-me-viet-nam-anh-hung", "nha-giao-nhan-dan",
                                         "nha-giao-uu-tu",    "thay-thuoc-nhan-dan",     "thay-thuoc-uu-tu",
                                         "nghe-si-nhan-dan",  "nghe-si-uu-tu",           "nghe-nhan-nhan-dan",
                                         "nghe-nhan-uu-tu"};
  for (const char* honour : kHonours) {
    if (IsOrExtends(code, honour)) return "danh-hieu-vinh-du";
  }
  if (IsOrExtends(code, "giai-thuong-ho-chi-minh") || IsOrExtends(code, "giai-thuong-nha-nuoc")) return "giai-thuong";
  if (IsOrExtends(code, "chien-si-thi-dua-toan-quoc")) return "chien-si-thi-dua-toan-quoc";
  if (IsOrExtends(code, "co-thi-dua-chinh-phu")) return "co-thi-dua-chinh-phu";
  if (IsOrExtends(code, "bang-khen-thu-tuong")) return "bang-khen-thu-tuong";
  return "";
}

std::string MinistryProvinceRow(const std::string& code) {
  if (!StateLevelRow(code).empty()) return "";
  if (IsOrExtends(code, "co-thi-dua")) return "co-thi-dua";
  // "chien-si-thi-dua-co-so" is a grassroots title: on neither form.
  if (IsOrExtends(code, "chien-si-thi-dua") && !IsOrExtends(code, "chien-si-thi-dua-co-so")) return "chien-si-thi-dua";
  if (IsOrExtends(code, "tap-the-lao-dong-xuat-sac") || IsOrExtends(code, "don-vi-quyet-thang")) {
    return "tap-the-lao-dong-xuat-sac";
  }
  if (IsOrExtends(code, "bang-khen")) return "bang-khen";
  return "";
}

Figures Compute(const Facts& facts, int year) {
  Figures figures;
  figures.year = year;
  for (const MovementFact& m : facts.movements) {
    if (Year(m.period_start) > year || Year(m.period_end) < year) continue;
    UnitCounts& c = figures.units[m.agency];
    const std::string column = m.thematic ? "thematic" : "regular";
    const std::string level = m.launching_level.empty() ? kLevelOther : m.launching_level;
    const std::string scope = m.scope.empty() ? "dia-phuong" : m.scope;
    for (const std::string& row : {std::string("total"), "level-" + level, "scope-" + scope,
                                   "dur-" + DurationBand(m.period_start, m.period_end)}) {
      Add(c, "0601", row, "total");
      Add(c, "0601", row, column);
    }
  }
  for (const CommendationFact& k : facts.commendations) {
    if (k.year != year) continue;
    const std::string column = k.collective ? "collective" : "individual";
    const char* form = "0602";
    std::string row = StateLevelRow(k.title_code);
    if (row.empty()) {
      form = "0603";
      row = MinistryProvinceRow(k.title_code);
    }
    if (row.empty()) continue;
    UnitCounts& c = figures.units[k.agency];
    for (const std::string& r : {std::string("total"), row}) {
      Add(c, form, r, "total");
      Add(c, form, r, column);
    }
  }
  for (const OrganisationFact& o : facts.organisations) {
    UnitCounts& c = figures.units[o.agency];
    const std::string kind = IsOrganisationKind(o.kind) ? o.kind : kOrgOther;
    for (const std::string& r : {std::string("total"), kind}) {
      Add(c, "0604", r, "orgs");
      Add(c, "0604", r, "staff", o.full_time + o.part_time);
      Add(c, "0604", r, "full", o.full_time);
      Add(c, "0604", r, "part", o.part_time);
    }
  }
  std::set<std::pair<std::string, std::string>> seen;  // (unit, person): one person once per unit.
  for (const StaffFact& s : facts.staff) {
    if (!seen.insert({s.agency, s.person_code}).second) continue;
    UnitCounts& c = figures.units[s.agency];
    const std::string level = IsTrainingLevel(s.training_level) ? s.training_level : "khac";
    const int seniority = s.seniority_start_year > 0 ? year - s.seniority_start_year : 0;
    for (const std::string& r : {std::string("total"), AgeBand(year - s.birth_year), level,
                                 SeniorityBand(seniority < 0 ? 0 : seniority)}) {
      Add(c, "0605", r, "total");
      if (s.woman) Add(c, "0605", r, "women");
      Add(c, "0605", r, s.full_time ? "full" : "part");
    }
  }
  return figures;
}

void Merge(Figures& into, const Figures& child) {
  for (const auto& [unit, counts] : child.units) into.units.emplace(unit, counts);
}

Figures MergeRollup(const Figures& own, const std::vector<Figures>& children,
                    const std::function<bool(const std::string& unit)>& covered) {
  Figures out;
  out.year = own.year;
  for (const Figures& child : children) {
    if (child.year == own.year) Merge(out, child);
  }
  for (const auto& [unit, counts] : own.units) {
    if (!covered || !covered(unit)) out.units.emplace(unit, counts);
  }
  return out;
}

Document Render(const Figures& figures, const std::string& agency_name) {
  UnitCounts sum;
  for (const auto& [unit, counts] : figures.units) {
    for (const auto& [key, n] : counts) sum[key] += n;
  }
  const std::string year = std::to_string(figures.year);
  Document doc;
  doc.title = "Báo cáo thống kê công tác thi đua, khen thưởng năm " + year + " — " + agency_name;
  doc.subtitle = "Chế độ báo cáo thống kê ngành Nội vụ (Thông tư 02/2023/TT-BNV); kỳ báo cáo: năm " + year +
                 "; hạn gửi: ngày 15/12/" + year + "; số đơn vị tổng hợp: " + std::to_string(figures.units.size());
  for (const FormDef& form : Forms()) {
    Table table;
    table.title = form.title;
    table.columns = {"Chỉ tiêu", "Mã số"};
    for (const ColumnDef& column : form.columns) table.columns.push_back(column.label);
    int number = 0;
    for (const RowDef& row : form.rows) {
      std::vector<Cell> cells;
      if (row.code == nullptr) {
        cells.push_back(Cell::Text(row.label));
        cells.push_back(Cell::Text(""));
        for (size_t i = 0; i < form.columns.size(); ++i) cells.push_back(Cell::Text(""));
      } else {
        ++number;
        cells.push_back(Cell::Text(row.label));
        cells.push_back(Cell::Text(number < 10 ? "0" + std::to_string(number) : std::to_string(number)));
        for (const ColumnDef& column : form.columns) {
          auto it = sum.find(std::string(form.form) + "/" + row.code + "/" + column.code);
          cells.push_back(Cell::Number(static_cast<double>(it == sum.end() ? 0 : it->second)));
        }
      }
      table.rows.push_back(std::move(cells));
    }
    table.note = "Kỳ báo cáo: năm " + year + ". Số liệu tổng hợp từ " + std::to_string(figures.units.size()) +
                 " đơn vị, mỗi đơn vị tính một lần.";
    doc.tables.push_back(std::move(table));
  }
  return doc;
}

}  // namespace tdkt::reporting::statutory
