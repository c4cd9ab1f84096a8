// Rules of exchange and honouring events (giao lưu, tôn vinh) and of the
// replication of an exemplar's model (nhân rộng). Pure: no gRPC, no Redis.
// Dates are checked for their form by the caller (CheckDate); exemplars and
// agencies referred to are checked by the caller against the services.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/campaign_media/v1/outreach.pb.h"

namespace tdkt::campaign_media {

namespace cv1 = ::tdkt::campaign_media::v1;

// Audience codes in display order: school, peers, youth, residents,
// enterprises, armed_forces.
const std::vector<std::string>& AudienceCodes();
// Vietnamese label, e.g. "Đoàn viên, thanh niên"; the code itself when unknown.
std::string AudienceLabel(const std::string& code);
// INVALID_ARGUMENT on `field` unless `code` is an audience code.
Status CheckAudience(const std::string& code, const std::string& field);

// Normalises and checks an event's own fields: kind, mode, one-line title,
// audience (at least one, known, no repeats), at least one exemplar,
// attendance 0 or more, place. Errors name "event.<field>".
Status NormalizeEvent(cv1::ExchangeEvent& event);

// Normalises and checks a replication's own fields: exemplar given, an
// adopting agency or a unit name, adopted_date not after `today`
// (YYYY-MM-DD), evidence title, uri and note. Errors name
// "replication.<field>".
Status NormalizeReplication(cv1::Replication& replication, const std::string& today);

}  // namespace tdkt::campaign_media
