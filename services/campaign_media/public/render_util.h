// What the public renderers share: text made safe to print (valid UTF-8,
// NFC, no control characters), XML escaping and dates in Vietnam time.
#pragma once

#include <string>

#include <google/protobuf/timestamp.pb.h>

namespace tdkt::campaign_media::pub {

// `s` as NFC UTF-8 without control characters (tab and newline kept);
// invalid bytes become U+FFFD, so nothing a renderer prints breaks XML.
std::string CleanText(const std::string& s);
// CleanText, then & < > " ' escaped for XML text and attribute values.
std::string XmlEscape(const std::string& s);
// CleanText, then text::HtmlEscape.
std::string HtmlText(const std::string& s);
// ISO-8601 / RFC 3339 in Vietnam time, e.g. "2026-03-05T08:30:00+07:00".
std::string IsoTime(const google::protobuf::Timestamp& at);
// Vietnamese date, e.g. "05/03/2026".
std::string VnDate(const google::protobuf::Timestamp& at);

}  // namespace tdkt::campaign_media::pub
