#include "tools/tdktctl/csv_import.h"

#include <algorithm>
#include <map>
#include <regex>

#include "common/text.h"

namespace tdkt::ctl {
namespace {

enum class Col { kName, kKind, kAgency, kFields, kMovement, kAchievements, kDiscoveredBy, kDiscoveredAt,
                 kInitiatives, kEvidence };

struct ColumnSpec {
  Col col;
  const char* name;  // canonical header
  bool required;
  std::vector<std::string> aliases;  // folded, words joined by '_'
  const char* help;
};

const std::vector<ColumnSpec>& Columns() {
  static const std::vector<ColumnSpec> columns = {
      {Col::kName, "name", true, {"ho_ten", "ho_va_ten", "ten"}, "name of the person, collective or household"},
      {Col::kKind, "kind", true, {"loai", "doi_tuong", "loai_doi_tuong"},
       "individual, collective, household (cá nhân, tập thể, hộ gia đình)"},
      {Col::kAgency, "agency_id", true, {"agency", "ma_don_vi", "don_vi", "ma_co_quan"}, "agency code, e.g. 00004"},
      {Col::kFields, "fields", true, {"field", "linh_vuc"}, "field codes separated by ';' (see `tdktctl fields`)"},
      {Col::kMovement, "movement_id", false, {"movement", "phong_trao", "ma_phong_trao"}, "movement id, e.g. mov-01-1"},
      {Col::kAchievements, "achievements", false, {"thanh_tich"}, "achievements, free text"},
      {Col::kDiscoveredBy, "discovered_by", false, {"nguoi_phat_hien", "don_vi_phat_hien"}, "who found the candidate"},
      {Col::kDiscoveredAt, "discovered_at", false, {"ngay_phat_hien"},
       "YYYY-MM-DD or DD/MM/YYYY, taken as 00:00 Vietnam time"},
      {Col::kInitiatives, "initiatives", false, {"sang_kien"}, "initiative titles separated by ';'"},
      {Col::kEvidence, "evidence", false, {"minh_chung", "tai_lieu_minh_chung"}, "evidence titles separated by ';'"},
  };
  return columns;
}

// "Họ và tên " -> "ho_va_ten": the canonical form, words joined by '_'.
std::string HeaderKey(const std::string& header) {
  std::string key = Canonical(header);
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

const ColumnSpec* FindColumn(const std::string& header) {
  const std::string key = HeaderKey(header);
  for (const auto& spec : Columns()) {
    if (key == spec.name) return &spec;
    for (const auto& alias : spec.aliases) if (key == alias) return &spec;
  }
  return nullptr;
}

std::string Line(int line, const std::string& problem) { return "line " + std::to_string(line) + ": " + problem; }

// Fills `details` from one record; appends this row's problems to `errors`.
void MapRow(const CsvRecord& record, const std::map<Col, size_t>& index, v1::NominationDetails* details,
            std::vector<std::string>* errors) {
  auto cell = [&](Col col) -> std::string {
    auto it = index.find(col);
    return it == index.end() ? std::string() : record.cells[it->second];
  };
  details->set_name(cell(Col::kName));
  auto kind = ParseKind(cell(Col::kKind));
  if (kind.ok()) {
    details->set_kind(*kind);
  } else {
    errors->push_back(Line(record.line, kind.status().ToString()));
  }
  details->set_agency_id(Trim(cell(Col::kAgency)));
  for (const auto& code : SplitList(cell(Col::kFields), ';')) details->add_fields(code);
  details->set_movement_id(Trim(cell(Col::kMovement)));
  details->set_achievements(cell(Col::kAchievements));
  details->set_discovered_by(cell(Col::kDiscoveredBy));
  const std::string date = Trim(cell(Col::kDiscoveredAt));
  if (!date.empty()) {
    auto seconds = ParseVietnamDate(date);
    if (seconds.ok()) {
      details->mutable_discovered_at()->set_seconds(*seconds);
    } else {
      errors->push_back(Line(record.line, "discovered_at: " + seconds.status().message()));
    }
  }
  for (const auto& title : SplitList(cell(Col::kInitiatives), ';')) details->add_initiatives()->set_title(title);
  for (const auto& title : SplitList(cell(Col::kEvidence), ';')) details->add_evidence()->set_title(title);
}

}  // namespace

CandidateSheet MapCandidateRows(const std::vector<CsvRecord>& records) {
  CandidateSheet sheet;
  if (records.empty()) {
    sheet.errors.push_back(Line(1, "the file is empty; the first line must name the columns"));
    return sheet;
  }
  const CsvRecord& header = records.front();
  std::map<Col, size_t> index;
  std::string known;
  for (const auto& spec : Columns()) known += (known.empty() ? "" : ", ") + std::string(spec.name);
  if (header.cells.size() == 1 && header.cells[0].find(';') != std::string::npos) {
    sheet.errors.push_back(Line(header.line, "the columns are separated by ';'; save the sheet as comma-separated CSV"));
    return sheet;
  }
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string name = Trim(header.cells[i]);
    const ColumnSpec* spec = FindColumn(name);
    if (name.empty()) {
      sheet.errors.push_back(Line(header.line, "column " + std::to_string(i + 1) + " has no name"));
    } else if (!spec) {
      sheet.errors.push_back(Line(header.line, "unknown column '" + name.substr(0, 60) + "'; known columns: " + known));
    } else if (index.count(spec->col)) {
      sheet.errors.push_back(Line(header.line, "column '" + std::string(spec->name) + "' appears twice"));
    } else {
      index[spec->col] = i;
    }
  }
  for (const auto& spec : Columns()) {
    if (spec.required && !index.count(spec.col)) {
      sheet.errors.push_back(Line(header.line, "the required column '" + std::string(spec.name) + "' is missing"));
    }
  }
  if (!sheet.errors.empty()) return sheet;  // rows cannot be read without a sound header

  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    v1::NominationDetails details;
    if (record.cells.size() != header.cells.size()) {
      sheet.errors.push_back(Line(record.line, "has " + std::to_string(record.cells.size()) + " cells but the header has " +
                                                   std::to_string(header.cells.size()) +
                                                   " (a cell holding a comma must be in double quotes)"));
    } else {
      MapRow(record, index, &details, &sheet.errors);
    }
    sheet.rows.push_back(std::move(details));
    sheet.lines.push_back(record.line);
  }
  return sheet;
}

