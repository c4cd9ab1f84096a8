#include "services/nomination/domain/dossier_rules.h"

#include <algorithm>

#include "common/vn_time.h"
#include "services/nomination/domain/lifecycle.h"

namespace tdkt::nomination {

Status NormalizeAttachment(v1::Attachment& attachment) {
  TDKT_RETURN_IF_ERROR(NormalizeLine("attachment.title", *attachment.mutable_title(), kMaxAttachmentTitleChars, true));
  TDKT_RETURN_IF_ERROR(NormalizeLine("attachment.uri", *attachment.mutable_uri(), kMaxAttachmentUriChars, true));
  const std::string& kind = attachment.kind();
  if (kind.empty()) {
    attachment.set_kind("other");
  } else if (kind != "minutes" && kind != "appraisal" && kind != "decision" && kind != "other") {
    return Status::InvalidArgument("attachment.kind", "choose minutes, appraisal, decision or other");
  }
  return Status::Ok();
}

bool IsHistoryNoteKind(const std::string& kind) {
  return kind == "objection_lodged" || kind == "objection_resolved" || kind == "appraisal" || kind == "disclosure";
}

Status NormalizeHistoryNote(const std::string& kind, std::string& text) {
  if (!IsHistoryNoteKind(kind)) {
    return Status::InvalidArgument("kind", "choose objection_lodged, objection_resolved, appraisal or disclosure");
  }
  return NormalizeText("text", text, kMaxNoteChars, true);
}

bool IsTitleCode(const std::string& code) {
  return !code.empty() && code.size() <= kMaxTitleCodeChars &&
         std::all_of(code.begin(), code.end(), [](unsigned char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

Status NormalizeRecognition(v1::Recognition& r, v1::NominationState to, const AgencyLookup& agency_exists) {
  if (to != v1::RECOGNISED && to != v1::PROPOSED) {
    return Status::InvalidArgument("recognition",
                                   "a decision is recorded only with a move to recognised or proposed, not to " +
                                       StateName(to));
  }
  const bool recognising = to == v1::RECOGNISED;
  TDKT_RETURN_IF_ERROR(NormalizeLine("recognition.decision_number", *r.mutable_decision_number(),
                                     kMaxDecisionNumberChars, recognising));
  TDKT_RETURN_IF_ERROR(NormalizeLine("recognition.decision_date", *r.mutable_decision_date(), 10, recognising));
  if (!r.decision_date().empty() && !IsIsoDate(r.decision_date())) {
    return Status::InvalidArgument("recognition.decision_date", "must be a date written YYYY-MM-DD");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("recognition.form", *r.mutable_form(), kMaxFormChars, false));
  TDKT_RETURN_IF_ERROR(NormalizeLine("recognition.title_code", *r.mutable_title_code(), kMaxTitleCodeChars, false));
  if (!r.title_code().empty() && !IsTitleCode(r.title_code())) {
    return Status::InvalidArgument("recognition.title_code",
                                   "use lower-case letters without diacritics, digits and dashes, "
                                   "like chien-si-thi-dua-co-so");
  }
  TDKT_RETURN_IF_ERROR(NormalizeLine("recognition.decided_by_agency", *r.mutable_decided_by_agency(), 32, false));
  if (!r.decided_by_agency().empty() && !agency_exists(r.decided_by_agency())) {
    return Status::InvalidArgument("recognition.decided_by_agency",
                                   "no agency has the code '" + r.decided_by_agency() + "'");
  }
  return NormalizeLine("recognition.session_id", *r.mutable_session_id(), 80, false);
}

}  // namespace tdkt::nomination
