#include "common/federation/signing.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "common/federation/base64.h"

namespace tdkt::federation {
namespace {

constexpr size_t kKeySize = 32;
constexpr size_t kSignatureSize = 64;

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

Pkey RawPrivate(const std::string& seed) {
  return Pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                           reinterpret_cast<const unsigned char*>(seed.data()), seed.size()));
}

// Extracts seed and public key from an Ed25519 EVP_PKEY.
bool RawParts(EVP_PKEY* pkey, std::string& seed, std::string& pub) {
  size_t n = kKeySize;
  seed.assign(kKeySize, '\0');
  if (EVP_PKEY_get_raw_private_key(pkey, reinterpret_cast<unsigned char*>(seed.data()), &n) != 1 ||
      n != kKeySize) {
    return false;
  }
  n = kKeySize;
  pub.assign(kKeySize, '\0');
  return EVP_PKEY_get_raw_public_key(pkey, reinterpret_cast<unsigned char*>(pub.data()), &n) == 1 &&
         n == kKeySize;
}

std::string ToPem(const std::string& seed) {
  Pkey pkey = RawPrivate(seed);
  Bio bio(BIO_new(BIO_s_mem()));
  // PEM_write_bio_PrivateKey writes PKCS#8 ("BEGIN PRIVATE KEY"), the same
  // format as `openssl genpkey -algorithm ed25519`.
  if (!pkey || !bio || PEM_write_bio_PrivateKey(bio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return "";
  }
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

}  // namespace

Result<PublicKey> PublicKey::FromBase64(const std::string& base64) {
  std::string raw;
  if (base64.find_first_not_of(" \t\r\n") == std::string::npos || !DecodeBase64(base64, raw)) {
    return Status::InvalidArgument("public_key", "is not standard base64 (expected the raw 32-byte Ed25519 key)");
  }
  if (raw.size() != kKeySize) {
    return Status::InvalidArgument("public_key", "decodes to " + std::to_string(raw.size()) +
                                                     " bytes; an Ed25519 public key has 32");
  }
  Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                        reinterpret_cast<const unsigned char*>(raw.data()), raw.size()));
  if (!pkey) return Status::InvalidArgument("public_key", "is not a valid Ed25519 public key");
  PublicKey key;
  key.raw_ = raw;
  key.base64_ = EncodeBase64(raw);
  return key;
}

bool PublicKey::Verify(std::string_view data, std::string_view signature) const {
  if (raw_.size() != kKeySize || signature.size() != kSignatureSize) return false;
  Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                        reinterpret_cast<const unsigned char*>(raw_.data()), raw_.size()));
  MdCtx ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx) return false;
  // Ed25519 hashes internally: no message digest is given.
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

Result<SigningKey> SigningKey::FromPem(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return Status::Internal("out of memory reading a PEM key");
  Pkey pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!pkey) {
    return Status::InvalidArgument("signing_key_file",
                                   "is not a PEM private key (create one with `openssl genpkey -algorithm ed25519`)");
  }
  if (EVP_PKEY_id(pkey.get()) != EVP_PKEY_ED25519) {
    return Status::InvalidArgument("signing_key_file", "holds a key of another type; node keys are Ed25519");
  }
  SigningKey key;
  if (!RawParts(pkey.get(), key.raw_private_, key.raw_public_)) {
    return Status::InvalidArgument("signing_key_file", "the Ed25519 key cannot be read");
  }
  return key;
}

SigningKey SigningKey::Generate() {
  EVP_PKEY* raw = nullptr;
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
  bool ok = ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &raw) == 1;
  EVP_PKEY_CTX_free(ctx);
  Pkey pkey(raw);
  SigningKey key;
  if (!ok || !RawParts(pkey.get(), key.raw_private_, key.raw_public_)) {
    // Only when the OpenSSL library itself is broken: nothing could be signed.
    std::fprintf(stderr, "cannot generate an Ed25519 key with OpenSSL\n");
    std::abort();
  }
  return key;
}

Result<SigningKey> SigningKey::LoadOrCreate(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("signing_key_file", "is empty: give the path of this node's key");
  for (int round = 0; round < 2; ++round) {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (in) {
      std::string pem;
      char chunk[4096];
      size_t n;
      while ((n = std::fread(chunk, 1, sizeof chunk, in)) > 0) pem.append(chunk, n);
      std::fclose(in);
      auto key = FromPem(pem);
      if (!key.ok()) return Status::InvalidArgument("signing_key_file", path + " " + key.status().message());
      return key;
    }
    if (errno != ENOENT) {
      return Status::FailedPrecondition("cannot read the node key " + path + ": " + std::strerror(errno));
    }
    if (round == 1) break;
    // Create it. Several services of one node may start at once with the
    // same file: the key is written to a private temporary file, then linked
    // into place, which fails if another process won the race (then its
    // key is read on the next round).
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) return Status::FailedPrecondition("cannot create the folder of the node key " + path + ": " + ec.message());
    std::string pem = ToPem(Generate().raw_private_);
    if (pem.empty()) return Status::Internal("cannot encode a new node key as PEM");
    std::string tmp = path + ".tmp.XXXXXX";
    int fd = ::mkstemp(tmp.data());  // Unique per process and thread, mode 0600.
    if (fd < 0) return Status::FailedPrecondition("cannot create the node key " + path + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);  // Whatever the umask.
    bool written = ::write(fd, pem.data(), pem.size()) == static_cast<ssize_t>(pem.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
      ::unlink(tmp.c_str());
      return Status::FailedPrecondition("cannot write the node key " + path + ": " + std::strerror(errno));
    }
    int linked = ::link(tmp.c_str(), path.c_str());
    int link_errno = errno;
    ::unlink(tmp.c_str());
    if (linked != 0 && link_errno != EEXIST) {
      return Status::FailedPrecondition("cannot create the node key " + path + ": " + std::strerror(link_errno));
    }
  }
  return Status::FailedPrecondition("cannot read the node key " + path + " after creating it");
}

std::string SigningKey::Sign(std::string_view data) const {
  Pkey pkey = RawPrivate(raw_private_);
  MdCtx ctx(EVP_MD_CTX_new());
  std::string signature(kSignatureSize, '\0');
  size_t len = signature.size();
  if (!pkey || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    return "";  // A default-constructed key: nothing verifies against an empty signature.
  }
  signature.resize(len);
  return signature;
}

PublicKey SigningKey::public_key() const {
  auto key = PublicKey::FromBase64(PublicKeyBase64());
  return key.ok() ? *key : PublicKey();
}

std::string SigningKey::PublicKeyBase64() const { return EncodeBase64(raw_public_); }

}  // namespace tdkt::federation
