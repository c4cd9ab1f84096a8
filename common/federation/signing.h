// Node keys: each node signs what it forwards with its own Ed25519 key pair
// (OpenSSL); a parent holds its children's public keys and a child its
// parent's. Keys are PEM files created on first start (mode 0600).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace tdkt::federation {

class PublicKey {
 public:
  // The raw 32-byte Ed25519 key in standard base64 (what node files hold).
  static Result<PublicKey> FromBase64(const std::string& base64);
  // True when `signature` is this key's signature of `data`.
  bool Verify(std::string_view data, std::string_view signature) const;
  const std::string& base64() const { return base64_; }

 private:
  std::string raw_;     // 32 bytes.
  std::string base64_;
};

class SigningKey {
 public:
  // Reads the PEM private key at `path`, creating a new one (0600) when the
  // file does not exist.
  static Result<SigningKey> LoadOrCreate(const std::string& path);
  static Result<SigningKey> FromPem(const std::string& pem);
  // A fresh random key (tests, benchmarks).
  static SigningKey Generate();

  std::string Sign(std::string_view data) const;  // 64-byte signature.
  PublicKey public_key() const;
  std::string PublicKeyBase64() const;

 private:
  std::string raw_private_;  // 32-byte seed.
  std::string raw_public_;   // 32 bytes.
};

}  // namespace tdkt::federation
