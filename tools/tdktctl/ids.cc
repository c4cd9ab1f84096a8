#include "tools/tdktctl/ids.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdio>
#include <random>

namespace tdkt::ctl {
namespace {

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out;
  char buf[3];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", bytes[i]);
    out += buf;
  }
  return out;
}

}  // namespace

std::string NewRequestId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    std::random_device rd;  // OpenSSL without entropy is unlikely; fall back anyway
    for (auto& x : b) x = static_cast<unsigned char>(rd());
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  const std::string h = Hex(b, sizeof b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

std::string ContentRequestId(const std::string& prefix, const std::string& content) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(content.data()), content.size(), digest);
  return prefix + Hex(digest, 16);
}

std::string RequestIdFrom(const Args& args) {
  const std::string given = args.Get("request-id");
  return given.empty() ? NewRequestId() : given;
}

}  // namespace tdkt::ctl
