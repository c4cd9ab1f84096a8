// Rules of writing and reportage contests (cuộc thi viết, phóng sự): what a
// contest and an entry must hold, when entries close (end of the deadline
// day, Vietnam time), a juror's sheet checked and weighed with the suite's
// rubric scoring (common/scoring.h), and the ranking of entries. Pure rules.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/scoring.h"
#include "common/status.h"
#include "tdkt/campaign_media/v1/contest.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

// Checks and normalises (NFC, trimmed) what the organiser writes: kind,
// title (one line, no markup, <= 300), rules, entry_deadline (YYYY-MM-DD),
// criteria (>= 1; code a-z0-9-, unique; name; weight > 0; max_score 1..100),
// jury (>= 1 subject, no repeats), prizes 0..100. Fields "contest.*".
Status NormalizeContest(cv1::Contest& contest);

// Checks and normalises an entry: title, author_name, body required; uri
// and author_unit optional. Fields "entry.*". Exemplars are checked by the
// caller (they live in the nomination service).
Status NormalizeEntry(cv1::ContestEntry& entry);

// First second after the deadline day ends in Vietnam (entries are taken
// while now < this). `date` must be a valid YYYY-MM-DD.
int64_t EntriesCloseAt(const std::string& date);

// The contest's rubric for common scoring.
std::vector<scoring::Criterion> RubricOf(const cv1::Contest& contest);
scoring::Sheet SheetOf(const google::protobuf::RepeatedPtrField<cv1::EntryScore>& scores);

// A juror's sheet against the rubric: INVALID_ARGUMENT on "scores",
// "scores[i].code" or "scores[i].score" with a Vietnamese message.
Status CheckJurorSheet(const cv1::Contest& contest, const scoring::Sheet& sheet);

// Results, best first. The key is normalised_total when the contest
// normalises, mean_total otherwise; equal keys (within 1e-9) share a rank
// (1, 2, 2, 4); entries nobody scored come last, share the last rank and
// win nothing; prize = rank <= prizes. `entries` in submission order, which
// also orders ties. sheets[entry_id][juror].
std::vector<cv1::EntryResult> RankEntries(const cv1::Contest& contest, const std::vector<cv1::ContestEntry>& entries,
                                          const scoring::Sheets& sheets);

}  // namespace tdkt::campaign_media
