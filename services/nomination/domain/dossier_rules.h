// Rules for what the evaluation side adds to a candidate's file (hồ sơ):
// attached documents, notes in the history (objections, appraisal,
// disclosure) and the decision recorded with a recognition or proposal.
// Pure: no storage, no RPC.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "services/nomination/domain/details_rules.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::nomination {

// Size limits, in characters (code points).
constexpr size_t kMaxAttachmentTitleChars = 200;
constexpr size_t kMaxAttachmentUriChars = 500;
constexpr size_t kMaxNoteChars = 2000;
constexpr size_t kMaxDecisionNumberChars = 100;
constexpr size_t kMaxFormChars = 200;
constexpr size_t kMaxTitleCodeChars = 100;
// A record is read whole on every change: bound what it carries.
constexpr int kMaxAttachments = 200;

// Validates and normalises an attachment as sent: title and uri required,
// kind one of minutes, appraisal, decision, other (empty becomes other).
// Fields are named "attachment.<field>". added_at and added_by are left to
// the caller, which sets them.
Status NormalizeAttachment(::tdkt::nomination::v1::Attachment& attachment);

// True for the kinds of history notes: objection_lodged,
// objection_resolved, appraisal, disclosure. The kind becomes the audit
// entry's action, so it must never collide with the actions of changes
// (create, update, transition, ...).
bool IsHistoryNoteKind(const std::string& kind);

// Checks a note's kind (field "kind") and normalises its text (field
// "text"): required, NFC, at most 2000 characters, line breaks allowed.
Status NormalizeHistoryNote(const std::string& kind, std::string& text);

// True for a lower-case slug: 1..100 of a-z, 0-9 and '-'.
bool IsTitleCode(const std::string& code);

// Validates and normalises the decision given with a move to `to`. Only a
// move to RECOGNISED or PROPOSED carries one (field "recognition");
// recognising needs the decision's number and date, a proposal may come
// without them. Fields are named "recognition.<field>". An empty
// decided_by_agency is left for the caller to fill.
Status NormalizeRecognition(::tdkt::nomination::v1::Recognition& recognition,
                            ::tdkt::nomination::v1::NominationState to, const AgencyLookup& agency_exists);

}  // namespace tdkt::nomination
