#include "tools/tdktctl/values.h"

#include <cctype>
#include <charconv>

#include "common/text.h"
#include "common/vn_time.h"

namespace tdkt::ctl {
namespace {


// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::string Canonical(const std::string& s) {
  std::string folded = text::Fold(Trim(s));
  std::string out;
  for (char c : folded) {
    if (c == '_' || c == '-' || c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitList(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    std::string item = Trim(s.substr(start, end - start));
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

Result<v1::NominationKind> ParseKind(const std::string& s) {
  const std::string c = Canonical(s);
  if (c == "individual" || c == "ca nhan") return v1::INDIVIDUAL;
  if (c == "collective" || c == "tap the") return v1::COLLECTIVE;
  if (c == "household" || c == "ho gia dinh") return v1::HOUSEHOLD;
  if (c.empty()) return Status::InvalidArgument("kind", "is empty: write individual, collective or household");
  return Status::InvalidArgument("kind", "'" + Trim(s).substr(0, 40) +
                                 "' is not a kind: write individual, collective or household "
                                 "(cá nhân, tập thể, hộ gia đình)");
}

Result<v1::NominationState> ParseState(const std::string& s) {
  std::string upper = Trim(s);
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  v1::NominationState state;
  if (v1::NominationState_Parse(upper, &state) && state != v1::NOMINATION_STATE_UNSPECIFIED) return state;
  std::string names;
  for (int i = 1; i <= v1::NominationState_MAX; ++i) {
    std::string name = v1::NominationState_Name(static_cast<v1::NominationState>(i));
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    names += (names.empty() ? "" : ", ") + name;
  }
  return Status::InvalidArgument("state", "'" + Trim(s).substr(0, 40) + "' is not a state; use one of " + names);
}

Result<int64_t> ParseInt(const std::string& name, const std::string& s, int64_t min, int64_t max) {
  const std::string t = Trim(s);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
    return Status::InvalidArgument(name, "'" + t.substr(0, 40) + "' is not a whole number");
  }
  if (value < min || value > max) {
    return Status::InvalidArgument(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return value;
}

Result<int64_t> ParseVietnamDate(const std::string& s) {
  std::string iso = Trim(s);
  // DD/MM/YYYY (day first, as Vietnamese spreadsheets display dates).
  const size_t slash1 = iso.find('/');
  if (slash1 != std::string::npos) {
    const size_t slash2 = iso.find('/', slash1 + 1);
    if (slash2 != std::string::npos) {
      std::string d = iso.substr(0, slash1), m = iso.substr(slash1 + 1, slash2 - slash1 - 1);
      std::string y = iso.substr(slash2 + 1);
      if (d.size() == 1) d = "0" + d;
      if (m.size() == 1) m = "0" + m;
      iso = y + "-" + m + "-" + d;
    }
  }
  if (!IsIsoDate(iso)) {
    return Status::InvalidArgument("date", "'" + Trim(s).substr(0, 40) +
                                   "' is not a date: write YYYY-MM-DD (e.g. 2024-03-15) or DD/MM/YYYY");
  }
  const int64_t days = DaysFromCivil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                                     std::stoi(iso.substr(8, 2)));
  return days * 86400 - kVietnamOffsetSeconds;
}

}  // namespace tdkt::ctl
