// Which web origins (the portals' pages) may call the gateway from a browser,
// and the CORS headers that say so.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tdkt::gateway {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

class CorsPolicy {
 public:
  // `origins`: comma-separated, e.g. "https://dichvucong.khanhhoa.gov.vn";
  // "*" allows any origin; empty allows none (no CORS headers at all).
  CorsPolicy(const std::string& origins, int max_age_s);

  bool Allowed(const std::string& origin) const;
  // Headers for an answer to a request from `origin`; empty when the origin
  // is absent or not allowed (the browser then withholds the answer).
  HeaderList ResponseHeaders(const std::string& origin) const;
  // Headers for the answer to a preflight (OPTIONS) from an allowed origin.
  HeaderList PreflightHeaders(const std::string& origin) const;

 private:
  bool any_ = false;
  std::set<std::string> origins_;
  int max_age_s_;
};

}  // namespace tdkt::gateway
