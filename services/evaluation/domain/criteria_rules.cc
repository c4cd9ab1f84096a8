#include "services/evaluation/domain/criteria_rules.h"

#include <algorithm>
#include <set>

#include "services/nomination/domain/details_rules.h"
#include "services/nomination/domain/fields.h"

namespace tdkt::evaluation {

using ::tdkt::nomination::NormalizeLine;
using ::tdkt::nomination::NormalizeText;

namespace {

constexpr int kDefaultMaxScore = 10;
constexpr int kMaxCriteria = 100;
constexpr size_t kMaxTitleChars = 500;
constexpr size_t kMaxTextChars = 5000;

std::string Index(const std::string& base, int i) { return base + "[" + std::to_string(i) + "]"; }

Status NormalizeCriterion(const std::string& base, v1::Criterion& c) {
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".code", *c.mutable_code(), 64, false));
  if (!IsSlug(c.code())) {
    return Status::InvalidArgument(base + ".code",
                                   "use 1 to 64 lower-case letters, digits and dashes, e.g. general-2");
  }
  TDKT_RETURN_IF_ERROR(NormalizeText(base + ".text", *c.mutable_text(), kMaxTextChars, true));
  if (c.weight() < 1 || c.weight() > 100) {
    return Status::InvalidArgument(base + ".weight", "must be between 1 and 100");
  }
  TDKT_RETURN_IF_ERROR(NormalizeText(base + ".evidence", *c.mutable_evidence(), kMaxTextChars, false));
  // The field is a nomination field code (national or the agency's own);
  // whether the agency knows it is for the caller, who has the directory.
  TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".field", *c.mutable_field(), 80, false));
  return Status::Ok();
}

}  // namespace

bool IsSlug(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Status NormalizeCriteriaSet(v1::CriteriaSet& set) {
  TDKT_RETURN_IF_ERROR(NormalizeLine("set.agency_id", *set.mutable_agency_id(), 32, false));
  TDKT_RETURN_IF_ERROR(NormalizeLine("set.movement_id", *set.mutable_movement_id(), 80, false));
  TDKT_RETURN_IF_ERROR(NormalizeLine("set.title", *set.mutable_title(), kMaxTitleChars, true));
  TDKT_RETURN_IF_ERROR(NormalizeText("set.legal_source", *set.mutable_legal_source(), kMaxTitleChars, false));

  if (set.max_score() == 0) set.set_max_score(kDefaultMaxScore);
  if (set.max_score() < 1 || set.max_score() > 100) {
    return Status::InvalidArgument("set.max_score", "the top of the scale must be between 1 and 100");
  }
  // proto3 cannot tell 0 from unset: 0 means "half the scale".
  if (set.pass_score() == 0) set.set_pass_score(set.max_score() / 2);
  if (set.pass_score() < 0 || set.pass_score() > set.max_score()) {
    return Status::InvalidArgument("set.pass_score", "must be between 0 and the top of the scale (" +
                                                         std::to_string(set.max_score()) + ")");
  }

  if (set.criteria().empty()) {
    return Status::InvalidArgument("set.criteria", "a criteria set needs at least one criterion");
  }
  if (set.criteria_size() > kMaxCriteria) {
    return Status::InvalidArgument("set.criteria", "at most " + std::to_string(kMaxCriteria) + " criteria");
  }
  std::set<std::string> codes;
  for (int i = 0; i < set.criteria_size(); ++i) {
    const std::string base = Index("set.criteria", i);
    TDKT_RETURN_IF_ERROR(NormalizeCriterion(base, *set.mutable_criteria(i)));
    if (!codes.insert(set.criteria(i).code()).second) {
      return Status::InvalidArgument(base + ".code", "the code '" + set.criteria(i).code() +
                                                         "' is used by an earlier criterion; codes must be unique");
    }
  }
  return Status::Ok();
}

v1::CriteriaSet NationalCriteriaSet() {
  v1::CriteriaSet set;
  set.set_title("Bộ tiêu chí chung toàn quốc");
  set.set_version(1);
  set.set_max_score(kDefaultMaxScore);
  set.set_pass_score(5);
  set.set_legal_source("Kế hoạch triển khai Quyết định 1526/QĐ-TTg (seed 004, mục IV.2.b-c)");
  set.mutable_in_force_from()->set_seconds(0);  // In force for every nomination ever submitted.
  set.set_published_by("system");

  struct General {
    const char* text;
    int weight;
    const char* evidence;
  };
  static const General kGeneral[] = {
      {"Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước", 25,
       "Nhận xét của cấp ủy hoặc thủ trưởng đơn vị; không vi phạm pháp luật, kỷ luật trong thời gian xét"},
      {"Hoàn thành xuất sắc nhiệm vụ được giao", 25,
       "Kết quả đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ của năm xét"},
      {"Có mô hình mới, cách làm hay, nhiều sáng kiến, giải pháp sáng tạo mang lại hiệu quả thiết thực, "
       "là nhân tố tích cực trong phong trào thi đua",
       30, "Quyết định công nhận sáng kiến, giải pháp; báo cáo hiệu quả của mô hình, cách làm"},
      {"Tương thân tương ái, tích cực tham gia công tác nhân đạo, từ thiện, an sinh xã hội", 20,
       "Xác nhận của địa phương hoặc tổ chức về hoạt động nhân đạo, từ thiện, an sinh xã hội"},
  };
  int n = 0;
  for (const General& g : kGeneral) {
    v1::Criterion* c = set.add_criteria();
    c->set_code("general-" + std::to_string(++n));
    c->set_text(g.text);
    c->set_weight(g.weight);
    c->set_required(true);
    c->set_evidence(g.evidence);
  }
  for (const auto& field : ::tdkt::nomination::NationalFields()) {
    std::string code = field.code;
    std::replace(code.begin(), code.end(), '_', '-');
    v1::Criterion* c = set.add_criteria();
    c->set_code("field-" + code);
    c->set_text(std::string("Thành tích nổi bật trong lĩnh vực ") + field.name);
    c->set_weight(10);
    c->set_required(false);
    c->set_evidence(std::string("Báo cáo thành tích và minh chứng trong lĩnh vực ") + field.name);
    c->set_field(field.code);
  }
  return set;
}

const v1::CriteriaSet* VersionInForce(const std::vector<v1::CriteriaSet>& versions, int64_t at_unix_seconds) {
  // Whole seconds: a version published during the second `at` counts as in
  // force at `at`. Ties on the instant go to the later (newer) entry.
  const v1::CriteriaSet* best = nullptr;
  for (const v1::CriteriaSet& v : versions) {
    if (v.in_force_from().seconds() > at_unix_seconds) continue;
    if (best == nullptr || v.in_force_from().seconds() >= best->in_force_from().seconds()) best = &v;
  }
  return best;
}

std::vector<v1::Criterion> ApplicableCriteria(const v1::CriteriaSet& set, const std::vector<std::string>& fields) {
  std::vector<v1::Criterion> out;
  for (const v1::Criterion& c : set.criteria()) {
    if (c.field().empty() || std::find(fields.begin(), fields.end(), c.field()) != fields.end()) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace tdkt::evaluation
