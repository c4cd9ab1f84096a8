// The exemplar lifecycle as an explicit state machine (discover, foster,
// evaluate, replicate). Pure rules: no storage, no RPC.
#pragma once

#include <string>
#include <vector>

#include "common/auth.h"
#include "common/status.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::nomination {

using State = ::tdkt::nomination::v1::NominationState;

// Lower-case English name, e.g. "submitted"; used in keys, logs and errors.
std::string StateName(State state);

// True for states no transition leaves (rejected, withdrawn, revoked).
bool IsFinal(State state);

// True when the move exists at all, whoever asks.
bool IsAllowedTransition(State from, State to);

// The states reachable from `from`.
std::vector<State> NextStates(State from);

// Full check: the move exists, `role` may make it, and a reason is given
// where one is required (returned, rejected, withdrawn, revoked).
// FAILED_PRECONDITION for an illegal move, PERMISSION_DENIED for a wrong
// role, INVALID_ARGUMENT (field "reason") for a missing reason.
Status CheckTransition(State from, State to, Role role, const std::string& reason);

}  // namespace tdkt::nomination
