#include "services/evaluation/app/criteria_manager.h"

#include "common/vn_time.h"
#include "services/evaluation/domain/criteria_rules.h"
#include "services/evaluation/domain/eligibility.h"
#include "services/nomination/domain/details_rules.h"

namespace tdkt::evaluation {
namespace nv1 = ::tdkt::nomination::v1;

namespace {

std::vector<v1::EligibilityRule> NationalRules() {
  std::vector<v1::EligibilityRule> rules(3);
  rules[0].set_kind(v1::CONSECUTIVE_TITLE);
  rules[0].set_title_code("chien-si-thi-dua-toan-quoc");
  rules[0].set_required_title("chien-si-thi-dua-tinh");
  rules[0].set_years(2);
  rules[0].set_legal_source(
      "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 21: hai lần liên tục đạt danh hiệu "
      "Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
  rules[1].set_kind(v1::CONSECUTIVE_TITLE);
  rules[1].set_title_code("chien-si-thi-dua-tinh");
  rules[1].set_required_title("chien-si-thi-dua-co-so");
  rules[1].set_years(3);
  rules[1].set_legal_source(
      "Luật Thi đua, khen thưởng số 06/2022/QH15, điều về Chiến sĩ thi đua bộ, ban, ngành, tỉnh: ba lần "
      "liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở");
  rules[2].set_kind(v1::NO_DOUBLE_COMMENDATION);
  rules[2].set_legal_source(
      "Luật Thi đua, khen thưởng số 06/2022/QH15, nguyên tắc khen thưởng: một thành tích không khen "
      "thưởng nhiều lần");
  return rules;
}

int64_t SubmittedAt(const std::vector<nv1::AuditEntry>& history) {
  int64_t at = -1;
  for (const auto& e : history) {
    if (e.to_state() == nv1::SUBMITTED) at = e.at().seconds();
  }
  return at;
}

}  // namespace

Status CriteriaManager::Initialize() {
  auto versions = ctx_.criteria.Versions("", "");
  if (!versions.ok()) return versions.status();
  if (versions->empty()) {
    v1::CriteriaSet national = NationalCriteriaSet();
    Status s = ctx_.criteria.Publish(national, 0);
    if (!s.ok() && s.code() != Code::kAborted) return s;  // Aborted: another process seeded it.
  }
  auto claimed = ctx_.store.ClaimOnce("national-rules");
  if (!claimed.ok()) return claimed.status();
  if (*claimed) {
    for (auto rule : NationalRules()) {
      TDKT_RETURN_IF_ERROR(NormalizeRule(rule));
      auto id = ctx_.criteria.NewRuleId();
      if (!id.ok()) return id.status();
      rule.set_id(*id);
      TDKT_RETURN_IF_ERROR(ctx_.criteria.PutRule(rule));
    }
  }
  return Status::Ok();
}

Status CriteriaManager::RequireNationalOrWithin(const Caller& caller, const std::string& agency) {
  if (!agency.empty()) return ctx_.RequireWithin(caller, agency);
  // National data: only the administrator of the root node.
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  const AgencyUnit* unit = (*tree)->Find(caller.agency);
  if (caller.role != Role::kAdmin || !unit || !unit->parent_id.empty()) {
    return Status::PermissionDenied("only the administrator of the central node may change national criteria or rules");
  }
  return Status::Ok();
}

Result<v1::CriteriaSet> CriteriaManager::Publish(const Caller& caller, const v1::PublishCriteriaSetRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "publish criteria"));
  v1::CriteriaSet set = request.set();
  TDKT_RETURN_IF_ERROR(NormalizeCriteriaSet(set));
  if (!set.movement_id().empty() && (set.movement_id().size() > 64 ||
                                     set.movement_id().find_first_of(" \t\n:") != std::string::npos)) {
    return Status::InvalidArgument("set.movement_id", "is not a movement id");
  }
  if (request.expected_version() < 0) {
    return Status::InvalidArgument("expected_version", "must be 0 for a new set or the version you read");
  }
  TDKT_RETURN_IF_ERROR(RequireNationalOrWithin(caller, set.agency_id()));
  return Idempotent<v1::CriteriaSet>(ctx_, caller, "PublishCriteriaSet", request.request_id(), request,
                                     [&](const MemoWriter& memo) -> Result<v1::CriteriaSet> {
                                       *set.mutable_in_force_from() = ctx_.Now();
                                       set.set_published_by(caller.subject);
                                       TDKT_RETURN_IF_ERROR(ctx_.criteria.Publish(set, request.expected_version(), memo));
                                       return set;
                                     });
}

Result<v1::CriteriaSet> CriteriaManager::Get(const Caller&, const v1::GetCriteriaSetRequest& request) {
  if (request.version() < 0) return Status::InvalidArgument("version", "must be 0 (in force now) or a version");
  auto versions = ctx_.criteria.Versions(request.agency_id(), request.movement_id());
  if (!versions.ok()) return versions.status();
  if (request.version() == 0) {
    const v1::CriteriaSet* now = VersionInForce(*versions, ctx_.clock.NowSeconds());
    if (now) return *now;
  } else {
    for (const auto& v : *versions) if (v.version() == request.version()) return v;
  }
  return Status::NotFound("no such criteria set or version");
}

