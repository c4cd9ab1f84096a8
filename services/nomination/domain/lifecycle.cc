#include "services/nomination/domain/lifecycle.h"

#include <utility>

namespace tdkt::nomination {

namespace {

// Who makes a move: the unit's officer; the council side (its secretary, or
// another node or service acting for the council); or the council's vote,
// which only the evaluation service (role node) records, after a secret
// ballot, appraisal and the other checks of a decision.
enum class Actor { kUnit, kCouncil, kCouncilVote };

struct Move {
  State from;
  State to;
  Actor actor;
};

const std::vector<Move>& Moves() {
  static const std::vector<Move> moves = {
      {v1::DISCOVERED, v1::FOSTERING, Actor::kUnit},
      {v1::DISCOVERED, v1::SUBMITTED, Actor::kUnit},
      {v1::DISCOVERED, v1::WITHDRAWN, Actor::kUnit},
      {v1::FOSTERING, v1::SUBMITTED, Actor::kUnit},
      {v1::FOSTERING, v1::WITHDRAWN, Actor::kUnit},
      {v1::RETURNED, v1::FOSTERING, Actor::kUnit},
      {v1::RETURNED, v1::SUBMITTED, Actor::kUnit},
      {v1::RETURNED, v1::WITHDRAWN, Actor::kUnit},
      {v1::SUBMITTED, v1::RECOGNISED, Actor::kCouncilVote},
      {v1::SUBMITTED, v1::RETURNED, Actor::kCouncil},
      {v1::SUBMITTED, v1::REJECTED, Actor::kCouncilVote},
      {v1::SUBMITTED, v1::PROPOSED, Actor::kCouncilVote},
      {v1::PROPOSED, v1::RECOGNISED, Actor::kCouncil},
      {v1::PROPOSED, v1::RETURNED, Actor::kCouncil},
      {v1::PROPOSED, v1::REJECTED, Actor::kCouncil},
      {v1::RECOGNISED, v1::REPLICATING, Actor::kUnit},
      {v1::RECOGNISED, v1::PROPOSED, Actor::kCouncil},
      {v1::RECOGNISED, v1::REVOKED, Actor::kCouncil},
      {v1::REPLICATING, v1::PROPOSED, Actor::kCouncil},
      {v1::REPLICATING, v1::REVOKED, Actor::kCouncil},
  };
  return moves;
}

bool RoleActsAs(Role role, Actor actor) {
  if (role == Role::kNode) return true;  // service to service, on the council's behalf
  if (actor == Actor::kUnit) return role == Role::kOfficer;
  if (actor == Actor::kCouncilVote) return false;
  return role == Role::kCouncilSecretary;
}

bool NeedsReason(State to) {
  return to == v1::RETURNED || to == v1::REJECTED || to == v1::WITHDRAWN || to == v1::REVOKED;
}

}  // namespace

std::string StateName(State state) {
  switch (state) {
    case v1::DISCOVERED: return "discovered";
    case v1::FOSTERING: return "fostering";
    case v1::SUBMITTED: return "submitted";
    case v1::RECOGNISED: return "recognised";
    case v1::RETURNED: return "returned";
    case v1::REJECTED: return "rejected";
    case v1::PROPOSED: return "proposed";
    case v1::REPLICATING: return "replicating";
    case v1::WITHDRAWN: return "withdrawn";
    case v1::REVOKED: return "revoked";
    default: return "unspecified";
  }
}

bool IsFinal(State state) { return NextStates(state).empty(); }

bool IsAllowedTransition(State from, State to) {
  for (const Move& m : Moves()) if (m.from == from && m.to == to) return true;
  return false;
}

std::vector<State> NextStates(State from) {
  std::vector<State> out;
  for (const Move& m : Moves()) if (m.from == from) out.push_back(m.to);
  return out;
}

Status CheckTransition(State from, State to, Role role, const std::string& reason) {
  if (to == v1::NOMINATION_STATE_UNSPECIFIED || !v1::NominationState_IsValid(to)) {
    return Status::InvalidArgument("to_state", "choose the state to move the candidate to");
  }
  const Move* move = nullptr;
  for (const Move& m : Moves()) if (m.from == from && m.to == to) move = &m;
  if (!move) {
    std::string allowed;
    for (State s : NextStates(from)) allowed += (allowed.empty() ? "" : ", ") + StateName(s);
    return Status::FailedPrecondition("a candidate that is " + StateName(from) + " cannot become " +
                                      StateName(to) + "; allowed next: " +
                                      (allowed.empty() ? "none (final state)" : allowed));
  }
  if (move->actor == Actor::kCouncilVote && role != Role::kNode) {
    return Status::PermissionDenied("a submitted candidate becomes " + StateName(to) +
                                    " only by the council's decision, recorded through the evaluation service "
                                    "(secret ballot, appraisal, DecisionService.Decide)");
  }
  if (!RoleActsAs(role, move->actor)) {
    return Status::PermissionDenied("the role '" + RoleName(role) + "' may not move a candidate from " +
                                    StateName(from) + " to " + StateName(to));
  }
  if (NeedsReason(to) && reason.empty()) {
    return Status::InvalidArgument("reason", "give the reason for moving the candidate to " + StateName(to));
  }
  return Status::Ok();
}

}  // namespace tdkt::nomination
