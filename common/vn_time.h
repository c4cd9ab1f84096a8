// Vietnam's civil time (UTC+7 all year, no daylight saving), used for years
// in filters and reports.
#pragma once

#include <cstdint>
#include <string>

namespace tdkt {

constexpr int64_t kVietnamOffsetSeconds = 7 * 3600;

// Calendar year in Vietnam of a Unix time in seconds.
int VietnamYear(int64_t unix_seconds);

// A Unix time written in Vietnam's civil time with a strftime format, e.g.
// "%Y-%m-%d" (today's date) or "%H:%M ngày %d/%m/%Y" (minutes).
std::string FormatVietnamTime(int64_t unix_seconds, const char* format);

// True when `date` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& date);

}  // namespace tdkt
