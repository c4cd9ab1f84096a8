// Use cases of council sessions: agenda, attendance and quorum, recusals,
// rubric scores, secret ballots, closing and results. Keeps ballot secrecy:
// nothing it returns, logs or counts ties a member to a choice.
#pragma once

#include <map>

#include "common/auth.h"
#include "services/evaluation/app/context.h"
#include "services/evaluation/app/criteria_manager.h"
#include "services/evaluation/domain/scoring.h"
#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

class SessionManager {
 public:
  SessionManager(EvaluationContext& ctx, CriteriaManager& criteria) : ctx_(ctx), criteria_(criteria) {}

  Result<v1::Session> Create(const Caller& caller, const v1::CreateSessionRequest& request);
  Result<v1::Session> AddAgendaItem(const Caller& caller, const v1::AddAgendaItemRequest& request);
  Result<v1::Session> Open(const Caller& caller, const v1::OpenSessionRequest& request);
  Result<v1::Session> DeclareConflict(const Caller& caller, const v1::DeclareConflictRequest& request);
  Result<v1::ScoreSheetAck> Score(const Caller& caller, const v1::ScoreNomineeRequest& request);
  Result<v1::BallotReceipt> Cast(const Caller& caller, const v1::CastBallotRequest& request);
  Result<v1::Session> Close(const Caller& caller, const v1::CloseSessionRequest& request);
  Result<v1::Session> Get(const Caller& caller, const v1::GetSessionRequest& request);
  Result<v1::ListSessionsResponse> List(const Caller& caller, const v1::ListSessionsRequest& request);
  Result<v1::SessionResults> Results(const Caller& caller, const v1::GetResultsRequest& request);
  Result<v1::ListBallotsResponse> Ballots(const Caller& caller, const v1::ListBallotsRequest& request);
  Result<v1::VerifyReceiptResponse> Verify(const Caller& caller, const v1::VerifyReceiptRequest& request);
  Result<v1::Minutes> Minutes(const Caller& caller, const v1::GetMinutesRequest& request);

  // For the decision use cases: the session (readable by the caller), and
  // its results (frozen ones once closed).
  Result<v1::Session> Load(const Caller& caller, const std::string& id);
  Result<v1::SessionResults> ResultsOf(const v1::Session& session);

 private:
  // Loads a session the caller may see: staff and readers inside the
  // council's agency subtree, or one of its members.
  Result<v1::Session> LoadReadable(const Caller& caller, const std::string& id);
  // Loads a session for staff work (`action`, in words): the caller's role is
  // staff and the council's agency lies in the caller's subtree.
  Result<v1::Session> LoadForStaff(const Caller& caller, const std::string& id, const char* action);
  // The calling member, or PERMISSION_DENIED.
  Result<v1::CouncilMember> RequireMember(const Caller& caller, const v1::Session& session);
  // Re-reads and re-applies `change` when another writer got there first;
  // `also` and `memo` go into the stored version's atomic step.
  Result<v1::Session> UpdateWithRetry(const std::string& id, const std::function<Status(v1::Session&)>& change,
                                      const std::vector<IndexOp>& also = {}, const MemoWriter& memo = MemoWriter());
  Result<v1::Tally> TallyOf(const v1::Session& session, const v1::AgendaItem& item);
  Result<std::map<std::string, NomineeCriteria>> CriteriaOf(const v1::Session& session);
  Result<v1::SessionResults> Compute(const v1::Session& session, bool with_tally);
  Status FillBallotCounts(v1::Session& session);

  EvaluationContext& ctx_;
  CriteriaManager& criteria_;
};

}  // namespace tdkt::evaluation
