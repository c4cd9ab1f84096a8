#include "services/evaluation/domain/council_rules.h"

#include <cstdint>
#include <set>

#include "common/vn_time.h"
#include "services/evaluation/domain/criteria_rules.h"
#include "services/nomination/domain/details_rules.h"

namespace tdkt::evaluation {

using ::tdkt::nomination::NormalizeLine;
using ::tdkt::nomination::NormalizeText;

namespace {

constexpr int kDefaultQuorumPercent = 67;
constexpr int kDefaultDisclosureWorkingDays = 10;
constexpr int kMaxMembers = 200;
constexpr int kMaxThresholds = 100;
constexpr size_t kMaxNameChars = 300;
constexpr size_t kMaxSourceChars = 2000;

// Decree 91/2017/NĐ-CP Art. 45(8) is the only voting rule whose wording was
// confirmed; the Decree 98/2023 wording that replaced it was not. The
// sources say so, so a council knows what to check and record.
constexpr const char* kDecree91Source =
    "Mức của khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP: bỏ phiếu kín, tỷ lệ phiếu đồng ý từ 90% trở lên "
    "tính trên tổng số thành viên Hội đồng (thành viên vắng mặt cho ý kiến bằng văn bản). Giữ mức này "
    "cho đến khi Hội đồng ghi nhận quy định tương ứng của Nghị định 98/2023/NĐ-CP mà Hội đồng áp dụng.";
constexpr const char* kOtherTitlesSource =
    "Chưa xác nhận được ngưỡng quốc gia cho danh hiệu này. Tạm áp dụng mức từ 90% trở lên tính trên "
    "tổng số thành viên Hội đồng (mức của khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP) cho đến khi quy chế "
    "của Hội đồng quy định ngưỡng riêng.";
constexpr const char* kQuorumSource =
    "Số thành viên dự họp tối thiểu: hai phần ba (67%), theo mức Điều 47 Nghị định 98/2023/NĐ-CP quy "
    "định cho Hội đồng Thi đua - Khen thưởng Trung ương; quy chế của Hội đồng có thể quy định khác.";
constexpr const char* kDisclosureSource =
    "Công khai danh sách đề nghị ít nhất 10 ngày làm việc trước khi quyết định: khoản 2 Điều 46 "
    "Nghị định 98/2023/NĐ-CP.";

std::string Index(const std::string& base, int i) { return base + "[" + std::to_string(i) + "]"; }

v1::VoteThreshold Threshold(const char* title, const char* source) {
  v1::VoteThreshold t;
  t.set_title_code(title);
  t.set_percent(90);
  t.set_basis(v1::ALL_MEMBERS);
  t.set_legal_source(source);
  return t;
}

Status NormalizeMember(const std::string& base, v1::CouncilMember& m) {
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".subject", *m.mutable_subject(), 128, false));
  if (m.subject().empty()) {
    return Status::InvalidArgument(base + ".subject", "each member needs the login they sign in with");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".full_name", *m.mutable_full_name(), kMaxNameChars, false));
  if (m.full_name().empty()) {
    return Status::InvalidArgument(base + ".full_name", "each member needs a full name, as the minutes show it");
  }
  if (m.position() == v1::MEMBER_POSITION_UNSPECIFIED || !v1::MemberPosition_IsValid(m.position())) {
    return Status::InvalidArgument(base + ".position", "choose the member's position: chair, vice chair, "
                                                       "secretary or member");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".agency_id", *m.mutable_agency_id(), 32, false));
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".personnel_code", *m.mutable_personnel_code(), 80, false));
  return Status::Ok();
}

Status NormalizeThreshold(const std::string& base, v1::VoteThreshold& t) {
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".title_code", *t.mutable_title_code(), 64, false));
  if (t.title_code() != "*" && !IsSlug(t.title_code())) {
    return Status::InvalidArgument(base + ".title_code", "use \"*\" for every title, or a title code of "
                                                         "lower-case letters, digits and dashes");
  }
  if (t.percent() < 1 || t.percent() > 100) {
    return Status::InvalidArgument(base + ".percent", "the share of agree ballots must be between 1 and 100");
  }
  if (t.basis() == v1::THRESHOLD_BASIS_UNSPECIFIED || !v1::ThresholdBasis_IsValid(t.basis())) {
    return Status::InvalidArgument(base + ".basis", "say whether the share is counted over all members or over "
                                                    "the members taking part");
  }
  TDKT_RETURN_IF_ERROR(NormalizeText(base + ".legal_source", *t.mutable_legal_source(), kMaxSourceChars, false));
  if (t.legal_source().empty()) {
    return Status::InvalidArgument(base + ".legal_source", "say which article or rule sets this threshold");
  }
  return Status::Ok();
}

}  // namespace

std::vector<v1::VoteThreshold> DefaultThresholds() {
  return {
      Threshold("chien-si-thi-dua-toan-quoc", kDecree91Source),
      Threshold("chien-si-thi-dua-tinh", kDecree91Source),
      Threshold("anh-hung-lao-dong", kDecree91Source),
      // Art. 45(8) names the armed-forces hero title too.
      Threshold("anh-hung-luc-luong-vu-trang-nhan-dan", kDecree91Source),
      Threshold("*", kOtherTitlesSource),
  };
}

