// XLSX through libxlsxwriter, which writes only to files: the workbook goes to
// a fresh temporary file that is read back and removed. One worksheet per
// table: its title in the first row, the bold header in the second, then the
// rows (numbers as numbers), then the note.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <xlsxwriter.h>

#include "common/text.h"
#include "services/reporting/export/table.h"

namespace tdkt::reporting {
namespace {

constexpr size_t kSheetNameMax = 31;  // Excel's limit, in characters.

// The first `n` code points of well-formed UTF-8 `s`.
std::string CutCodePoints(const std::string& s, size_t n) {
  size_t count = 0, i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (count == n) break;
    i += len;
    ++count;
  }
  return s.substr(0, std::min(i, s.size()));
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// A worksheet name Excel accepts: none of []:*?/\, no apostrophe at either
// end, at most 31 characters, not empty, and unique in the workbook (Excel
// compares names without case; folded comparison covers Vietnamese letters).
std::string SheetName(const std::string& title, size_t index, std::set<std::string>& used) {
  std::string clean;
  for (char c : text::IsValidUtf8(title) ? title : std::string()) {
    switch (c) {
      case '[': case ']': case ':': case '*': case '?': case '/': case '\\':
        clean += ' ';
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) clean += c;
    }
  }
  while (!clean.empty() && (clean.front() == '\'' || clean.front() == ' ')) clean.erase(0, 1);
  while (!clean.empty() && (clean.back() == '\'' || clean.back() == ' ')) clean.pop_back();
  if (clean.empty()) clean = "Sheet" + std::to_string(index + 1);
  std::string name = CutCodePoints(clean, kSheetNameMax);
  for (int n = 2; used.count(AsciiLower(text::Fold(name))) > 0; ++n) {
    std::string suffix = " (" + std::to_string(n) + ")";
    name = CutCodePoints(clean, kSheetNameMax - suffix.size());
    while (!name.empty() && (name.back() == ' ' || name.back() == '\'')) name.pop_back();
    name += suffix;
  }
  used.insert(AsciiLower(text::Fold(name)));
  return name;
}

Status Check(lxw_error err, const char* what) {
  if (err == LXW_NO_ERROR) return Status::Ok();
  return Status::Internal(std::string("xlsx: ") + what + ": " + lxw_strerror(err));
}

// Removes the temporary file however the writer leaves.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

}  // namespace

Result<std::string> ToXlsx(const Document& document) {
  const char* dir = std::getenv("TMPDIR");
  TempFile temp;
  temp.path = std::string(dir && *dir ? dir : "/tmp") + "/tdkt-report-XXXXXX";
  int fd = mkstemp(temp.path.data());
  if (fd < 0) {
    temp.path.clear();
    return Status::Internal("xlsx: cannot create a temporary file");
  }
  close(fd);

  lxw_workbook* workbook = workbook_new(temp.path.c_str());
  if (workbook == nullptr) return Status::Internal("xlsx: cannot open the workbook");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* cell_format = workbook_add_format(workbook);
  format_set_border(cell_format, LXW_BORDER_THIN);
  format_set_text_wrap(cell_format);
  format_set_align(cell_format, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* italic = workbook_add_format(workbook);
  format_set_italic(italic);

  Status status;
  std::set<std::string> used;
  std::vector<Table> tables = document.tables;
  if (tables.empty()) tables.push_back(Table{document.title, {}, {}, document.subtitle});
  for (size_t t = 0; t < tables.size() && status.ok(); ++t) {
    const Table& table = tables[t];
    std::string name = SheetName(table.title, t, used);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    if (sheet == nullptr) {
      status = Status::Internal("xlsx: cannot add worksheet " + name);
      break;
    }
    auto write_text = [&](lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f) {
      if (status.ok()) status = Check(worksheet_write_string(sheet, r, c, s.c_str(), f), "write");
    };
    lxw_row_t row = 0;
    write_text(row++, 0, table.title, bold);
    std::vector<size_t> widths(table.columns.size(), 8);
    for (size_t c = 0; c < table.columns.size(); ++c) {
      write_text(row, static_cast<lxw_col_t>(c), table.columns[c], header);
      widths[c] = std::max(widths[c], std::min<size_t>(text::CodePointCount(table.columns[c]), 30));
    }
    if (!table.columns.empty()) {
      worksheet_freeze_panes(sheet, row + 1, 0);
      ++row;
    }
    for (const auto& cells : table.rows) {
      for (size_t c = 0; c < cells.size(); ++c) {
        const Cell& cell = cells[c];
        if (cell.numeric) {
          if (status.ok()) {
            status = Check(worksheet_write_number(sheet, row, static_cast<lxw_col_t>(c), cell.number, cell_format),
                           "write");
          }
        } else {
          write_text(row, static_cast<lxw_col_t>(c), cell.text, cell_format);
        }
        if (c < widths.size()) {
          widths[c] = std::max(widths[c], std::min<size_t>(text::CodePointCount(cell.text), 60));
        }
      }
      ++row;
    }
    if (!table.note.empty()) write_text(row + 1, 0, table.note, italic);
    for (size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c] + 2), nullptr);
    }
    worksheet_set_landscape(sheet);
    worksheet_fit_to_pages(sheet, 1, 0);
  }
  // Closing writes the file; it also frees the workbook when writing failed.
  lxw_error closed = workbook_close(workbook);
  TDKT_RETURN_IF_ERROR(status);
  TDKT_RETURN_IF_ERROR(Check(closed, "close"));

  std::ifstream in(temp.path, std::ios::binary);
  if (!in) return Status::Internal("xlsx: cannot read the workbook back");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tdkt::reporting
