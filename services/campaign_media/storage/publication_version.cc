#include "services/campaign_media/storage/publication_version.h"

#include <cstdlib>

namespace tdkt::campaign_media {

std::string PublicationVersion::Key(const std::string& agency) { return "cm:items:pubver:" + agency; }

Result<std::optional<int64_t>> PublicationVersion::Get(const std::string& agency) {
  auto reply = redis_.Command({"HGET", Key(agency), kField});
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Internal("Redis error: " + reply->str);
  if (reply->is_nil()) return std::optional<int64_t>();
  char* end = nullptr;
  const long long v = std::strtoll(reply->str.c_str(), &end, 10);
  if (reply->str.empty() || *end != '\0') return Status::Internal("unreadable " + Key(agency));
  return std::optional<int64_t>(v);
}

Status PublicationVersion::Bump(const std::string& agency) {
  auto reply = redis_.Command({"HINCRBY", Key(agency), kField, "1"});
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Internal("Redis error: " + reply->str);
  return Status::Ok();
}

}  // namespace tdkt::campaign_media
