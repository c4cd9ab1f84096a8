// The per-agency publication version the public site's render cache is keyed
// on. Key (under cm:):
//   cm:items:pubver:<A>   hash, field v = a counter HINCRBY'd by 1 in the same
//                         Lua step (ItemStore::Save) as every change to an
//                         item of agency A: publish, retract, any edit.
// While the version is unchanged no item of A has changed, so pages of A
// rendered at that version are still exact. The key is absent until the item
// store maintains it (and for agencies without items); the site then falls
// back to a short time-to-live.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/redis_client.h"
#include "common/status.h"

namespace tdkt::campaign_media {

class PublicationVersion {
 public:
  explicit PublicationVersion(RedisClient& redis) : redis_(redis) {}

  static std::string Key(const std::string& agency);
  static constexpr const char* kField = "v";

  // The version of `agency`; nullopt when the key is absent.
  Result<std::optional<int64_t>> Get(const std::string& agency);
  // Adds 1 (what ItemStore::Save does in its Lua step; tests and tools).
  Status Bump(const std::string& agency);

 private:
  RedisClient& redis_;
};

}  // namespace tdkt::campaign_media
