#include "common/federation/base64.h"

#include <cctype>
#include <cstdint>

namespace tdkt::federation {
namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string EncodeBase64(const std::string& raw) {
  std::string out;
  out.reserve((raw.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < raw.size(); i += 3) {
    uint32_t n = (uint32_t(uint8_t(raw[i])) << 16) | (uint32_t(uint8_t(raw[i + 1])) << 8) | uint8_t(raw[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(n >> shift) & 63];
  }
  size_t rest = raw.size() - i;
  if (rest > 0) {
    uint32_t n = uint32_t(uint8_t(raw[i])) << 16;
    if (rest == 2) n |= uint32_t(uint8_t(raw[i + 1])) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool DecodeBase64(const std::string& input, std::string& out) {
  size_t begin = 0, end = input.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(input[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(input[end - 1]))) --end;
  size_t len = end - begin;
  out.clear();
  if (len % 4 != 0) return false;
  size_t padding = 0;
  if (len > 0 && input[end - 1] == '=') ++padding;
  if (len > 1 && input[end - 2] == '=') ++padding;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = begin; i < end - padding; ++i) {
    int v = Value(input[i]);
    if (v < 0) return false;  // Includes '=' before the end.
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return true;
}

}  // namespace tdkt::federation
