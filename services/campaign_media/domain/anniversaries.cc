#include "services/campaign_media/domain/anniversaries.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "services/campaign_media/domain/campaign_rules.h"

namespace tdkt::campaign_media {
namespace {

cv1::Anniversary National(const char* month_day, const char* name, int since) {
  cv1::Anniversary a;
  a.set_id(std::string("national-") + month_day);
  a.set_month_day(month_day);
  a.set_name(name);
  a.set_since_year(since);
  a.set_national(true);
  return a;
}

int DaysIn(int month, bool leap) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && !leap) return 28;
  return kDays[month - 1];
}

}  // namespace

const std::vector<cv1::Anniversary>& NationalAnniversaries() {
  static const std::vector<cv1::Anniversary> all = {
      National("02-03", "Ngày thành lập Đảng Cộng sản Việt Nam", 1930),
      National("04-30", "Ngày giải phóng miền Nam, thống nhất đất nước", 1975),
      National("05-19", "Ngày sinh Chủ tịch Hồ Chí Minh", 1890),
      National("06-11", "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc", 1948),
      National("09-02", "Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 1945),
  };
  return all;
}

const cv1::Anniversary* FindNational(const std::string& id) {
  for (const auto& a : NationalAnniversaries()) {
    if (a.id() == id) return &a;
  }
  return nullptr;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsMonthDay(const std::string& md) {
  if (md.size() != 5 || md[2] != '-') return false;
  for (int i : {0, 1, 3, 4}) {
    if (md[i] < '0' || md[i] > '9') return false;
  }
  const int month = std::atoi(md.substr(0, 2).c_str());
  const int day = std::atoi(md.substr(3, 2).c_str());
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysIn(month, true);
}

Status NormalizeAnniversary(cv1::Anniversary& a, int current_year) {
  if (!IsMonthDay(a.month_day())) {
    return Status::InvalidArgument("anniversary.month_day", "ngày kỷ niệm phải viết MM-DD (vd. 06-11)");
  }
  TDKT_RETURN_IF_ERROR(NormalizeTitle(a.mutable_name(), "anniversary.name"));
  if (a.since_year() < 0 || a.since_year() > current_year) {
    return Status::InvalidArgument("anniversary.since_year",
                                   "năm diễn ra sự kiện phải từ 1 đến " + std::to_string(current_year) +
                                       " (0 khi chưa rõ)");
  }
  return NormalizeText(a.mutable_description(), "anniversary.description", false, 2000);
}

std::vector<cv1::AnniversaryOccurrence> OccurrencesIn(const std::vector<cv1::Anniversary>& calendar, int year) {
  std::vector<cv1::AnniversaryOccurrence> out;
  for (const auto& a : calendar) {
    if (!IsMonthDay(a.month_day())) continue;
    if (a.month_day() == "02-29" && !IsLeapYear(year)) continue;
    cv1::AnniversaryOccurrence o;
    *o.mutable_anniversary() = a;
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%s", year, a.month_day().c_str());
    o.set_date(date);
    o.set_years(a.since_year() > 0 && year >= a.since_year() ? year - a.since_year() : 0);
    out.push_back(std::move(o));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    if (x.date() != y.date()) return x.date() < y.date();
    return x.anniversary().national() && !y.anniversary().national();
  });
  return out;
}

}  // namespace tdkt::campaign_media
