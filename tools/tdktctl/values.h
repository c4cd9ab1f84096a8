// Parsing of the values people type on the command line or in spreadsheets:
// kinds and states by name (English or Vietnamese), whole numbers, lists and
// calendar dates. Pure functions, shared by the commands and the CSV import.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::ctl {

namespace v1 = ::tdkt::nomination::v1;

// "individual", "collective", "household", or the Vietnamese "cá nhân",
// "tập thể", "hộ gia đình" (any case, diacritics optional).
Result<v1::NominationKind> ParseKind(const std::string& s);

// Lower-case state name as in the lifecycle ("submitted"); any case accepted.
Result<v1::NominationState> ParseState(const std::string& s);

// A whole number in [min, max]; `name` is the flag or column named in errors.
Result<int64_t> ParseInt(const std::string& name, const std::string& s, int64_t min, int64_t max);

// A calendar day written YYYY-MM-DD (or DD/MM/YYYY, as Vietnamese
// spreadsheets show dates), as the Unix time of 00:00 that day in Vietnam.
Result<int64_t> ParseVietnamDate(const std::string& s);

// Folded (lower case, no diacritics), with '_', '-' and tabs read as spaces
// and runs of spaces collapsed: "Hộ gia đình", "ho_gia_dinh" and
// "HO GIA  DINH" all give "ho gia dinh".
std::string Canonical(const std::string& s);

// `s` without surrounding spaces, tabs and line breaks.
std::string Trim(const std::string& s);

// Splits on `sep`, trims each item and drops empty ones ("a; b;" -> a, b).
std::vector<std::string> SplitList(const std::string& s, char sep);

}  // namespace tdkt::ctl
