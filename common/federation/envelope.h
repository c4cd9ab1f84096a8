// Sealing and opening signed envelopes (tdkt.federation.v1.Envelope).
// The signature covers message id, sender, recipient, kind, signing time and
// the SHA-256 of the payload, each length-prefixed, so no field can be moved
// into another. Open() is the one check every receiving handler calls.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "common/federation/signing.h"
#include "common/status.h"
#include "tdkt/federation/v1/envelope.pb.h"

namespace tdkt::federation {

namespace fv1 = ::tdkt::federation::v1;

// The bytes a signature covers.
std::string CanonicalBytes(const fv1::Envelope& envelope);
// Hex SHA-256 of the payload: what a receiver remembers per message id.
std::string PayloadDigest(const std::string& payload);
// The message id of a queued entry, stable across resends:
// "<sender_agency>/<queue>/<stream entry id>" (see envelope.proto).
std::string MessageId(const std::string& sender_agency, const std::string& queue, const std::string& entry_id);

fv1::Envelope Seal(const SigningKey& key, const std::string& message_id, const std::string& sender_agency,
                   const std::string& recipient_agency, const std::string& kind, const std::string& payload,
                   int64_t now_unix_ms);

struct OpenOptions {
  std::string recipient_agency;            // This node's agency.
  std::string expected_kind;               // e.g. "proposal".
  int64_t now_unix_ms = 0;
  int64_t max_age_ms = 10 * 60 * 1000;     // Older signatures are replays.
  int64_t max_future_ms = 2 * 60 * 1000;   // Clock skew allowed.
};

// Checks an envelope against the senders this node knows (agency → key).
// Errors, each saying why in words an operator understands:
//   UNAUTHENTICATED    no signature / signature does not match (tampered)
//   PERMISSION_DENIED  unknown sender, or meant for another node
//   INVALID_ARGUMENT   missing message id / kind mismatch (field named)
//   FAILED_PRECONDITION signed too long ago (replayed) or in the future
Status Open(const fv1::Envelope& envelope, const std::map<std::string, PublicKey>& known_senders,
            const OpenOptions& options);

}  // namespace tdkt::federation
