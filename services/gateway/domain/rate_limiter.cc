#include "services/gateway/domain/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace tdkt::gateway {

RateLimiter::RateLimiter(RateLimitOptions options) : options_(options) {}

bool RateLimiter::Allow(const std::string& client, double now_s, int* retry_after_s) {
  if (options_.rate_per_s <= 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= options_.max_clients) DropFullBuckets(now_s);
    it = buckets_.emplace(client, Bucket{options_.burst, now_s}).first;
  }
  Bucket& bucket = it->second;
  const double elapsed = std::max(0.0, now_s - bucket.updated_s);
  bucket.tokens = std::min(options_.burst, bucket.tokens + elapsed * options_.rate_per_s);
  bucket.updated_s = std::max(bucket.updated_s, now_s);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return true;
  }
  if (retry_after_s) *retry_after_s = std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / options_.rate_per_s)));
  return false;
}

// A client whose bucket has refilled is indistinguishable from a new one,
// so forgetting it changes nothing; only if none is full, forget them all.
void RateLimiter::DropFullBuckets(double now_s) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double tokens = it->second.tokens + (now_s - it->second.updated_s) * options_.rate_per_s;
    it = tokens >= options_.burst ? buckets_.erase(it) : std::next(it);
  }
  if (buckets_.size() >= options_.max_clients) buckets_.clear();
}

}  // namespace tdkt::gateway
