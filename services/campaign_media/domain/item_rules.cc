#include "services/campaign_media/domain/item_rules.h"

#include <cstdlib>
#include <set>

#include "common/text.h"
#include "common/vn_time.h"
#include "services/campaign_media/domain/achievements.h"
#include "services/campaign_media/domain/channels.h"

namespace tdkt::campaign_media {
namespace {

using State = v1::MediaItemState;

// Normalises `value` in place; INVALID_ARGUMENT on `field` when too long,
// missing (when `required`), or not one line (when `one_line`).
Status NormalizeText(const std::string& field, std::string& value, size_t max_chars, bool required, bool one_line) {
  auto normal = text::NormalizeInput(field, value);
  if (!normal.ok()) return normal.status();
  value = std::move(*normal);
  if (required && value.empty()) return Status::InvalidArgument(field, "không được để trống");
  if (text::CodePointCount(value) > max_chars) {
    return Status::InvalidArgument(field, "dài quá " + std::to_string(max_chars) + " ký tự");
  }
  if (one_line && value.find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidArgument(field, "chỉ được viết trên một dòng");
  }
  return Status::Ok();
}

struct Move {
  State from;
  State to;
  std::set<Role> roles;
  bool needs_reason;
};

const std::vector<Move>& Moves() {
  static const std::vector<Move> moves = [] {
    const std::set<Role> editors{Role::kMediaEditor, Role::kOfficer};
    const std::set<Role> reviewers{Role::kOfficer, Role::kAdmin};
    const std::set<Role> all{Role::kMediaEditor, Role::kOfficer, Role::kAdmin};
    std::vector<Move> out = {
        {v1::DRAFT, v1::IN_REVIEW, editors, false},
        {v1::IN_REVIEW, v1::DRAFT, all, true},
        {v1::IN_REVIEW, v1::APPROVED, reviewers, false},
        {v1::APPROVED, v1::PUBLISHED, all, false},
    };
    for (State s : {v1::DRAFT, v1::IN_REVIEW, v1::APPROVED, v1::PUBLISHED}) out.push_back({s, v1::RETRACTED, all, true});
    return out;
  }();
  return moves;
}

}  // namespace

std::string ItemStateLabel(State state) {
  switch (state) {
    case v1::DRAFT: return "bản nháp";
    case v1::IN_REVIEW: return "đang duyệt";
    case v1::APPROVED: return "đã duyệt";
    case v1::PUBLISHED: return "đã đăng";
    case v1::RETRACTED: return "đã gỡ";
    default: return "không xác định";
  }
}

Status NormalizeItemContent(v1::MediaItem& item, const std::string& prefix) {
  const std::string p = prefix.empty() ? "" : prefix + ".";
  TDKT_RETURN_IF_ERROR(CheckKind(item.kind(), p + "kind"));
  TDKT_RETURN_IF_ERROR(CheckChannel(item.channel(), p + "channel"));
  TDKT_RETURN_IF_ERROR(NormalizeText(p + "title", *item.mutable_title(), kMaxTitleChars, true, true));
  if (item.title().find_first_of("<>") != std::string::npos) {
    return Status::InvalidArgument(p + "title", "tiêu đề không được chứa ký tự '<' hoặc '>' (không dùng mã HTML, script)");
  }
  TDKT_RETURN_IF_ERROR(NormalizeText(p + "summary", *item.mutable_summary(), kMaxSummaryChars, false, false));
  TDKT_RETURN_IF_ERROR(NormalizeText(p + "body", *item.mutable_body(), kMaxBodyChars, false, false));
  TDKT_RETURN_IF_ERROR(NormalizeText(p + "author", *item.mutable_author(), 200, false, true));
  TDKT_RETURN_IF_ERROR(NormalizeText(p + "campaign_id", *item.mutable_campaign_id(), 64, false, true));
  if (!item.planned_date().empty()) {
    const std::string& d = item.planned_date();
    const int year = d.size() >= 4 ? std::atoi(d.substr(0, 4).c_str()) : 0;
    if (!IsIsoDate(d) || year < 2000 || year > 2100) {
      return Status::InvalidArgument(p + "planned_date", "ngày phải viết YYYY-MM-DD (vd. 2026-06-11), từ năm 2000 đến 2100");
    }
  }
  if (item.exemplar_ids_size() == 0) {
    return Status::InvalidArgument(p + "exemplar_ids", "cần ít nhất một điển hình được giới thiệu");
  }
  if (item.exemplar_ids_size() > kMaxExemplars) {
    return Status::InvalidArgument(p + "exemplar_ids", "nhiều nhất " + std::to_string(kMaxExemplars) + " điển hình");
  }
  std::set<std::string> exemplars;
  for (int i = 0; i < item.exemplar_ids_size(); ++i) {
    const std::string field = p + "exemplar_ids[" + std::to_string(i) + "]";
    TDKT_RETURN_IF_ERROR(NormalizeText(field, *item.mutable_exemplar_ids(i), 64, true, true));
    if (!exemplars.insert(item.exemplar_ids(i)).second) {
      return Status::InvalidArgument(field, "điển hình '" + item.exemplar_ids(i) + "' bị lặp");
    }
  }
  if (item.claims_size() > kMaxClaims) {
    return Status::InvalidArgument(p + "claims", "nhiều nhất " + std::to_string(kMaxClaims) + " nhận định");
  }
  for (int i = 0; i < item.claims_size(); ++i) {
    const std::string field = p + "claims[" + std::to_string(i) + "]";
    auto& claim = *item.mutable_claims(i);
    TDKT_RETURN_IF_ERROR(NormalizeText(field + ".exemplar_id", *claim.mutable_exemplar_id(), 64, true, true));
    if (!exemplars.count(claim.exemplar_id())) {
      return Status::InvalidArgument(field + ".exemplar_id", "điển hình '" + claim.exemplar_id() +
                                                                 "' không nằm trong danh sách điển hình của tác phẩm");
    }
    TDKT_RETURN_IF_ERROR(NormalizeText(field + ".text", *claim.mutable_text(), 2000, true, false));
    TDKT_RETURN_IF_ERROR(NormalizeText(field + ".achievement_ref", *claim.mutable_achievement_ref(), 64, false, true));
  }
  return Status::Ok();
}

Status CheckItemTransition(State from, State to, Role role, const std::string& reason) {
  if (to == v1::MEDIA_ITEM_STATE_UNSPECIFIED || !v1::MediaItemState_IsValid(to)) {
    return Status::InvalidArgument("to_state", "hãy chọn trạng thái cần chuyển tới");
  }
  const Move* move = nullptr;
  for (const Move& m : Moves()) {
    if (m.from == from && m.to == to) move = &m;
  }
  if (!move) {
    return Status::FailedPrecondition("tác phẩm " + ItemStateLabel(from) + " không thể chuyển sang " +
                                      ItemStateLabel(to));
  }
  if (!move->roles.count(role)) {
    return Status::PermissionDenied("vai trò '" + RoleName(role) + "' không được chuyển tác phẩm từ " +
                                    ItemStateLabel(from) + " sang " + ItemStateLabel(to));
  }
  if (move->needs_reason && reason.empty()) {
    return Status::InvalidArgument("reason", "cần nêu lý do khi chuyển tác phẩm sang " + ItemStateLabel(to));
  }
  return Status::Ok();
}

ClaimChecks CheckClaims(const v1::MediaItem& item, const std::map<std::string, nomination::v1::Nomination>& records) {
  ClaimChecks out;
  for (int i = 0; i < item.claims_size(); ++i) {
    const auto& claim = item.claims(i);
    v1::ClaimCheck check;
    check.set_index(i);
    *check.mutable_claim() = claim;
    auto record = records.find(claim.exemplar_id());
    if (claim.achievement_ref().empty()) {
      check.set_problem("chưa dẫn thành tích");
    } else if (record == records.end()) {
      check.set_problem("không đọc được hồ sơ điển hình '" + claim.exemplar_id() + "'");
    } else if (!FindAchievement(record->second, claim.achievement_ref(), check.mutable_cited())) {
      check.clear_cited();
      check.set_problem("hồ sơ điển hình '" + claim.exemplar_id() + "' không ghi nhận thành tích '" +
                        claim.achievement_ref() + "'");
    } else {
      check.set_supported(true);
    }
    if (!check.supported()) ++out.unsupported;
    out.checks.push_back(std::move(check));
  }
  return out;
}

}  // namespace tdkt::campaign_media
