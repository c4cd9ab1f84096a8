// What every use case of the evaluation service is given (never globals):
// its storage, the nomination service's client, the clock, and the shared
// checks of who may act where.
#pragma once

#include <initializer_list>
#include <memory>
#include <set>
#include <string>

#include <google/protobuf/timestamp.pb.h>

#include "common/access.h"
#include "common/auth.h"
#include "common/clock.h"
#include "common/nomination_client.h"
#include "services/evaluation/storage/award_register.h"
#include "services/evaluation/storage/council_repository.h"
#include "services/evaluation/storage/criteria_repository.h"
#include "services/evaluation/storage/decision_repository.h"
#include "common/record_store.h"
#include "services/evaluation/storage/session_repository.h"

namespace tdkt::evaluation {

struct EvaluationContext {
  RecordStore& store;
  RequestMemo& memo;
  CouncilRepository& councils;
  SessionRepository& sessions;
  CriteriaRepository& criteria;
  AwardRegister& awards;
  DecisionRepository& decisions;
  NominationClient& nominations;
  const Clock& clock;
  // Public holidays (YYYY-MM-DD) that are not working days for disclosure periods.
  const std::set<std::string>& holidays;

  google::protobuf::Timestamp Now() const {
    google::protobuf::Timestamp t;
    t.set_seconds(clock.NowSeconds());
    return t;
  }
  // PERMISSION_DENIED / NOT_FOUND unless `agency` lies in the caller's subtree.
  Status RequireWithin(const Caller& caller, const std::string& agency) {
    auto tree = nominations.Tree();
    if (!tree.ok()) return tree.status();
    return RequireWithinSubtree(caller, **tree, agency);
  }
};

// Roles that run councils and their sessions: the emulation officer, the
// council secretary, the node administrator.
inline Status RequireStaff(const Caller& caller, const char* action) {
  return RequireRole(caller, {Role::kOfficer, Role::kCouncilSecretary, Role::kAdmin}, action);
}

// Runs a write once per request id: a retry gets the first answer back.
// `fn(const MemoWriter& memo)` passes memo.For(answer) into the atomic step
// that makes its change, so a kill -9 right after that step cannot let a
// retry write twice (tests/scripts/kill_services_test.sh).
template <typename Response, typename Fn>
Result<Response> Idempotent(EvaluationContext& ctx, const Caller& caller, const std::string& method,
                            const std::string& request_id, const google::protobuf::Message& request, Fn&& fn) {
  return RunOnceAtomic<Response>(ctx.memo, caller.subject, method, request_id, request, std::forward<Fn>(fn));
}

// As Idempotent, then `complete(answer)` (the nominee's history note, in the
// nomination service, idempotent by its note id) after the write and on
// every replay, so a crash between the two cannot lose the note.
template <typename Response, typename Fn, typename Complete>
Result<Response> IdempotentThen(EvaluationContext& ctx, const Caller& caller, const std::string& method,
                                const std::string& request_id, const google::protobuf::Message& request, Fn&& fn,
                                Complete&& complete) {
  return RunOnceAtomicThen<Response>(ctx.memo, caller.subject, method, request_id, request, std::forward<Fn>(fn),
                                     std::forward<Complete>(complete));
}

}  // namespace tdkt::evaluation
