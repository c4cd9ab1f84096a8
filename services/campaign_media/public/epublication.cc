#include "services/campaign_media/public/epublication.h"

#include "services/campaign_media/domain/channels.h"
#include "services/campaign_media/public/render_util.h"

namespace tdkt::campaign_media::pub {

namespace {

namespace nv1 = ::tdkt::nomination::v1;

constexpr const char* kStyle = R"(
  body { font-family: "Noto Serif", "Noto Sans", serif; margin: 0; color: #111; background: #fff; }
  main { max-width: 46em; margin: 0 auto; padding: 2em; }
  .cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; text-align: center;
           border: 6px double #b22222; padding: 2em; margin-bottom: 2em; }
  .cover .nation { font-weight: bold; text-transform: uppercase; }
  .cover h1 { font-size: 2.2em; color: #b22222; margin: 1em 0 0.3em; }
  .cover .agency { font-size: 1.6em; font-weight: bold; }
  .cover .year { font-size: 3em; color: #b22222; margin-top: 0.5em; }
  nav.toc ol { line-height: 1.7; }
  section.exemplar { border-top: 2px solid #b22222; padding-top: 1em; }
  dl.facts { display: grid; grid-template-columns: 12em 1fr; gap: 0.3em 1em; }
  dl.facts dt { font-weight: bold; }
  dl.facts dd { margin: 0; }
  article.item { margin: 1em 0 1.5em; padding-left: 1em; border-left: 4px solid #ddd; }
  article.item .meta { color: #555; font-size: 0.9em; }
  .body p { text-align: justify; }
  @page { size: A4; margin: 2cm; }
  @media print {
    main { max-width: none; padding: 0; }
    .cover { min-height: 24cm; border-width: 4px; page-break-after: always; break-after: page; }
    nav.toc { page-break-after: always; break-after: page; }
    section.exemplar { page-break-before: always; break-before: page; border-top: none; }
    article.item { page-break-inside: avoid; break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
)";

// Plain text to paragraphs: blank lines separate them, single newlines are breaks.
std::string Paragraphs(const std::string& text) {
  const std::string clean = CleanText(text);
  std::string out;
  size_t start = 0;
  while (start < clean.size()) {
    size_t end = clean.find("\n\n", start);
    if (end == std::string::npos) end = clean.size();
    std::string para = clean.substr(start, end - start);
    while (!para.empty() && (para.front() == '\n' || para.front() == ' ')) para.erase(0, 1);
    if (!para.empty()) {
      std::string escaped = HtmlText(para);
      std::string with_breaks;
      for (char c : escaped) with_breaks += c == '\n' ? std::string("<br>") : std::string(1, c);
      out += "<p>" + with_breaks + "</p>\n";
    }
    start = end + 2;
  }
  return out;
}

// "2026-03-05" -> "05/03/2026"; anything else as it is.
std::string DayMonthYear(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

void Fact(std::string& out, const char* label, const std::string& value) {
  if (value.empty()) return;
  out += "<dt>" + std::string(label) + "</dt><dd>" + HtmlText(value) + "</dd>\n";
}

void RenderItem(std::string& out, const v1::MediaItem& item) {
  out += "<article class=\"item\" id=\"" + HtmlText(item.id()) + "\">\n";
  out += "<h3>" + HtmlText(item.title()) + "</h3>\n";
  out += "<p class=\"meta\">" + HtmlText(KindLabel(item.kind())) + " · " + HtmlText(ChannelLabel(item.channel())) +
         " · " + VnDate(item.published_at());
  if (!item.author().empty()) out += " · " + HtmlText(item.author());
  out += "</p>\n";
  if (!item.summary().empty()) out += "<p><strong>" + HtmlText(item.summary()) + "</strong></p>\n";
  out += "<div class=\"body\">" + Paragraphs(item.body()) + "</div>\n";
  out += "</article>\n";
}

}  // namespace

std::string NominationKindLabel(nv1::NominationKind kind) {
  switch (kind) {
    case nv1::INDIVIDUAL: return "Cá nhân";
    case nv1::COLLECTIVE: return "Tập thể";
    case nv1::HOUSEHOLD: return "Hộ gia đình";
    default: return "";
  }
}

std::string RenderEpublication(const EpublicationInput& input) {
  const std::string year = std::to_string(input.year);
  const std::string agency = HtmlText(input.agency_name);
  std::string out;
  out.reserve(8192);
  out += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Gương điển hình tiên tiến năm " + year + " – " + agency + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";

  out += "<header class=\"cover\">\n<div class=\"nation\">Cộng hòa xã hội chủ nghĩa Việt Nam</div>\n";
  out += "<div>Độc lập – Tự do – Hạnh phúc</div>\n";
  out += "<h1>Gương điển hình tiên tiến</h1>\n";
  out += "<div class=\"agency\">" + agency + "</div>\n";
  out += "<div class=\"year\">Năm " + year + "</div>\n";
  out += "<p>Ấn phẩm điện tử · " + std::to_string(input.exemplars.size()) + " điển hình được công nhận</p>\n";
  out += "</header>\n";

  out += "<nav class=\"toc\">\n<h2>Mục lục</h2>\n";
  if (input.exemplars.empty()) {
    out += "<p>Trong năm " + year + " chưa có điển hình nào được công nhận.</p>\n";
  } else {
    out += "<ol>\n";
    for (size_t i = 0; i < input.exemplars.size(); ++i) {
      const auto& ex = input.exemplars[i];
      out += "<li><a href=\"#ex-" + std::to_string(i + 1) + "\">" + HtmlText(ex.record.details().name()) + "</a>";
      if (!ex.unit_name.empty()) out += " – " + HtmlText(ex.unit_name);
      out += "</li>\n";
    }
    if (!input.other_items.empty()) out += "<li><a href=\"#other\">Tin, bài khác trong năm</a></li>\n";
    out += "</ol>\n";
  }
  out += "</nav>\n";

  for (size_t i = 0; i < input.exemplars.size(); ++i) {
    const auto& ex = input.exemplars[i];
    const auto& d = ex.record.details();
    const auto& r = ex.record.recognition();
    out += "<section class=\"exemplar\" id=\"ex-" + std::to_string(i + 1) + "\">\n";
    out += "<h2>" + std::to_string(i + 1) + ". " + HtmlText(d.name()) + "</h2>\n<dl class=\"facts\">\n";
    Fact(out, "Đơn vị", ex.unit_name.empty() ? d.agency_id() : ex.unit_name);
    Fact(out, "Loại", NominationKindLabel(d.kind()));
    std::string fields;
    for (const auto& f : d.fields()) {
      auto name = ex.field_names.find(f);
      fields += (fields.empty() ? "" : ", ") + (name == ex.field_names.end() ? f : name->second);
    }
    Fact(out, "Lĩnh vực", fields);
    std::string decision = r.decision_number();
    if (!r.decision_date().empty()) decision += (decision.empty() ? "" : " ngày ") + DayMonthYear(r.decision_date());
    Fact(out, "Quyết định công nhận", decision);
    Fact(out, "Hình thức", r.form());
    out += "</dl>\n";
    if (!d.achievements().empty()) out += "<h3>Thành tích</h3>\n" + Paragraphs(d.achievements());
    if (d.initiatives_size() > 0) {
      out += "<h3>Sáng kiến</h3>\n<ul>\n";
      for (const auto& ini : d.initiatives()) {
        out += "<li><strong>" + HtmlText(ini.title()) + "</strong>";
        if (!ini.description().empty()) out += ": " + HtmlText(ini.description());
        if (ini.recognised()) {
          out += " (đã được công nhận" + (ini.recognition_ref().empty() ? "" : ", " + HtmlText(ini.recognition_ref())) + ")";
        }
        out += "</li>\n";
      }
      out += "</ul>\n";
    }
    if (!ex.items.empty()) {
      out += "<h3>Tin, bài trong năm " + year + "</h3>\n";
      for (const auto& item : ex.items) RenderItem(out, item);
    }
    out += "</section>\n";
  }
  if (!input.other_items.empty()) {
    out += "<section class=\"exemplar\" id=\"other\">\n<h2>Tin, bài khác trong năm " + year + "</h2>\n";
    for (const auto& item : input.other_items) RenderItem(out, item);
    out += "</section>\n";
  }
  out += "<footer><p>" + agency + " · Ấn phẩm lập ngày " + VnDate(input.generated_at) + "</p></footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace tdkt::campaign_media::pub
