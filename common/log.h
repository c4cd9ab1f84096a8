// Structured logs: one JSON object per line on stderr, e.g.
// {"ts":"2026-11-22T01:02:03.456Z","level":"info","msg":"listening","port":"50051"}
// Never log ballot contents, tokens or personal data beyond ids.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

namespace tdkt::log {

enum class Level { kDebug, kInfo, kWarn, kError };

using Fields = std::initializer_list<std::pair<const char*, std::string>>;

// Process-wide threshold, set once at start from the log-level option.
void SetLevel(const std::string& level);
void Write(Level level, const std::string& msg, Fields fields = {});

inline void Debug(const std::string& m, Fields f = {}) { Write(Level::kDebug, m, f); }
inline void Info(const std::string& m, Fields f = {}) { Write(Level::kInfo, m, f); }
inline void Warn(const std::string& m, Fields f = {}) { Write(Level::kWarn, m, f); }
inline void Error(const std::string& m, Fields f = {}) { Write(Level::kError, m, f); }

}  // namespace tdkt::log
