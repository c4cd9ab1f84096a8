#include "services/nomination/domain/details_rules.h"

#include <algorithm>
#include <iterator>

#include "common/text.h"
#include "common/vn_time.h"

namespace tdkt::nomination {

Status NormalizeText(const std::string& field, std::string& value, size_t max_chars, bool required) {
  // Reject huge inputs before paying for normalisation.
  if (value.size() > max_chars * 4) {
    return Status::InvalidArgument(field, "is too long: at most " + std::to_string(max_chars) + " characters");
  }
  Result<std::string> normalized = text::NormalizeInput(field, value);
  if (!normalized.ok()) return normalized.status();
  if (required && normalized->empty()) return Status::InvalidArgument(field, "must not be empty");
  if (text::CodePointCount(*normalized) > max_chars) {
    return Status::InvalidArgument(field, "is too long: at most " + std::to_string(max_chars) + " characters");
  }
  value = std::move(*normalized);
  return Status::Ok();
}

Status NormalizeLine(const std::string& field, std::string& value, size_t max_chars, bool required) {
  TDKT_RETURN_IF_ERROR(NormalizeText(field, value, max_chars, required));
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) {
      return Status::InvalidArgument(field, "must be one line of text, without line breaks or tabs");
    }
  }
  return Status::Ok();
}

namespace {

Status NormalizeList(const std::string& field, google::protobuf::RepeatedPtrField<std::string>& items,
                     size_t max_chars) {
  if (static_cast<size_t>(items.size()) > kMaxListItems) {
    return Status::InvalidArgument(field, "has more than " + std::to_string(kMaxListItems) + " entries");
  }
  for (int i = 0; i < items.size(); ++i) {
    TDKT_RETURN_IF_ERROR(NormalizeText(field + "[" + std::to_string(i) + "]", *items.Mutable(i), max_chars, true));
  }
  return Status::Ok();
}

}  // namespace

bool IsValidNomineeCode(const std::string& code) {
  if (code.size() > kMaxNomineeCodeChars) return false;
  for (unsigned char c : code) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '_' || c == '.' || c == '/';
    if (!allowed) return false;
  }
  return true;
}

Status NormalizeDetails(v1::NominationDetails& d, const AgencyLookup& agency_exists,
                        const FieldLookup& field_known, int64_t now_seconds) {
  if (d.kind() == v1::NOMINATION_KIND_UNSPECIFIED || !v1::NominationKind_IsValid(d.kind())) {
    return Status::InvalidArgument("details.kind", "choose individual, collective or household");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("details.name", *d.mutable_name(), kMaxNameChars, true));
  TDKT_RETURN_IF_ERROR(NormalizeLine("details.agency_id", *d.mutable_agency_id(), 32, true));
  if (!agency_exists(d.agency_id())) {
    return Status::InvalidArgument("details.agency_id", "no agency has the code '" + d.agency_id() + "'");
  }
  if (d.fields().empty()) {
    return Status::InvalidArgument("details.fields", "choose at least one field of work");
  }
  if (static_cast<size_t>(d.fields_size()) > kMaxFields) {
    return Status::InvalidArgument("details.fields", "at most " + std::to_string(kMaxFields) + " fields");
  }
  for (int i = 0; i < d.fields_size(); ++i) {
    std::string field_name = "details.fields[" + std::to_string(i) + "]";
    TDKT_RETURN_IF_ERROR(NormalizeLine(field_name, *d.mutable_fields(i), 80, true));
    if (!field_known(d.fields(i), d.agency_id())) {
      return Status::InvalidArgument(field_name, "'" + d.fields(i) +
                                     "' is neither one of the 14 national fields nor a field defined by the agency");
    }
    for (int j = 0; j < i; ++j) {
      if (d.fields(j) == d.fields(i)) return Status::InvalidArgument(field_name, "is listed twice");
    }
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("details.movement_id", *d.mutable_movement_id(), 80, false));
  TDKT_RETURN_IF_ERROR(NormalizeText("details.achievements", *d.mutable_achievements(), kMaxAchievementChars, false));
  if (static_cast<size_t>(d.initiatives_size()) > kMaxListItems) {
    return Status::InvalidArgument("details.initiatives", "has more than 100 entries");
  }
  for (int i = 0; i < d.initiatives_size(); ++i) {
    std::string base = "details.initiatives[" + std::to_string(i) + "]";
    auto* in = d.mutable_initiatives(i);
    TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".title", *in->mutable_title(), kMaxShortTextChars, true));
    TDKT_RETURN_IF_ERROR(NormalizeText(base + ".description", *in->mutable_description(), kMaxLongTextChars, false));
    TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".recognition_ref", *in->mutable_recognition_ref(), kMaxShortTextChars, false));
  }
  if (static_cast<size_t>(d.evidence_size()) > kMaxListItems) {
    return Status::InvalidArgument("details.evidence", "has more than 100 entries");
  }
  for (int i = 0; i < d.evidence_size(); ++i) {
    std::string base = "details.evidence[" + std::to_string(i) + "]";
    auto* ev = d.mutable_evidence(i);
    TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".title", *ev->mutable_title(), kMaxShortTextChars, true));
    TDKT_RETURN_IF_ERROR(NormalizeLine(base + ".uri", *ev->mutable_uri(), 2000, false));
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("details.discovered_by", *d.mutable_discovered_by(), kMaxNameChars, false));
  TDKT_RETURN_IF_ERROR(NormalizeLine("details.nominee_code", *d.mutable_nominee_code(), kMaxNomineeCodeChars, false));
  if (!IsValidNomineeCode(d.nominee_code())) {
    return Status::InvalidArgument("details.nominee_code",
                                   "use only Latin letters without diacritics, digits and the characters - _ . /");
  }
  if (!d.has_discovered_at()) {
    d.mutable_discovered_at()->set_seconds(now_seconds);
  } else if (d.discovered_at().seconds() > now_seconds + 86400) {
    return Status::InvalidArgument("details.discovered_at", "lies in the future");
  } else if (d.discovered_at().seconds() < -2208988800LL) {  // before 1900
    return Status::InvalidArgument("details.discovered_at", "is before 1900");
  }
  return Status::Ok();
}

