#include "services/gateway/domain/cors_policy.h"

namespace tdkt::gateway {

namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

CorsPolicy::CorsPolicy(const std::string& origins, int max_age_s) : max_age_s_(max_age_s) {
  size_t start = 0;
  while (start <= origins.size()) {
    size_t comma = origins.find(',', start);
    if (comma == std::string::npos) comma = origins.size();
    std::string origin = Trim(origins.substr(start, comma - start));
    while (!origin.empty() && origin.back() == '/') origin.pop_back();
    if (origin == "*") any_ = true;
    else if (!origin.empty()) origins_.insert(origin);
    start = comma + 1;
  }
}

bool CorsPolicy::Allowed(const std::string& origin) const {
  return !origin.empty() && (any_ || origins_.count(origin) > 0);
}

HeaderList CorsPolicy::ResponseHeaders(const std::string& origin) const {
  if (!Allowed(origin)) return {};
  // Echo the origin (not "*") so answers may carry the Authorization header;
  // Vary tells caches the answer depends on it.
  return {{"Access-Control-Allow-Origin", origin}, {"Vary", "Origin"},
          {"Access-Control-Expose-Headers", "Retry-After, ETag"}};
}

HeaderList CorsPolicy::PreflightHeaders(const std::string& origin) const {
  HeaderList headers = ResponseHeaders(origin);
  if (headers.empty()) return headers;
  headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match");
  headers.emplace_back("Access-Control-Max-Age", std::to_string(max_age_s_));
  return headers;
}

}  // namespace tdkt::gateway