Result<v1::ListCriteriaVersionsResponse> CriteriaManager::ListVersions(
    const Caller&, const v1::ListCriteriaVersionsRequest& request) {
  auto versions = ctx_.criteria.Versions(request.agency_id(), request.movement_id());
  if (!versions.ok()) return versions.status();
  v1::ListCriteriaVersionsResponse out;
  for (auto& v : *versions) *out.add_versions() = std::move(v);
  return out;
}

Result<v1::ResolvedCriteria> CriteriaManager::ResolveFor(const nv1::Nomination& nomination, const std::string& agency) {
  auto history = ctx_.nominations.History(nomination.id());
  if (!history.ok()) return history.status();
  int64_t submitted = SubmittedAt(*history);
  if (submitted < 0) {
    return Status::FailedPrecondition("nomination " + nomination.id() + " has not been submitted for evaluation");
  }
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  // From the evaluating agency up to the root, then national: the nearest
  // movement set, else the nearest general set.
  std::vector<std::string> chain;
  for (std::string a = agency; !a.empty();) {
    chain.push_back(a);
    const AgencyUnit* unit = (*tree)->Find(a);
    a = unit ? unit->parent_id : "";
  }
  chain.push_back("");
  std::vector<std::string> movements = {""};
  if (!nomination.details().movement_id().empty()) movements.insert(movements.begin(), nomination.details().movement_id());
  for (const std::string& a : chain) {
    for (const std::string& m : movements) {
      auto versions = ctx_.criteria.Versions(a, m);
      if (!versions.ok()) return versions.status();
      const v1::CriteriaSet* set = VersionInForce(*versions, submitted);
      if (!set) continue;
      v1::ResolvedCriteria out;
      *out.mutable_set() = *set;
      std::vector<std::string> fields(nomination.details().fields().begin(), nomination.details().fields().end());
      for (auto& c : ApplicableCriteria(*set, fields)) *out.add_applicable() = std::move(c);
      out.mutable_submitted_at()->set_seconds(submitted);
      return out;
    }
  }
  return Status::NotFound("no criteria set was in force when the nomination was submitted");
}

Result<v1::ResolvedCriteria> CriteriaManager::Resolve(const Caller& caller, const v1::ResolveCriteriaRequest& request) {
  if (request.nomination_id().empty()) return Status::InvalidArgument("nomination_id", "say which nomination");
  auto nomination = ctx_.nominations.Get(request.nomination_id());
  if (!nomination.ok()) return nomination.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, nomination->current_agency_id()));
  return ResolveFor(*nomination, request.agency_id().empty() ? nomination->current_agency_id() : request.agency_id());
}

Result<std::vector<v1::EligibilityRule>> CriteriaManager::RulesFor(const std::string& agency, bool include_retired) {
  auto all = ctx_.criteria.Rules();
  if (!all.ok()) return all.status();
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  std::vector<v1::EligibilityRule> out;
  for (auto& r : *all) {
    if (r.retired() && !include_retired) continue;
    if (r.agency_id().empty() || (*tree)->IsWithin(r.agency_id(), agency)) out.push_back(std::move(r));
  }
  return out;
}

Result<v1::EligibilityRule> CriteriaManager::PutRule(const Caller& caller, const v1::PutEligibilityRuleRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "set eligibility rules"));
  v1::EligibilityRule rule = request.rule();
  TDKT_RETURN_IF_ERROR(NormalizeRule(rule));
  TDKT_RETURN_IF_ERROR(RequireNationalOrWithin(caller, rule.agency_id()));
  if (!rule.id().empty()) {
    auto all = ctx_.criteria.Rules();
    if (!all.ok()) return all.status();
    bool found = false;
    for (const auto& r : *all) {
      if (r.id() != rule.id()) continue;
      found = true;
      if (r.agency_id() != rule.agency_id()) {
        return Status::InvalidArgument("rule.agency_id", "a rule cannot move to another agency; add a new rule");
      }
    }
    if (!found) return Status::NotFound("eligibility rule " + rule.id() + " does not exist");
  }
  return Idempotent<v1::EligibilityRule>(ctx_, caller, "PutEligibilityRule", request.request_id(), request,
                                         [&](const MemoWriter& memo) -> Result<v1::EligibilityRule> {
                                           if (rule.id().empty()) {
                                             auto id = ctx_.criteria.NewRuleId();
                                             if (!id.ok()) return id.status();
                                             rule.set_id(*id);
                                           }
                                           TDKT_RETURN_IF_ERROR(ctx_.criteria.PutRule(rule, memo));
                                           return rule;
                                         });
}

