// A report as plain tables, and the three forms officers receive it in:
// CSV (opens in Excel), XLSX (one sheet per table) and printable HTML, all in
// Vietnamese with the units' real names. Free of gRPC and Redis.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace tdkt::reporting {

struct Cell {
  std::string text;      // What is shown (always set, numbers too).
  bool numeric = false;  // Written as a number in XLSX, right-aligned in HTML.
  double number = 0;

  static Cell Text(std::string text);
  static Cell Number(double value);  // Integers are shown without decimals.
};

struct Table {
  std::string title;                   // e.g. "Biểu 0601.N: Phong trào thi đua".
  std::vector<std::string> columns;    // Header row.
  std::vector<std::vector<Cell>> rows; // Each row has columns.size() cells.
  std::string note;                    // Shown under the table; may be empty.
};

struct Document {
  std::string title;     // e.g. "Báo cáo năm 2026 — Tỉnh Khánh Hòa".
  std::string subtitle;  // e.g. who built it and when.
  std::vector<Table> tables;
};

// UTF-8 with a byte-order mark (so Excel reads Vietnamese right), RFC 4180
// quoting; each table starts with its title line and ends with a blank line.
std::string ToCsv(const Document& document);
// An .xlsx file (libxlsxwriter), one worksheet per table (names cut to 31
// characters and made unique), numbers as numbers.
Result<std::string> ToXlsx(const Document& document);
// One self-contained printable HTML page (lang="vi", UTF-8, print CSS); all
// text escaped.
std::string ToHtml(const Document& document);

}  // namespace tdkt::reporting