Status NormalizeCouncil(v1::Council& council) {
  TDKT_RETURN_IF_ERROR(NormalizeLine("council.agency_id", *council.mutable_agency_id(), 32, true));
  TDKT_RETURN_IF_ERROR(NormalizeLine("council.name", *council.mutable_name(), 500, false));

  if (council.members_size() < 3) {
    return Status::InvalidArgument("council.members", "a council needs at least 3 members; it has " +
                                                          std::to_string(council.members_size()));
  }
  if (council.members_size() > kMaxMembers) {
    return Status::InvalidArgument("council.members", "at most " + std::to_string(kMaxMembers) + " members");
  }
  std::set<std::string> subjects;
  int chairs = 0;
  for (int i = 0; i < council.members_size(); ++i) {
    const std::string base = Index("council.members", i);
    v1::CouncilMember& m = *council.mutable_members(i);
    TDKT_RETURN_IF_ERROR(NormalizeMember(base, m));
    if (!subjects.insert(m.subject()).second) {
      return Status::InvalidArgument(base + ".subject", "the login '" + m.subject() +
                                                            "' belongs to an earlier member; each member once");
    }
    if (m.position() == v1::CHAIR) ++chairs;
  }
  if (chairs != 1) {
    return Status::InvalidArgument("council.members", chairs == 0
                                                          ? "name one member as chair"
                                                          : std::to_string(chairs) +
                                                                " members are named chair; a council has exactly one");
  }

  if (!IsIsoDate(council.term_start())) {
    return Status::InvalidArgument("council.term_start", "must be a date written YYYY-MM-DD");
  }
  if (!IsIsoDate(council.term_end())) {
    return Status::InvalidArgument("council.term_end", "must be a date written YYYY-MM-DD");
  }
  if (council.term_end() < council.term_start()) {
    return Status::InvalidArgument("council.term_end", "must not be before the start of the term");
  }

  // 0 is "not set" in proto3; the defaults carry their sources into
  // rules_source when the council gives none.
  std::string default_sources;
  if (council.quorum_percent() == 0) {
    council.set_quorum_percent(kDefaultQuorumPercent);
    default_sources += kQuorumSource;
  }
  if (council.quorum_percent() < 1 || council.quorum_percent() > 100) {
    return Status::InvalidArgument("council.quorum_percent",
                                   "the share of members who must attend must be between 1 and 100");
  }
  if (council.disclosure_working_days() == 0) {
    council.set_disclosure_working_days(kDefaultDisclosureWorkingDays);
    if (!default_sources.empty()) default_sources += " ";
    default_sources += kDisclosureSource;
  }
  if (council.disclosure_working_days() < 0 || council.disclosure_working_days() > 60) {
    return Status::InvalidArgument("council.disclosure_working_days", "must be between 0 and 60 working days");
  }
  TDKT_RETURN_IF_ERROR(NormalizeText("council.rules_source", *council.mutable_rules_source(), kMaxSourceChars, false));
  if (council.rules_source().empty()) council.set_rules_source(default_sources);

  if (council.thresholds().empty()) {
    for (v1::VoteThreshold& t : DefaultThresholds()) *council.add_thresholds() = std::move(t);
  }
  if (council.thresholds_size() > kMaxThresholds) {
    return Status::InvalidArgument("council.thresholds", "at most " + std::to_string(kMaxThresholds) + " thresholds");
  }
  std::set<std::string> titles;
  for (int i = 0; i < council.thresholds_size(); ++i) {
    const std::string base = Index("council.thresholds", i);
    TDKT_RETURN_IF_ERROR(NormalizeThreshold(base, *council.mutable_thresholds(i)));
    if (!titles.insert(council.thresholds(i).title_code()).second) {
      return Status::InvalidArgument(base + ".title_code", "'" + council.thresholds(i).title_code() +
                                                               "' already has a threshold; one per title");
    }
  }
  if (titles.count("*") == 0) {
    return Status::InvalidArgument("council.thresholds",
                                   "add a \"*\" entry: the threshold for every title without its own");
  }
  return Status::Ok();
}

v1::VoteThreshold ThresholdFor(const std::vector<v1::VoteThreshold>& thresholds, const std::string& title_code) {
  const v1::VoteThreshold* any = nullptr;
  for (const v1::VoteThreshold& t : thresholds) {
    if (t.title_code() == title_code) return t;
    if (t.title_code() == "*") any = &t;
  }
  if (any != nullptr) return *any;
  // A normalised council always has "*"; should a list lack it, fall back to
  // the national defaults rather than to an empty (0%) threshold.
  return ThresholdFor(DefaultThresholds(), title_code);
}

namespace {
// The attending share rounded to a whole percent (half up), so that 67%
// means "two thirds": 6 of 9 is 66.7%, which rounds to 67.
int64_t RoundedShare(int64_t present, int64_t members) { return (present * 200 + members) / (2 * members); }
}  // namespace

Status CheckQuorum(int present, int members, int quorum_percent) {
  if (members <= 0) return Status::FailedPrecondition("the council has no members");
  if (RoundedShare(present, members) >= quorum_percent) return Status::Ok();
  int64_t needed = present;
  while (needed < members && RoundedShare(needed, members) < quorum_percent) ++needed;
  return Status::FailedPrecondition("quorum not met: " + std::to_string(present) + " of " + std::to_string(members) +
                                    " members attend, at least " + std::to_string(needed) + " (" +
                                    std::to_string(quorum_percent) + "%) must");
}

bool WithinTerm(const v1::Council& council, const std::string& date) {
  // ISO dates compare as strings.
  return IsIsoDate(date) && council.term_start() <= date && date <= council.term_end();
}

}  // namespace tdkt::evaluation
