#include "services/campaign_media/domain/outreach_rules.h"

#include <map>
#include <set>

#include "services/campaign_media/domain/campaign_rules.h"

namespace tdkt::campaign_media {
namespace {

const std::vector<std::pair<std::string, std::string>>& Audiences() {
  static const std::vector<std::pair<std::string, std::string>> rows = {
      {"school", "Học sinh, sinh viên, trường học"},
      {"peers", "Đơn vị cùng ngành, đồng nghiệp"},
      {"youth", "Đoàn viên, thanh niên"},
      {"residents", "Nhân dân địa phương"},
      {"enterprises", "Doanh nghiệp"},
      {"armed_forces", "Lực lượng vũ trang"}};
  return rows;
}

}  // namespace

const std::vector<std::string>& AudienceCodes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const auto& [code, label] : Audiences()) out.push_back(code);
    return out;
  }();
  return codes;
}

std::string AudienceLabel(const std::string& code) {
  for (const auto& [c, label] : Audiences()) {
    if (c == code) return label;
  }
  return code;
}

Status CheckAudience(const std::string& code, const std::string& field) {
  for (const auto& c : AudienceCodes()) {
    if (c == code) return Status::Ok();
  }
  std::string known;
  for (const auto& c : AudienceCodes()) known += (known.empty() ? "" : ", ") + c;
  return Status::InvalidArgument(field, (code.empty() ? std::string("chưa chọn đối tượng")
                                                      : "không có đối tượng '" + code.substr(0, 40) + "'") +
                                            "; dùng một trong: " + known);
}

Status NormalizeEvent(cv1::ExchangeEvent& e) {
  if (e.kind() != cv1::EXCHANGE && e.kind() != cv1::HONOURING) {
    return Status::InvalidArgument("event.kind", "chọn loại sự kiện: EXCHANGE (giao lưu) hoặc HONOURING (tôn vinh)");
  }
  TDKT_RETURN_IF_ERROR(NormalizeTitle(e.mutable_title(), "event.title"));
  if (e.mode() != cv1::IN_PERSON && e.mode() != cv1::ONLINE) {
    return Status::InvalidArgument("event.mode", "chọn hình thức: IN_PERSON (trực tiếp) hoặc ONLINE (trực tuyến)");
  }
  if (e.audience().empty()) return Status::InvalidArgument("event.audience", "cần ít nhất một đối tượng tham dự");
  std::set<std::string> seen;
  for (int i = 0; i < e.audience_size(); ++i) {
    const std::string at = "event.audience[" + std::to_string(i) + "]";
    TDKT_RETURN_IF_ERROR(CheckAudience(e.audience(i), at));
    if (!seen.insert(e.audience(i)).second) return Status::InvalidArgument(at, "đối tượng bị lặp");
  }
  if (e.exemplar_ids().empty()) {
    return Status::InvalidArgument("event.exemplar_ids", "cần ít nhất một điển hình tham dự");
  }
  if (e.attendance() < 0) return Status::InvalidArgument("event.attendance", "số người tham dự không được âm");
  return NormalizeText(e.mutable_place(), "event.place", false, 500);
}

Status NormalizeReplication(cv1::Replication& r, const std::string& today) {
  if (r.exemplar_id().empty()) {
    return Status::InvalidArgument("replication.exemplar_id", "cần mã hồ sơ điển hình được nhân rộng");
  }
  if (r.adopting_agency_id().empty()) {
    TDKT_RETURN_IF_ERROR(NormalizeTitle(r.mutable_adopting_unit_name(), "replication.adopting_unit_name"));
  } else if (!r.adopting_unit_name().empty()) {
    TDKT_RETURN_IF_ERROR(NormalizeTitle(r.mutable_adopting_unit_name(), "replication.adopting_unit_name"));
  }
  if (r.adopted_date() > today) {
    return Status::InvalidArgument("replication.adopted_date",
                                   "ngày áp dụng " + r.adopted_date() + " chưa đến (hôm nay là " + today + ")");
  }
  TDKT_RETURN_IF_ERROR(NormalizeTitle(r.mutable_evidence_title(), "replication.evidence_title"));
  TDKT_RETURN_IF_ERROR(NormalizeText(r.mutable_evidence_uri(), "replication.evidence_uri", false, 2000));
  if (r.evidence_uri().find_first_of(" \t\r\n<>\"") != std::string::npos) {
    return Status::InvalidArgument("replication.evidence_uri", "đường dẫn không được chứa dấu cách hay ký tự < > \"");
  }
  return NormalizeText(r.mutable_note(), "replication.note", false, 2000);
}

}  // namespace tdkt::campaign_media
