// The anniversary calendar (ngày kỷ niệm): the national anniversaries every
// agency plans around (from code, never stored) and the occurrences of a
// calendar in a given year. Pure rules.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/campaign_media/v1/campaign.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

// The national anniversaries, ids "national-MM-DD", in calendar order.
const std::vector<cv1::Anniversary>& NationalAnniversaries();
// The national anniversary with `id`, or null.
const cv1::Anniversary* FindNational(const std::string& id);

bool IsLeapYear(int year);
// True for a "MM-DD" that occurs in some year ("02-29" included).
bool IsMonthDay(const std::string& month_day);

// Normalises and checks an anniversary an agency adds: month_day, a
// one-line name, since_year 0 or 1..`current_year`, description. Errors
// name "anniversary.<field>".
Status NormalizeAnniversary(cv1::Anniversary& anniversary, int current_year);

// The anniversaries falling in `year`, in date order (national first on the
// same day), with the years since since_year. "02-29" only in leap years.
std::vector<cv1::AnniversaryOccurrence> OccurrencesIn(const std::vector<cv1::Anniversary>& calendar, int year);

}  // namespace tdkt::campaign_media
