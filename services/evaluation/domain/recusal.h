// Conflict of interest: which members take no part in a nominee's
// evaluation. Pure rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tdkt/evaluation/v1/council.pb.h"
#include "tdkt/evaluation/v1/session.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

// The automatic recusal of `member` for a nominee, if any: IS_NOMINEE when
// the member's personnel_code equals the nominee_code, or (either code
// missing) when an individual nominee's folded name equals the member's and
// they share a unit; SAME_UNIT when the member works in the nominee's unit
// (a non-empty agency_id equal to the nominee's). IS_NOMINEE wins over
// SAME_UNIT; two different codes are two different people.
std::optional<v1::Recusal> AutomaticRecusal(const v1::CouncilMember& member,
                                            const ::tdkt::nomination::v1::NominationDetails& nominee);

// Automatic recusals of every member, in member order.
std::vector<v1::Recusal> AutomaticRecusals(const std::vector<v1::CouncilMember>& members,
                                           const ::tdkt::nomination::v1::NominationDetails& nominee);

// True when `subject` is recused in `item`.
bool IsRecused(const v1::AgendaItem& item, const std::string& subject);

}  // namespace tdkt::evaluation
