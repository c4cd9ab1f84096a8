#include "common/federation/envelope.h"

#include <openssl/sha.h>

#include "common/hex.h"

namespace tdkt::federation {
namespace {

constexpr char kDomain[] = "tdkt-envelope-v1";

// 8-byte big-endian length, then the bytes: no field can run into the next.
void AppendField(std::string& out, const std::string& field) {
  uint64_t n = field.size();
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((n >> shift) & 0xff);
  out += field;
}

}  // namespace

std::string PayloadDigest(const std::string& payload) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), digest);
  return HexEncode(digest, SHA256_DIGEST_LENGTH);
}

std::string MessageId(const std::string& sender_agency, const std::string& queue, const std::string& entry_id) {
  return sender_agency + "/" + queue + "/" + entry_id;
}

std::string CanonicalBytes(const fv1::Envelope& envelope) {
  std::string out;
  AppendField(out, kDomain);
  AppendField(out, envelope.message_id());
  AppendField(out, envelope.sender_agency());
  AppendField(out, envelope.recipient_agency());
  AppendField(out, envelope.kind());
  AppendField(out, std::to_string(envelope.signed_at_unix_ms()));
  AppendField(out, PayloadDigest(envelope.payload()));
  return out;
}

fv1::Envelope Seal(const SigningKey& key, const std::string& message_id, const std::string& sender_agency,
                   const std::string& recipient_agency, const std::string& kind, const std::string& payload,
                   int64_t now_unix_ms) {
  fv1::Envelope envelope;
  envelope.set_message_id(message_id);
  envelope.set_sender_agency(sender_agency);
  envelope.set_recipient_agency(recipient_agency);
  envelope.set_kind(kind);
  envelope.set_payload(payload);
  envelope.set_signed_at_unix_ms(now_unix_ms);
  envelope.set_signature(key.Sign(CanonicalBytes(envelope)));
  return envelope;
}

Status Open(const fv1::Envelope& envelope, const std::map<std::string, PublicKey>& known_senders,
            const OpenOptions& options) {
  // Cheap shape checks first, then who it is for and from, then the
  // signature, and freshness last: an attacker learns nothing about clocks
  // from an envelope that does not verify.
  if (envelope.message_id().empty()) {
    return Status::InvalidArgument("envelope.message_id", "is missing: every forwarded message needs its id");
  }
  if (envelope.kind().empty()) {
    return Status::InvalidArgument("envelope.kind", "is missing: say what the payload is");
  }
  if (!options.expected_kind.empty() && envelope.kind() != options.expected_kind) {
    return Status::InvalidArgument("envelope.kind", "is \"" + envelope.kind() + "\" but this call takes \"" +
                                                        options.expected_kind + "\"");
  }
  if (envelope.recipient_agency() != options.recipient_agency) {
    return Status::PermissionDenied("envelope meant for node " +
                                    (envelope.recipient_agency().empty() ? std::string("(none)")
                                                                         : envelope.recipient_agency()) +
                                    ", this node is " + options.recipient_agency);
  }
  auto sender = known_senders.find(envelope.sender_agency());
  if (envelope.sender_agency().empty() || sender == known_senders.end()) {
    return Status::PermissionDenied("unknown sender node " +
                                    (envelope.sender_agency().empty() ? std::string("(none)")
                                                                      : envelope.sender_agency()) +
                                    ": this node holds no public key for it");
  }
  if (envelope.signature().empty()) {
    return Status::Unauthenticated("envelope is not signed: every forwarded message must carry the sender's signature");
  }
  if (!sender->second.Verify(CanonicalBytes(envelope), envelope.signature())) {
    return Status::Unauthenticated(
        "payload signature does not match: the message was altered or signed with another key");
  }
  int64_t age_ms = options.now_unix_ms - envelope.signed_at_unix_ms();
  if (age_ms > options.max_age_ms) {
    return Status::FailedPrecondition("signed " + std::to_string(age_ms / 1000) + " s ago, more than " +
                                      std::to_string(options.max_age_ms / 1000) + " s: refused as a replay");
  }
  if (-age_ms > options.max_future_ms) {
    return Status::FailedPrecondition("signed " + std::to_string(-age_ms / 1000) + " s in the future, more than " +
                                      std::to_string(options.max_future_ms / 1000) +
                                      " s allowed: check the clocks of both nodes");
  }
  return Status::Ok();
}

}  // namespace tdkt::federation