Result<v1::ListEligibilityRulesResponse> CriteriaManager::ListRules(const Caller& caller,
                                                                    const v1::ListEligibilityRulesRequest& request) {
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, agency));
  auto rules = RulesFor(agency, request.include_retired());
  if (!rules.ok()) return rules.status();
  v1::ListEligibilityRulesResponse out;
  for (auto& r : *rules) *out.add_rules() = std::move(r);
  return out;
}

Result<v1::EligibilityReport> CriteriaManager::EligibilityOf(const nv1::Nomination& nomination,
                                                             const std::string& title_code, int year) {
  const std::string unit = nomination.current_agency_id().empty() ? nomination.details().agency_id()
                                                                   : nomination.current_agency_id();
  auto rules = RulesFor(unit, false);
  if (!rules.ok()) return rules.status();
  EligibilityFacts facts;
  facts.details = nomination.details();
  facts.title_code = title_code;
  facts.year = year;
  const std::string key = NomineeKey(nomination.details());
  auto awards = ctx_.awards.Awards(key);
  if (!awards.ok()) return awards.status();
  facts.awards = std::move(*awards);
  auto headcount = ctx_.awards.Headcount(unit, year);
  if (!headcount.ok()) return headcount.status();
  facts.unit_headcount = *headcount;
  auto holders = ctx_.awards.Holders(unit, year, title_code);
  if (!holders.ok()) return holders.status();
  facts.unit_holders = static_cast<int>(holders->size()) - static_cast<int>(holders->count(key));
  auto commended = ctx_.awards.CommendedBy(AchievementFingerprint(nomination.details()));
  if (!commended.ok()) return commended.status();
  facts.achievement_commended = !commended->empty();
  facts.achievement_commended_by = *commended;
  v1::EligibilityReport report = CheckEligibility(*rules, facts);
  report.set_nomination_id(nomination.id());
  return report;
}

Result<v1::EligibilityReport> CriteriaManager::Check(const Caller& caller, const v1::CheckEligibilityRequest& request) {
  if (request.nomination_id().empty()) return Status::InvalidArgument("nomination_id", "say which nomination");
  if (!IsSlug(request.title_code())) {
    return Status::InvalidArgument("title_code", "give the title's code, e.g. chien-si-thi-dua-co-so");
  }
  if (request.year() != 0 && (request.year() < 2000 || request.year() > 2100)) {
    return Status::InvalidArgument("year", "must be between 2000 and 2100");
  }
  auto nomination = ctx_.nominations.Get(request.nomination_id());
  if (!nomination.ok()) return nomination.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, nomination->current_agency_id()));
  int year = request.year() ? request.year() : VietnamYear(ctx_.clock.NowSeconds());
  return EligibilityOf(*nomination, request.title_code(), year);
}

Result<v1::AwardRecord> CriteriaManager::RecordAward(const Caller& caller, const v1::RecordAwardRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "record an earlier award"));
  if (request.nomination_id().empty()) return Status::InvalidArgument("nomination_id", "say whose award it is");
  v1::AwardRecord award = request.award();
  if (!IsSlug(award.title_code())) return Status::InvalidArgument("award.title_code", "give the title's code");
  if (award.year() < 1945 || award.year() > 2100) return Status::InvalidArgument("award.year", "must be a year");
  std::string number = award.decision_number();
  TDKT_RETURN_IF_ERROR(nomination::NormalizeLine("award.decision_number", number, 100, true));
  award.set_decision_number(number);
  auto nomination = ctx_.nominations.Get(request.nomination_id());
  if (!nomination.ok()) return nomination.status();
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, nomination->current_agency_id()));
  award.set_nominee_key(NomineeKey(nomination->details()));
  award.set_nomination_id(nomination->id());
  award.set_agency_id(nomination->current_agency_id());
  return Idempotent<v1::AwardRecord>(ctx_, caller, "RecordAward", request.request_id(), request,
                                     [&](const MemoWriter& memo) -> Result<v1::AwardRecord> {
                                       TDKT_RETURN_IF_ERROR(ctx_.awards.Record(award, memo));
                                       return award;
                                     });
}

Result<v1::Headcount> CriteriaManager::SetHeadcount(const Caller& caller, const v1::SetHeadcountRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kOfficer, Role::kAdmin}, "record a headcount"));
  if (request.agency_id().empty()) return Status::InvalidArgument("agency_id", "say which unit");
  if (request.year() < 2000 || request.year() > 2100) return Status::InvalidArgument("year", "must be between 2000 and 2100");
  if (request.headcount() < 1 || request.headcount() > 1000000) {
    return Status::InvalidArgument("headcount", "must be between 1 and 1,000,000");
  }
  TDKT_RETURN_IF_ERROR(ctx_.RequireWithin(caller, request.agency_id()));
  TDKT_RETURN_IF_ERROR(ctx_.awards.SetHeadcount(request.agency_id(), request.year(), request.headcount()));
  v1::Headcount out;
  out.set_agency_id(request.agency_id());
  out.set_year(request.year());
  out.set_headcount(request.headcount());
  return out;
}

}  // namespace tdkt::evaluation
