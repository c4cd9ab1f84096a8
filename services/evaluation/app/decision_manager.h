// Use cases after the vote: the home-affairs office's appraisal, public
// disclosure and objections, and the decision, which moves the nomination
// through the nomination service (never by writing its keys).
#pragma once

#include "common/auth.h"
#include "services/evaluation/app/context.h"
#include "services/evaluation/app/criteria_manager.h"
#include "services/evaluation/app/session_manager.h"
#include "tdkt/evaluation/v1/decision.pb.h"

namespace tdkt::evaluation {

class DecisionManager {
 public:
  DecisionManager(EvaluationContext& ctx, SessionManager& sessions, CriteriaManager& criteria)
      : ctx_(ctx), sessions_(sessions), criteria_(criteria) {}

  Result<v1::Appraisal> Appraise(const Caller& caller, const v1::AppraiseRequest& request);
  Result<v1::Decision> Decide(const Caller& caller, const v1::DecideRequest& request);
  Result<v1::Decision> Get(const Caller& caller, const v1::GetDecisionRequest& request);
  Result<v1::Disclosure> Disclose(const Caller& caller, const v1::PublishDisclosureRequest& request);
  Result<v1::ListDisclosuresResponse> ListDisclosures(const Caller& caller, const v1::ListDisclosuresRequest& request);
  Result<v1::Objection> Lodge(const Caller& caller, const v1::LodgeObjectionRequest& request);
  Result<v1::Objection> Resolve(const Caller& caller, const v1::ResolveObjectionRequest& request);
  Result<v1::ListObjectionsResponse> ListObjections(const Caller& caller, const v1::ListObjectionsRequest& request);

 private:
  // Checks every condition of the decision; fills `title_name` with the item's.
  Status CheckAllowed(const v1::Session& session, const v1::AgendaItem& item, const v1::Decision& decision);
  // The move in the nomination service, then the stored decision, the award
  // register and the minutes attachment; each step may safely run again.
  Result<v1::Decision> Carry(const Caller& caller, const v1::Session& session, const v1::AgendaItem& item,
                             v1::Decision decision);
  // Appends a note to the nomination's history (idempotent by `note_id`).
  Status Note(const std::string& nomination_id, const std::string& note_id, const std::string& kind,
              const std::string& text);

  EvaluationContext& ctx_;
  SessionManager& sessions_;
  CriteriaManager& criteria_;
};

}  // namespace tdkt::evaluation
