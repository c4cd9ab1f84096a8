// CSV as Excel reads it: a UTF-8 byte-order mark, CRLF line ends, and
// RFC 4180 quoting (a field holding a comma, quote, CR or LF is quoted, its
// quotes doubled). Every table starts with its title line and ends with a
// blank line, so several tables fit in one file.
#include "services/reporting/export/table.h"

namespace tdkt::reporting {
namespace {

void AppendField(std::string& out, const std::string& field) {
  bool quote = field.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendRow(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    AppendField(out, fields[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string ToCsv(const Document& document) {
  std::string out = "\xEF\xBB\xBF";
  if (!document.title.empty()) AppendRow(out, {document.title});
  if (!document.subtitle.empty()) AppendRow(out, {document.subtitle});
  if (!document.title.empty() || !document.subtitle.empty()) out += "\r\n";
  for (const Table& table : document.tables) {
    AppendRow(out, {table.title});
    AppendRow(out, table.columns);
    for (const auto& row : table.rows) {
      std::vector<std::string> fields;
      fields.reserve(row.size());
      for (const Cell& cell : row) fields.push_back(cell.text);
      AppendRow(out, fields);
    }
    if (!table.note.empty()) AppendRow(out, {table.note});
    out += "\r\n";
  }
  return out;
}

}  // namespace tdkt::reporting
