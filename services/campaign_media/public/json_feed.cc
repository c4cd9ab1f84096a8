#include "services/campaign_media/public/json_feed.h"

#include <nlohmann/json.hpp>

#include "services/campaign_media/domain/channels.h"
#include "services/campaign_media/public/render_util.h"

namespace tdkt::campaign_media::pub {

namespace {

// JSON text with < > & and the JavaScript line separators as \u escapes
// (they only occur inside strings, so this changes no value).
std::string SafeDump(const nlohmann::json& doc) {
  const std::string raw = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + 32);
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < raw.size() && raw[i + 1] == '\x80' && (raw[i + 2] == '\xA8' || raw[i + 2] == '\xA9')) {
      out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  out += '\n';
  return out;
}

}  // namespace

std::string RenderJsonFeed(const JsonFeedInfo& info, const std::vector<v1::MediaItem>& items) {
  nlohmann::json doc;
  doc["agency"] = {{"id", CleanText(info.agency_id)}, {"name", CleanText(info.agency_name)}};
  doc["generated_at"] = IsoTime(info.generated_at);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : items) {
    nlohmann::json exemplars = nlohmann::json::array();
    for (const auto& id : item.exemplar_ids()) {
      auto it = info.exemplar_names.find(id);
      exemplars.push_back({{"id", CleanText(id)}, {"name", it == info.exemplar_names.end() ? "" : CleanText(it->second)}});
    }
    list.push_back({
        {"id", CleanText(item.id())},
        {"title", CleanText(item.title())},
        {"summary", CleanText(item.summary())},
        {"body", CleanText(item.body())},
        {"channel", CleanText(item.channel())},
        {"channel_label", CleanText(ChannelLabel(item.channel()))},
        {"kind", CleanText(item.kind())},
        {"kind_label", CleanText(KindLabel(item.kind()))},
        {"exemplars", exemplars},
        {"published_at", IsoTime(item.published_at())},
        {"author", CleanText(item.author())},
    });
  }
  doc["items"] = std::move(list);
  return SafeDump(doc);
}

std::string JsonError(const std::string& field, const std::string& message) {
  return SafeDump({{"error", {{"field", CleanText(field)}, {"message", CleanText(message)}}}});
}

}  // namespace tdkt::campaign_media::pub