CandidateSheet ReadCandidateSheet(const std::string& content) {
  auto records = ParseCsv(content);
  if (!records.ok()) {
    CandidateSheet sheet;
    sheet.errors.push_back(records.status().ToString());
    return sheet;
  }
  return MapCandidateRows(*records);
}

std::vector<std::string> TranslateRowErrors(const std::string& message, const std::vector<int>& lines) {
  // Row problems follow "...: " and are joined by "; " ("row 3: details.name: ...; row 5: ...").
  static const std::regex kRow("(^|[:;] )row ([0-9]{1,7}): ");
  static const std::regex kMore("; and [0-9]+ more bad rows$");
  std::vector<std::string> out;
  std::vector<std::smatch> matches;
  for (auto it = std::sregex_iterator(message.begin(), message.end(), kRow); it != std::sregex_iterator(); ++it) {
    matches.push_back(*it);
  }
  std::string tail;
  for (size_t m = 0; m < matches.size(); ++m) {
    const size_t begin = matches[m].position(0) + matches[m].length(0);
    const size_t end = m + 1 < matches.size() ? matches[m + 1].position(0) : message.size();
    std::string problem = message.substr(begin, end - begin);
    std::smatch more;
    if (m + 1 == matches.size() && std::regex_search(problem, more, kMore)) {
      tail = more.str(0).substr(2);
      problem = problem.substr(0, more.position(0));
    }
    const long row = std::stol(matches[m].str(2));
    if (row >= 1 && static_cast<size_t>(row) <= lines.size()) {
      out.push_back(Line(lines[row - 1], problem));
    } else {
      out.push_back("row " + std::to_string(row) + ": " + problem);
    }
  }
  if (!tail.empty()) out.push_back(tail);
  return out;
}

std::string CandidateColumnsHelp() {
  std::string out;
  for (const auto& spec : Columns()) {
    std::string aliases;
    for (const auto& a : spec.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    out += "    " + std::string(spec.name) + (spec.required ? " (required)" : "") + " [" + aliases + "]: " + spec.help + "\n";
  }
  return out;
}

}  // namespace tdkt::ctl
