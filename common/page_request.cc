#include "common/page_request.h"

#include <limits>

namespace tdkt {

Result<int64_t> ParseSequenceToken(const std::string& token) {
  if (token.empty()) return std::numeric_limits<int64_t>::max();
  if (token.size() > 18 || token.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("page_token", "is not a token returned by a previous page");
  }
  return std::stoll(token);
}

Result<int> CheckPageSize(int page_size, int fallback, int max) {
  if (page_size == 0) return fallback;
  if (page_size < 0 || page_size > max) {
    return Status::InvalidArgument("page_size", "must be between 1 and " + std::to_string(max));
  }
  return page_size;
}

}  // namespace tdkt
