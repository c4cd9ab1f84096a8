// The demo data set: two emulation movements and fourteen candidates in real
// units of deploy/data/agencies-demo.json (Hà Nội "01", Khánh Hòa "56" and
// their communes), each with the lifecycle steps demo-data walks it through;
// then emulation-commendation councils (four wards and the province 56) with
// one session each, whose decisions take submitted candidates further.
// Names and achievements are invented for the demo.
//
// Request ids derive from the stable `key`s. The server remembers each id
// with its content, so changing an entry's content needs a new key (or a
// fresh database): an old id with new content is refused.
#pragma once

#include <string>
#include <vector>

#include "tdkt/evaluation/v1/council.pb.h"
#include "tdkt/evaluation/v1/decision.pb.h"
#include "tdkt/evaluation/v1/session.pb.h"
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
  // kDecision: a council's decision on the SUBMITTED candidate, which only
  // the evaluation service records (after ballot and appraisal): the
  // candidate waits there until a DemoSession decides it, then goes on.
  enum class Kind { kMove, kFoster, kFollowUp, kDecision };
  Kind kind = Kind::kMove;
  // kMove: target state; `council` picks the council secretary's token.
  // kDecision: the state the decision moves the candidate to.
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

namespace ev1 = ::tdkt::evaluation::v1;

struct DemoMember {
  std::string subject;  // token subject the demo mints for the member
  std::string full_name;
  ev1::MemberPosition position;
  std::string agency_id;  // not the nominees' unit: that would recuse the member
};

struct DemoCouncil {
  std::string key;  // a council is found again by agency and name
  std::string agency_id;
  std::string name;
  std::string term_start, term_end;  // YYYY-MM-DD
  std::vector<DemoMember> members;
};

struct DemoAgendaEntry {
  std::string candidate_key;  // a DemoCandidate walked to SUBMITTED
  std::string title_code, title_name;
  // One ballot per council member, in member order; empty: none cast.
  std::vector<ev1::BallotChoice> ballots;
  // Appraisal (all items satisfied, so passed); empty: not appraised.
  std::vector<std::string> appraisal_checks;
  std::string appraisal_comments;
  // Decision after the session closed; UNSPECIFIED: none.
  ev1::DecisionOutcome outcome = ev1::DECISION_OUTCOME_UNSPECIFIED;
  std::string decision_number;  // RECOGNISE; the date is the day the session closed
  std::string reason;           // RETURN
};

struct DemoSession {
  std::string key;
  std::string council_key;  // a DemoCouncil key
  std::string title;        // a session is found again by council and title
  std::vector<std::string> absent;  // members not present when it opens
  std::vector<DemoAgendaEntry> agenda;
  bool close = false;  // closed after the ballots; else left IN_PROGRESS
};

const std::vector<DemoMovement>& DemoMovements();
const std::vector<DemoCandidate>& DemoCandidates();
const std::vector<DemoCouncil>& DemoCouncils();
const std::vector<DemoSession>& DemoSessions();

}  // namespace tdkt::ctl