Status NormalizeFosteringPlan(v1::FosteringPlan& plan) {
  TDKT_RETURN_IF_ERROR(NormalizeList("plan.support_measures", *plan.mutable_support_measures(), kMaxLongTextChars));
  TDKT_RETURN_IF_ERROR(NormalizeList("plan.shortcomings", *plan.mutable_shortcomings(), kMaxLongTextChars));
  if (plan.support_measures().empty()) {
    return Status::InvalidArgument("plan.support_measures", "list at least one support measure");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("plan.responsible", *plan.mutable_responsible(), kMaxNameChars, false));
  if (!plan.target_date().empty() && !IsIsoDate(plan.target_date())) {
    return Status::InvalidArgument("plan.target_date", "must be a date written YYYY-MM-DD");
  }
  return Status::Ok();
}

Status NormalizeFollowUp(v1::FollowUp& follow_up) {
  if (!IsIsoDate(follow_up.date())) {
    return Status::InvalidArgument("follow_up.date", "must be a date written YYYY-MM-DD");
  }
  return NormalizeText("follow_up.note", *follow_up.mutable_note(), kMaxLongTextChars, true);
}

Status NormalizeMovement(v1::Movement& m, const AgencyLookup& agency_exists) {
  TDKT_RETURN_IF_ERROR(NormalizeLine("movement.name", *m.mutable_name(), kMaxShortTextChars, true));
  TDKT_RETURN_IF_ERROR(NormalizeLine("movement.agency_id", *m.mutable_agency_id(), 32, true));
  if (!agency_exists(m.agency_id())) {
    return Status::InvalidArgument("movement.agency_id", "no agency has the code '" + m.agency_id() + "'");
  }
  if (!IsIsoDate(m.period_start())) {
    return Status::InvalidArgument("movement.period_start", "must be a date written YYYY-MM-DD");
  }
  if (!IsIsoDate(m.period_end())) {
    return Status::InvalidArgument("movement.period_end", "must be a date written YYYY-MM-DD");
  }
  if (m.period_end() < m.period_start()) {
    return Status::InvalidArgument("movement.period_end", "must not be before the start of the period");
  }
  // Scope codes of statutory form 0601.N (see movement.proto).
  static const char* const kScopes[] = {"toan-quoc", "nganh", "dia-phuong", "co-quan"};
  if (!m.scope().empty() &&
      std::find(std::begin(kScopes), std::end(kScopes), m.scope()) == std::end(kScopes)) {
    return Status::InvalidArgument("movement.scope",
                                   "must be toan-quoc (toàn quốc), nganh (ngành, lĩnh vực), dia-phuong (địa phương) "
                                   "or co-quan (cơ quan, đơn vị)");
  }
  return NormalizeList("movement.goals", *m.mutable_goals(), kMaxLongTextChars);
}

Status CheckRequestId(const std::string& request_id) {
  if (request_id.empty()) {
    return Status::InvalidArgument("request_id", "every change needs a client request id (e.g. a UUID) so that a retry is not recorded twice");
  }
  if (request_id.size() > kMaxRequestIdChars) {
    return Status::InvalidArgument("request_id", "at most 128 characters");
  }
  for (unsigned char c : request_id) {
    if (c < 0x21 || c > 0x7e) return Status::InvalidArgument("request_id", "use printable ASCII characters only");
  }
  return Status::Ok();
}

}  // namespace tdkt::nomination
