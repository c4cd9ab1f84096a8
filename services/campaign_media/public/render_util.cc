#include "services/campaign_media/public/render_util.h"

#include "common/text.h"
#include "common/vn_time.h"

namespace tdkt::campaign_media::pub {

namespace {

// Replaces every invalid UTF-8 sequence by U+FFFD.
std::string RepairUtf8(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len > 1 && !text::IsValidUtf8(s.substr(i, len))) ok = false;
    if (ok) {
      out.append(s, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string CleanText(const std::string& s) {
  std::string valid = text::IsValidUtf8(s) ? s : RepairUtf8(s);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    const unsigned char u = c;
    if (u < 0x20 && c != '\n' && c != '\t') continue;
    if (u == 0x7F) continue;
    out += c;
  }
  auto nfc = text::NormalizeInput("text", out);
  return nfc.ok() ? *nfc : out;
}

std::string XmlEscape(const std::string& s) {
  const std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string HtmlText(const std::string& s) { return text::HtmlEscape(CleanText(s)); }

std::string IsoTime(const google::protobuf::Timestamp& at) {
  return FormatVietnamTime(at.seconds(), "%Y-%m-%dT%H:%M:%S+07:00");
}

std::string VnDate(const google::protobuf::Timestamp& at) { return FormatVietnamTime(at.seconds(), "%d/%m/%Y"); }

}  // namespace tdkt::campaign_media::pub
