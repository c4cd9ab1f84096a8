#include "services/evaluation/domain/ballot_code.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

namespace tdkt::evaluation {

namespace {

std::string Hex(const unsigned char* bytes, size_t n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0x0f];
  }
  return out;
}

}  // namespace

Result<BallotSecret> NewBallotSecret() {
  unsigned char raw[32];
  if (RAND_bytes(raw, sizeof raw) != 1) {
    return Status::Internal("no randomness available for a ballot receipt");
  }
  BallotSecret s;
  s.secret = Hex(raw, sizeof raw);
  s.code = BallotCodeOf(s.secret);
  return s;
}

std::string BallotCodeOf(const std::string& secret) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), digest);
  return Hex(digest, 16);
}

}  // namespace tdkt::evaluation
