// CSV as officers keep it in spreadsheets: RFC 4180 (comma separated, cells
// in double quotes may hold commas, line breaks and doubled quotes), UTF-8
// with or without a byte-order mark, \n or \r\n line ends. Pure.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace tdkt::ctl {

struct CsvRecord {
  int line = 0;                    // File line the record starts on (1-based).
  std::vector<std::string> cells;  // Unquoted cell values, in column order.
};

// Parses `content` into records. Records whose cells are all blank (empty
// lines, rows of bare commas a spreadsheet leaves) are skipped; line numbers
// still count them, so they match what an editor shows. Errors read
// "line N: ..." (an unclosed quote, text after a closing quote, bytes that
// are not UTF-8).
Result<std::vector<CsvRecord>> ParseCsv(const std::string& content);

}  // namespace tdkt::ctl
