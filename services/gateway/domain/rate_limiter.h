// A token bucket per client: each client may burst up to `burst` requests,
// then `rate_per_s` a second. Thread-safe. Time is passed in, so the rule
// is tested without sleeping.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tdkt::gateway {

struct RateLimitOptions {
  double rate_per_s = 20;     // Sustained requests per second per client; <= 0 turns limiting off.
  double burst = 40;          // Requests a quiet client may send at once.
  size_t max_clients = 100000;  // Buckets kept; the full ones are dropped first when exceeded.
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimitOptions options);

  // True when `client` may make a request at `now_s` (seconds, monotonic),
  // taking one token. Otherwise false with *retry_after_s, the whole seconds
  // until a token is back (at least 1).
  bool Allow(const std::string& client, double now_s, int* retry_after_s);

 private:
  struct Bucket {
    double tokens;
    double updated_s;
  };
  void DropFullBuckets(double now_s);

  const RateLimitOptions options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace tdkt::gateway
