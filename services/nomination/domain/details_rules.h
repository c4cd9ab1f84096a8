// Rules for what an officer records about a candidate: required fields,
// sizes, Vietnamese text normalised to NFC. Pure: no storage, no RPC.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"
#include "tdkt/nomination/v1/movement.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::nomination {

// Size limits, in characters (code points).
constexpr size_t kMaxNameChars = 300;
constexpr size_t kMaxAchievementChars = 20000;
constexpr size_t kMaxShortTextChars = 500;
constexpr size_t kMaxLongTextChars = 5000;
constexpr size_t kMaxListItems = 100;
constexpr size_t kMaxFields = 16;
constexpr size_t kMaxRequestIdChars = 128;
constexpr size_t kMaxNomineeCodeChars = 64;

// Answers whether a field code may be used for a candidate of `agency`.
using FieldLookup = std::function<bool(const std::string& code, const std::string& agency)>;
// Answers whether an agency exists.
using AgencyLookup = std::function<bool(const std::string& agency)>;

// Validates and normalises `details` in place. `now_seconds` fills an empty
// discovered_at. The first problem found is returned, naming its field
// (e.g. "details.name").
Status NormalizeDetails(::tdkt::nomination::v1::NominationDetails& details,
                        const AgencyLookup& agency_exists, const FieldLookup& field_known,
                        int64_t now_seconds);

Status NormalizeFosteringPlan(::tdkt::nomination::v1::FosteringPlan& plan);
Status NormalizeFollowUp(::tdkt::nomination::v1::FollowUp& follow_up);
Status NormalizeMovement(::tdkt::nomination::v1::Movement& movement, const AgencyLookup& agency_exists);

// A nominee code (details.nominee_code) as normalised: empty, or up to 64
// Latin letters without diacritics, digits and "-_./". Evaluation finds a
// nominee's earlier titles by comparing codes byte for byte, so only ASCII
// is allowed: "Đ" and "D" would otherwise give one person two codes.
bool IsValidNomineeCode(const std::string& code);

// A client request id: 1..128 printable ASCII characters.
Status CheckRequestId(const std::string& request_id);

// Normalises one text input: valid UTF-8, NFC, trimmed, within `max_chars`,
// and not empty when `required`.
Status NormalizeText(const std::string& field, std::string& value, size_t max_chars, bool required);

// As NormalizeText, for one-line values (names, codes, titles): control
// characters such as line breaks and tabs are refused.
Status NormalizeLine(const std::string& field, std::string& value, size_t max_chars, bool required);

}  // namespace tdkt::nomination
