// The minutes of a council session (biên bản họp), rendered as text or HTML
// from what the service recorded. Pure rendering: no storage.
#pragma once

#include <string>
#include <vector>

#include "tdkt/evaluation/v1/decision.pb.h"
#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

struct MinutesInput {
  v1::Session session;
  std::string council_name;
  v1::SessionResults results;          // Tallies present once closed.
  std::vector<v1::Decision> decisions; // Decisions taken so far.
};

// Vietnamese minutes: session and council, attendance (present, absent),
// recusals per nominee with reasons, tally per nominee with the threshold
// and its legal source, and the decision per nominee. Never how a member
// voted.
std::string RenderMinutesText(const MinutesInput& input);
// The same content as a standalone HTML page, every value escaped.
std::string RenderMinutesHtml(const MinutesInput& input);

}  // namespace tdkt::evaluation
