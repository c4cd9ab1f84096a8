// Checks of the paging fields every List RPC shares (page_size, page_token).
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"

namespace tdkt {

// Parses a page token holding a sequence cursor; empty means "from the top"
// (the largest cursor).
Result<int64_t> ParseSequenceToken(const std::string& token);

// Checks page_size against [1, max], mapping 0 to `fallback`.
Result<int> CheckPageSize(int page_size, int fallback, int max);

}  // namespace tdkt
