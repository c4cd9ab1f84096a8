#include "services/nomination/storage/federation_store.h"

#include <cctype>

namespace tdkt::nomination {

bool InboxEntry::Decode(const std::string& text, InboxEntry* out) {
  auto space = text.find(' ');
  if (space == std::string::npos) return false;
  out->digest = text.substr(0, space);
  out->record_id = text.substr(space + 1);
  return true;
}

bool IsStreamId(const std::string& id) {
  auto dash = id.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == id.size() || id.size() > 41) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    if (i != dash && !std::isdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

Result<std::vector<StreamEntry>> FederationStore::Outcomes(const std::string& child_agency,
                                                           const std::string& after_id, int max) {
  auto reply = redis_.Command({"XRANGE", DownKey(child_agency), after_id.empty() ? "-" : "(" + after_id, "+",
                               "COUNT", std::to_string(max)});
  if (!reply.ok()) return reply.status();
  std::vector<StreamEntry> out;
  for (const auto& item : reply->elements) {
    if (item.elements.size() != 2) continue;
    StreamEntry entry;
    entry.id = item.elements[0].str;
    const auto& fields = item.elements[1].elements;
    for (size_t i = 0; i + 1 < fields.size(); i += 2) entry.fields[fields[i].str] = fields[i + 1].str;
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::string> FederationStore::Cursor() {
  auto reply = redis_.Command({"GET", CursorKey()});
  if (!reply.ok()) return reply.status();
  return reply->is_nil() ? std::string() : reply->str;
}

Status FederationStore::SetCursor(const std::string& entry_id) {
  auto reply = redis_.Command({"SET", CursorKey(), entry_id});
  return reply.ok() ? Status::Ok() : reply.status();
}

}  // namespace tdkt::nomination
