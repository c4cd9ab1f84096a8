#include "common/hex.h"

#include <vector>

#include <openssl/rand.h>

namespace tdkt {

std::string HexEncode(const unsigned char* data, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (size_t i = 0; i < size; ++i) {
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 0xf];
  }
  return hex;
}

Result<std::string> RandomHex(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    return Status::Internal("the system has no randomness to give");
  }
  return HexEncode(raw.data(), raw.size());
}

}  // namespace tdkt
