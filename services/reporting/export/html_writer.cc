// One self-contained page: no scripts, no external style sheets or fonts, so
// it prints the same anywhere. Each table after the first starts a new printed
// page; headers repeat on every printed page of a long table.
#include "services/reporting/export/table.h"

#include "common/text.h"

namespace tdkt::reporting {
namespace {

std::string Escape(const std::string& s) { return text::HtmlEscape(s); }

constexpr const char* kStyle = R"(
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 13pt; margin: 2em; color: #000; }
h1 { font-size: 16pt; text-align: center; margin-bottom: 0.2em; }
p.subtitle { text-align: center; font-style: italic; margin-top: 0; }
section.table { margin-top: 2em; }
h2 { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; }
th { font-weight: bold; text-align: center; background: #eee; }
td.num { text-align: right; white-space: nowrap; }
p.note { font-style: italic; font-size: 11pt; }
@page { size: A4 landscape; margin: 15mm; }
@media print {
  body { margin: 0; }
  section.table + section.table { page-break-before: always; break-before: page; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  th { background: none; }
}
)";

}  // namespace

std::string ToHtml(const Document& document) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + Escape(document.title) + "</title>\n";
  out += "<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  if (!document.title.empty()) out += "<h1>" + Escape(document.title) + "</h1>\n";
  if (!document.subtitle.empty()) out += "<p class=\"subtitle\">" + Escape(document.subtitle) + "</p>\n";
  for (const Table& table : document.tables) {
    out += "<section class=\"table\">\n<h2>" + Escape(table.title) + "</h2>\n<table>\n<thead><tr>";
    for (const auto& column : table.columns) out += "<th>" + Escape(column) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
      out += "<tr>";
      for (const Cell& cell : row) {
        out += cell.numeric ? "<td class=\"num\">" : "<td>";
        out += Escape(cell.text);
        out += "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (!table.note.empty()) out += "<p class=\"note\">" + Escape(table.note) + "</p>\n";
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace tdkt::reporting
