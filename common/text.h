// Vietnamese text handling: validation, NFC normalisation and the folded form
// used for search without diacritics ("nguyen hue" finds "Nguyễn Huệ").
#pragma once

#include <string>

#include "common/status.h"

namespace tdkt::text {

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(const std::string& s);

// Checks UTF-8 and returns the NFC form, trimmed of surrounding whitespace.
// `field` names the input in the error an officer sees.
Result<std::string> NormalizeInput(const std::string& field, const std::string& s);

// `s` with & < > " ' replaced by HTML entities (minutes, exported reports).
std::string HtmlEscape(const std::string& s);

// Lower-case, diacritics removed (đ -> d), NFC; for search keys only.
std::string Fold(const std::string& s);

// Number of user-perceived characters (code points after NFC).
size_t CodePointCount(const std::string& s);

// True when every word of `query` (folded) begins some word of
// `haystack_folded`: "nguyen hu" finds "Nguyễn Huệ", "ha" does not find "nhập".
bool MatchesAllWords(const std::string& haystack_folded, const std::string& query);

}  // namespace tdkt::text
