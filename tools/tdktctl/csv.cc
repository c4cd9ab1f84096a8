#include "tools/tdktctl/csv.h"

#include "common/text.h"

namespace tdkt::ctl {
namespace {

Status LineError(int line, const std::string& message) {
  return Status::InvalidArgument("line " + std::to_string(line), message);
}

bool AllBlank(const std::vector<std::string>& cells) {
  for (const auto& c : cells) {
    if (c.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  }
  return true;
}

// Line of the first byte that is not valid UTF-8, or 0 when all are valid.
int FirstBadUtf8Line(const std::string& s) {
  if (text::IsValidUtf8(s)) return 0;
  int line = 1;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    if (!text::IsValidUtf8(s.substr(start, end - start))) return line;
    ++line;
    start = end + 1;
  }
  return line;
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(const std::string& input) {
  static const std::string kBom = "\xEF\xBB\xBF";
  const std::string content = input.compare(0, kBom.size(), kBom) == 0 ? input.substr(kBom.size()) : input;
  if (int bad = FirstBadUtf8Line(content)) {
    return LineError(bad, "is not UTF-8 text; save the sheet as \"CSV UTF-8\"");
  }

  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string cell;
  bool in_quotes = false;     // inside "...", where , and line breaks are data
  bool after_quote = false;   // just closed a quoted cell; only , or a line end may follow
  int line = 1;
  int quote_line = 0;         // where the open quoted cell began, for the error
  record.line = 1;

  auto end_cell = [&] {
    record.cells.push_back(std::move(cell));
    cell.clear();
    after_quote = false;
  };
  auto end_record = [&] {
    end_cell();
    if (!AllBlank(record.cells)) records.push_back(std::move(record));
    record = CsvRecord();
    record.line = line;
  };

  for (size_t i = 0; i < content.size(); ++i) {
    const char c = content[i];
    const bool crlf = c == '\r' && i + 1 < content.size() && content[i + 1] == '\n';
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < content.size() && content[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else if (crlf) {
        continue;  // keep line breaks inside cells as \n
      } else {
        if (c == '\n' || c == '\r') ++line;
        cell += (c == '\r') ? '\n' : c;
      }
      continue;
    }
    if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (crlf) ++i;
      ++line;
      end_record();
    } else if (after_quote) {
      if (c == ' ' || c == '\t') continue;  // padding after "..." is harmless
      return LineError(line, "unexpected text after a closing double quote; inside a quoted cell, "
                             "write a double quote as two (\"\")");
    } else if (c == '"' && cell.empty()) {
      in_quotes = true;
      quote_line = line;
    } else {
      cell += c;  // a stray quote inside an unquoted cell is kept as is
    }
  }
  if (in_quotes) {
    return LineError(quote_line, "a quoted cell is never closed (a double quote is missing)");
  }
  if (!cell.empty() || !record.cells.empty() || after_quote) end_record();
  return records;
}

}  // namespace tdkt::ctl
