// Looking up a nominee on a session's agenda. Pure.
#pragma once

#include <string>

#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

// The agenda item of `nomination_id`, or null when it is not on the agenda.
inline const ::tdkt::evaluation::v1::AgendaItem* FindAgendaItem(const ::tdkt::evaluation::v1::Session& session,
                                                                const std::string& nomination_id) {
  for (const auto& item : session.agenda()) if (item.nomination_id() == nomination_id) return &item;
  return nullptr;
}

}  // namespace tdkt::evaluation
