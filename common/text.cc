#include "common/text.h"

#include <sstream>
#include <vector>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace tdkt::text {

bool IsValidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {
const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(err);
}
const icu::Normalizer2* Nfd() {
  UErrorCode err = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(err);
}
std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}
bool IsAscii(const std::string& s) {
  for (unsigned char c : s) if (c >= 0x80) return false;
  return true;
}
}  // namespace

Result<std::string> NormalizeInput(const std::string& field, const std::string& s) {
  if (!IsValidUtf8(s)) {
    return Status::InvalidArgument(field, "is not valid UTF-8 text; re-save the text as UTF-8 (Unicode)");
  }
  std::string out = s;
  if (!IsAscii(s)) {
    // Most input is already NFC: check that on the UTF-8 bytes before
    // paying for a round trip through UTF-16.
    UErrorCode err = U_ZERO_ERROR;
    if (!Nfc()->isNormalizedUTF8(s, err) || U_FAILURE(err)) {
      err = U_ZERO_ERROR;
      out.clear();
      icu::StringByteSink<std::string> sink(&out);
      Nfc()->normalizeUTF8(0, s, sink, nullptr, err);
      if (U_FAILURE(err)) return Status::InvalidArgument(field, "could not be normalised as Unicode text");
    }
  }
  size_t b = out.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::string();
  size_t e = out.find_last_not_of(" \t\r\n");
  return out.substr(b, e - b + 1);
}

std::string Fold(const std::string& s) {
  if (IsAscii(s)) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString decomposed = Nfd()->normalize(icu::UnicodeString::fromUTF8(s), err);
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // drop diacritics
    if (c == 0x0110 || c == 0x0111) c = 'd';             // Đ, đ have no decomposition
    folded.append(u_tolower(c));
  }
  return ToUtf8(folded);
}

size_t CodePointCount(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {
// Splits folded text into words at spaces and ASCII punctuation.
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  std::string current;
  for (unsigned char c : folded) {
    if (c >= 0x80 || std::isalnum(c)) {
      current += static_cast<char>(c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}
}  // namespace

bool MatchesAllWords(const std::string& haystack_folded, const std::string& query) {
  const std::vector<std::string> words = Words(haystack_folded);
  for (const std::string& wanted : Words(Fold(query))) {
    bool found = false;
    for (const std::string& w : words) {
      if (w.compare(0, wanted.size(), wanted) == 0) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace tdkt::text
