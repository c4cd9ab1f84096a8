#include "common/request_fingerprint.h"

#include <openssl/sha.h>

namespace tdkt {

std::string RequestFingerprint(const std::string& what, const std::string& bytes) {
  const std::string input = what + "\n" + bytes;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += kDigits[digest[i] >> 4];
    out += kDigits[digest[i] & 15];
  }
  return out;
}

Status RequireRequestId(const std::string& id) {
  if (id.empty() || id.size() > 128) {
    return Status::InvalidArgument("request_id", "cần mã yêu cầu (1..128 ký tự) để gửi lại không bị ghi hai lần");
  }
  return Status::Ok();
}

}  // namespace tdkt
