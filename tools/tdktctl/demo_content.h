// The demo data set: two emulation movements and twelve candidates in real
// units of deploy/data/agencies-demo.json (Hà Nội "01", Khánh Hòa "56" and
// their communes), each with the lifecycle steps demo-data walks it through.
// Names and achievements are invented for the demo.
//
// Request ids derive from the stable `key`s. The server remembers each id
// with its content, so changing an entry's content needs a new key (or a
// fresh database): an old id with new content is refused.
#pragma once

#include <string>
#include <vector>

#include "tools/tdktctl/values.h"

namespace tdkt::ctl {

struct DemoMovement {
  std::string key;
  std::string agency_id;
  std::string name;
  std::string start, end;  // YYYY-MM-DD
  std::vector<std::string> goals;
};

struct DemoStep {
  enum class Kind { kMove, kFoster, kFollowUp };
  Kind kind = Kind::kMove;
  // kMove: target state; `council` picks the council secretary's token.
  v1::NominationState to = v1::NOMINATION_STATE_UNSPECIFIED;
  bool council = false;
  std::string text;  // kMove: reason; kFollowUp: note
  std::string date;  // kFoster: target date; kFollowUp: date
  std::vector<std::string> measures, shortcomings;  // kFoster
  std::string responsible;                          // kFoster
};

struct DemoCandidate {
  std::string key;
  v1::NominationKind kind;
  std::string name;
  std::string agency_id;
  std::vector<std::string> fields;
  std::string movement_key;  // a DemoMovement key, or empty
  std::string achievements;
  std::string discovered_by;
  std::string discovered_at;  // YYYY-MM-DD
  std::vector<std::string> initiatives;
  std::vector<DemoStep> steps;  // in order, starting from DISCOVERED
};

const std::vector<DemoMovement>& DemoMovements();
const std::vector<DemoCandidate>& DemoCandidates();

}  // namespace tdkt::ctl
