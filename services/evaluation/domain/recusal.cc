#include "services/evaluation/domain/recusal.h"

#include <cctype>

#include "common/text.h"

namespace tdkt::evaluation {

namespace nv1 = ::tdkt::nomination::v1;

namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Folded, with runs of spaces collapsed, so "Nguyễn  Văn An" equals "nguyen van an".
std::string FoldedName(const std::string& name) {
  std::string out;
  for (char c : text::Fold(name)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

v1::Recusal Make(const v1::CouncilMember& member, v1::RecusalReason reason) {
  v1::Recusal r;
  r.set_subject(member.subject());
  r.set_full_name(member.full_name());
  r.set_reason(reason);
  return r;
}

}  // namespace

std::optional<v1::Recusal> AutomaticRecusal(const v1::CouncilMember& member, const nv1::NominationDetails& nominee) {
  const std::string member_code = Trim(member.personnel_code());
  const std::string nominee_code = Trim(nominee.nominee_code());
  const std::string unit = Trim(member.agency_id());
  const bool same_unit = !unit.empty() && unit == Trim(nominee.agency_id());

  // Codes identify people; names only stand in when a code is missing, and
  // only for a person (a collective or household is never a member by name).
  if (!member_code.empty() && !nominee_code.empty()) {
    if (member_code == nominee_code) return Make(member, v1::IS_NOMINEE);
  } else if (nominee.kind() == nv1::INDIVIDUAL && same_unit) {
    const std::string name = FoldedName(member.full_name());
    if (!name.empty() && name == FoldedName(nominee.name())) return Make(member, v1::IS_NOMINEE);
  }
  if (same_unit) return Make(member, v1::SAME_UNIT);
  return std::nullopt;
}

std::vector<v1::Recusal> AutomaticRecusals(const std::vector<v1::CouncilMember>& members,
                                           const nv1::NominationDetails& nominee) {
  std::vector<v1::Recusal> out;
  for (const v1::CouncilMember& m : members) {
    if (auto r = AutomaticRecusal(m, nominee)) out.push_back(std::move(*r));
  }
  return out;
}

bool IsRecused(const v1::AgendaItem& item, const std::string& subject) {
  for (const v1::Recusal& r : item.recusals()) {
    if (r.subject() == subject) return true;
  }
  return false;
}

}  // namespace tdkt::evaluation
