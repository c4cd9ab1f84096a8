#include "services/evaluation/domain/eligibility.h"

#include <cctype>
#include <cstdint>

#include <openssl/sha.h>

#include "common/text.h"
#include "services/evaluation/domain/criteria_rules.h"
#include "services/nomination/domain/details_rules.h"

namespace tdkt::evaluation {

namespace nv1 = ::tdkt::nomination::v1;
using ::tdkt::nomination::NormalizeLine;
using ::tdkt::nomination::NormalizeText;

namespace {

constexpr size_t kMaxSourceChars = 2000;
constexpr size_t kMaxDescriptionChars = 5000;

// Folded (lower case, no diacritics) with every run of white space, including
// no-break spaces, made one space and the ends trimmed.
std::string FoldCollapsed(const std::string& s) {
  const std::string folded = text::Fold(s);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = folded[i];
    bool is_space = std::isspace(c) != 0;
    if (c == 0xC2 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0xA0) {
      is_space = true;  // U+00A0 no-break space
      ++i;
    }
    if (is_space) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string KindWord(nv1::NominationKind kind) {
  switch (kind) {
    case nv1::INDIVIDUAL: return "individual";
    case nv1::COLLECTIVE: return "collective";
    case nv1::HOUSEHOLD: return "household";
    default: return "unspecified";
  }
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0x0f];
  }
  return out;
}

std::string JoinYears(const std::vector<int>& years) {
  std::string out;
  for (int y : years) {
    if (!out.empty()) out += ", ";
    out += std::to_string(y);
  }
  return out;
}

// "in each of the 3 years 2023-2025", or "in 2025" for one year.
std::string YearSpan(int first, int last) {
  if (first == last) return "in " + std::to_string(first);
  return "in each of the " + std::to_string(last - first + 1) + " years " + std::to_string(first) + "-" +
         std::to_string(last);
}

void CheckInitiative(const EligibilityFacts& facts, v1::RuleResult& r) {
  int recorded = facts.details.initiatives_size();
  for (const nv1::Initiative& in : facts.details.initiatives()) {
    if (!in.recognised()) continue;
    r.set_passed(true);
    std::string reason = "initiative \"" + in.title() + "\" is recognised";
    if (!in.recognition_ref().empty()) reason += " by " + in.recognition_ref();
    r.set_reason(reason);
    return;
  }
  r.set_passed(false);
  std::string reason = "no initiative of the nominee is recognised yet";
  if (recorded > 0) {
    reason += " (" + std::to_string(recorded) + (recorded == 1 ? " is" : " are") +
              " recorded, none recognised by an authority)";
  }
  r.set_reason(reason);
}

void CheckConsecutive(const v1::EligibilityRule& rule, const EligibilityFacts& facts, v1::RuleResult& r) {
  // The N years immediately before the year of the commendation.
  const int first = facts.year - rule.years();
  const int last = facts.year - 1;
  std::vector<int> held;
  std::vector<int> missing;
  for (int y = first; y <= last; ++y) {
    (facts.awards.count({y, rule.required_title()}) ? held : missing).push_back(y);
  }
  const std::string& title = rule.required_title();
  if (missing.empty()) {
    r.set_passed(true);
    r.set_reason("holds " + title + " " + YearSpan(first, last));
    return;
  }
  r.set_passed(false);
  std::string reason;
  if (held.empty()) {
    reason = "does not hold " + title + " in " + JoinYears(missing);
  } else {
    reason = "holds " + title + " in " + JoinYears(held) + " but not in " + JoinYears(missing);
  }
  r.set_reason(reason + "; needs it " + YearSpan(first, last));
}

void CheckQuota(const v1::EligibilityRule& rule, const EligibilityFacts& facts, v1::RuleResult& r) {
  const std::string year = std::to_string(facts.year);
  if (facts.unit_headcount <= 0) {
    r.set_passed(false);
    r.set_reason("unit headcount for " + year + " is not recorded");
    return;
  }
  const int64_t headcount = facts.unit_headcount;
  const int64_t allowed = int64_t{rule.percent()} * headcount / 100;
  const std::string counts = std::to_string(facts.unit_holders) + " of " + std::to_string(headcount) + " staff " +
                             (facts.unit_holders > 0 ? "already hold " : "hold ") + facts.title_code + " in " + year +
                             "; " + std::to_string(rule.percent()) + "% of " + std::to_string(headcount) +
                             " allows " + std::to_string(allowed);
  // With this nominee the unit may not go over the share.
  r.set_passed((int64_t{facts.unit_holders} + 1) * 100 <= int64_t{rule.percent()} * headcount);
  r.set_reason(r.passed() ? counts + ", so this nominee fits" : counts);
}

void CheckDouble(const EligibilityFacts& facts, v1::RuleResult& r) {
  r.set_passed(!facts.achievement_commended);
  if (r.passed()) {
    r.set_reason("this achievement has not been commended before");
  } else if (facts.achievement_commended_by.empty()) {
    r.set_reason("this achievement was already commended");
  } else {
    r.set_reason("this achievement was already commended by decision " + facts.achievement_commended_by);
  }
}

}  // namespace

Status NormalizeRule(v1::EligibilityRule& rule) {
  if (rule.kind() == v1::RULE_KIND_UNSPECIFIED || !v1::RuleKind_IsValid(rule.kind())) {
    return Status::InvalidArgument("rule.kind", "choose what the rule checks: recognised initiative, consecutive "
                                                "title, headcount quota or no double commendation");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("rule.agency_id", *rule.mutable_agency_id(), 32, false));
  TDKT_RETURN_IF_ERROR(NormalizeLine("rule.title_code", *rule.mutable_title_code(), 64, false));
  if (!rule.title_code().empty() && !IsSlug(rule.title_code())) {
    return Status::InvalidArgument("rule.title_code", "leave empty for every title, or use a title code of "
                                                      "lower-case letters, digits and dashes");
  }
  // Only the parameters of the rule's own kind are kept, so a stored rule
  // never shows a number that is not checked.
  if (rule.kind() == v1::CONSECUTIVE_TITLE) {
    TDKT_RETURN_IF_ERROR(NormalizeLine("rule.required_title", *rule.mutable_required_title(), 64, false));
    if (!IsSlug(rule.required_title())) {
      return Status::InvalidArgument("rule.required_title", "name the title needed in the earlier years by its "
                                                            "code, e.g. chien-si-thi-dua-co-so");
    }
    if (rule.years() < 1 || rule.years() > 20) {
      return Status::InvalidArgument("rule.years", "the number of consecutive years must be between 1 and 20");
    }
  } else {
    rule.clear_required_title();
    rule.clear_years();
  }
  if (rule.kind() == v1::HEADCOUNT_QUOTA) {
    if (rule.percent() < 1 || rule.percent() > 100) {
      return Status::InvalidArgument("rule.percent", "the share of the unit's headcount must be between 1 and 100");
    }
  } else {
    rule.clear_percent();
  }
  TDKT_RETURN_IF_ERROR(NormalizeText("rule.legal_source", *rule.mutable_legal_source(), kMaxSourceChars, false));
  if (rule.legal_source().empty()) {
    return Status::InvalidArgument("rule.legal_source", "say which article or plan the rule comes from");
  }
  TDKT_RETURN_IF_ERROR(NormalizeText("rule.description", *rule.mutable_description(), kMaxDescriptionChars, false));
  return Status::Ok();
}

std::string NomineeKey(const nv1::NominationDetails& details) {
  const std::string code = Trim(details.nominee_code());
  if (!code.empty()) return "code:" + code;
  return "name:" + KindWord(details.kind()) + ":" + Trim(details.agency_id()) + ":" + FoldCollapsed(details.name());
}

std::string AchievementFingerprint(const nv1::NominationDetails& details) {
  // A newline separates the parts: the collapsed text has none, and codes
  // are one line.
  return Sha256Hex(NomineeKey(details) + "\n" + FoldCollapsed(details.achievements()));
}

v1::EligibilityReport CheckEligibility(const std::vector<v1::EligibilityRule>& rules, const EligibilityFacts& facts) {
  v1::EligibilityReport report;
  report.set_title_code(facts.title_code);
  report.set_year(facts.year);
  bool eligible = true;
  for (const v1::EligibilityRule& rule : rules) {
    if (rule.retired()) continue;
    if (!rule.title_code().empty() && rule.title_code() != facts.title_code) continue;
    v1::RuleResult* r = report.add_results();
    *r->mutable_rule() = rule;
    switch (rule.kind()) {
      case v1::RECOGNISED_INITIATIVE: CheckInitiative(facts, *r); break;
      case v1::CONSECUTIVE_TITLE: CheckConsecutive(rule, facts, *r); break;
      case v1::HEADCOUNT_QUOTA: CheckQuota(rule, facts, *r); break;
      case v1::NO_DOUBLE_COMMENDATION: CheckDouble(facts, *r); break;
      default:
        // Stored rules are normalised; a rule of no known kind cannot be
        // judged, and an unjudged rule must not let a nominee through.
        r->set_passed(false);
        r->set_reason("the rule has no kind this service knows; an officer must correct it");
        break;
    }
    eligible = eligible && r->passed();
  }
  report.set_eligible(eligible);
  return report;
}

}  // namespace tdkt::evaluation
