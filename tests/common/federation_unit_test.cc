// Node keys, signed envelopes and the node file: pure unit tests (no Redis,
// no network; openssl is run when it is on PATH to check key formats).
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/federation/base64.h"
#include "common/federation/envelope.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"

namespace tdkt::federation {
namespace {

constexpr int64_t kNow = 1764600000000;  // 2025-12-01, ms.

std::string TempDir() {
  std::string dir = std::filesystem::temp_directory_path() / ("tdkt-fed-" + std::to_string(::getpid()) + "-" +
                                                              std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  return dir;
}

bool HaveOpenssl() { return std::system("command -v openssl >/dev/null 2>&1") == 0; }

std::string RunCommand(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[512];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// ---- signing ----

TEST(SigningTest, SignAndVerify) {
  SigningKey key = SigningKey::Generate();
  std::string sig = key.Sign("điển hình tiên tiến");
  EXPECT_EQ(sig.size(), 64u);
  PublicKey pub = key.public_key();
  EXPECT_TRUE(pub.Verify("điển hình tiên tiến", sig));
  EXPECT_FALSE(pub.Verify("điển hình tiên tiếN", sig));
  std::string bad = sig;
  bad[10] ^= 1;
  EXPECT_FALSE(pub.Verify("điển hình tiên tiến", bad));
  EXPECT_FALSE(pub.Verify("điển hình tiên tiến", sig.substr(0, 63)));
  EXPECT_FALSE(SigningKey::Generate().public_key().Verify("điển hình tiên tiến", sig));
}

TEST(SigningTest, PublicKeyBase64RoundTripAndErrors) {
  SigningKey key = SigningKey::Generate();
  std::string b64 = key.PublicKeyBase64();
  EXPECT_EQ(b64.size(), 44u);
  auto pub = PublicKey::FromBase64(b64);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  EXPECT_EQ(pub->base64(), b64);
  EXPECT_TRUE(pub->Verify("x", key.Sign("x")));
  EXPECT_TRUE(PublicKey::FromBase64(" " + b64 + "\n").ok());

  for (const std::string& bad : std::vector<std::string>{"", "not base64!", "AAAA", b64.substr(0, 43), b64 + "AAAA", "QUJD=A=="}) {
    auto r = PublicKey::FromBase64(bad);
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().field(), "public_key") << bad;
  }
  EXPECT_NE(PublicKey::FromBase64("AAAA").status().message().find("32"), std::string::npos);
}

TEST(SigningTest, LoadOrCreateMakesAPrivateFileAndReadsItBack) {
  std::string dir = TempDir();
  std::string path = dir + "/deep/er/node-key.pem";
  auto created = SigningKey::LoadOrCreate(path);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto again = SigningKey::LoadOrCreate(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->PublicKeyBase64(), created->PublicKeyBase64());
  EXPECT_TRUE(again->public_key().Verify("a", created->Sign("a")));

  std::ofstream(dir + "/junk.pem") << "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n";
  auto junk = SigningKey::LoadOrCreate(dir + "/junk.pem");
  EXPECT_EQ(junk.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(junk.status().field(), "signing_key_file");
  EXPECT_EQ(SigningKey::FromPem("hello").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(SigningKey::LoadOrCreate("").status().code(), Code::kInvalidArgument);
  std::filesystem::remove_all(dir);
}

TEST(SigningTest, ServicesStartingTogetherShareOneKey) {
  std::string dir = TempDir();
  std::string path = dir + "/var/node-key.pem";
  std::vector<std::string> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      auto key = SigningKey::LoadOrCreate(path);
      seen[i] = key.ok() ? key->PublicKeyBase64() : key.status().ToString();
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : seen) EXPECT_EQ(s, seen[0]);
  EXPECT_EQ(seen[0].size(), 44u) << seen[0];
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/var")) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);  // No temporary file left behind.
  std::filesystem::remove_all(dir);
}

TEST(Base64Test, StandardAndStrict) {
  std::string out;
  for (std::string raw : {std::string(""), std::string("f"), std::string("fo"), std::string("foo"),
                          std::string("foob"), std::string("\xff\x00\x80", 3)}) {
    ASSERT_TRUE(DecodeBase64(EncodeBase64(raw), out)) << raw;
    EXPECT_EQ(out, raw);
  }
  EXPECT_EQ(EncodeBase64("fo"), "Zm8=");
  EXPECT_EQ(EncodeBase64("f"), "Zg==");
  EXPECT_TRUE(DecodeBase64(" Zm9v\n", out));
  EXPECT_EQ(out, "foo");
  for (const char* bad : {"Zm8", "Zm-v", "Z===", "Zg=a", "Zm_v", "Zm9v Zm9v"}) EXPECT_FALSE(DecodeBase64(bad, out)) << bad;
}

TEST(SigningTest, KeysMatchTheOpensslCommandLine) {
  if (!HaveOpenssl()) GTEST_SKIP() << "openssl is not on PATH";
  std::string dir = TempDir();
  // A key made by openssl, as the demo script makes them.
  std::string theirs = dir + "/theirs.pem";
  ASSERT_EQ(std::system(("openssl genpkey -algorithm ed25519 -out " + theirs + " 2>/dev/null").c_str()), 0);
  auto loaded = SigningKey::LoadOrCreate(theirs);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->PublicKeyBase64(),
            RunCommand("openssl pkey -in " + theirs + " -pubout -outform DER | tail -c 32 | base64"));
  // A key made here, read by openssl.
  std::string ours = dir + "/ours.pem";
  auto created = SigningKey::LoadOrCreate(ours);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->PublicKeyBase64(),
            RunCommand("openssl pkey -in " + ours + " -pubout -outform DER | tail -c 32 | base64"));
  std::filesystem::remove_all(dir);
}

// ---- envelopes ----

class EnvelopeTest : public ::testing::Test {
 protected:
  SigningKey commune_ = SigningKey::Generate();   // 22333, a commune under province 56.
  SigningKey other_ = SigningKey::Generate();     // 22336, another commune.
  std::map<std::string, PublicKey> known_{{"22333", commune_.public_key()}, {"22336", other_.public_key()}};
  OpenOptions options_{"56", "proposal", kNow};

  fv1::Envelope Sealed() {
    return Seal(commune_, "22333/proposals/1764600000000-0", "22333", "56", "proposal", "payload \x01\x02", kNow);
  }
};

TEST_F(EnvelopeTest, CanonicalBytesAreLengthPrefixed) {
  fv1::Envelope e = Sealed();
  std::string bytes = CanonicalBytes(e);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\0\0\0\0\0\0\0\x10", 8));
  EXPECT_EQ(bytes.substr(8, 16), "tdkt-envelope-v1");
  EXPECT_NE(bytes.find(PayloadDigest(e.payload())), std::string::npos);
  EXPECT_NE(bytes.find("1764600000000"), std::string::npos);
  EXPECT_EQ(MessageId("22333", "proposals", "1764600000000-0"), "22333/proposals/1764600000000-0");
  EXPECT_EQ(PayloadDigest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // Moving a character from one field to the next changes the bytes.
  fv1::Envelope moved = e;
  moved.set_sender_agency("2233");
  moved.set_recipient_agency("356");
  EXPECT_NE(CanonicalBytes(moved), bytes);
}

TEST_F(EnvelopeTest, SealedEnvelopeOpens) {
  Status st = Open(Sealed(), known_, options_);
  EXPECT_TRUE(st.ok()) << st.ToString();
  options_.expected_kind = "";
  EXPECT_TRUE(Open(Sealed(), known_, options_).ok());
}

TEST_F(EnvelopeTest, EveryTamperedFieldIsRefused) {
  options_.expected_kind = "";  // So a changed kind reaches the signature check.
  std::vector<std::pair<std::string, std::function<void(fv1::Envelope&)>>> tampers = {
      {"message_id", [](fv1::Envelope& e) { e.set_message_id("22333/proposals/1764600000000-1"); }},
      {"sender", [](fv1::Envelope& e) { e.set_sender_agency("22336"); }},
      {"kind", [](fv1::Envelope& e) { e.set_kind("report"); }},
      {"payload", [](fv1::Envelope& e) { e.set_payload("payload \x01\x03"); }},
      {"signed_at", [](fv1::Envelope& e) { e.set_signed_at_unix_ms(kNow + 1); }},
      {"signature", [](fv1::Envelope& e) { e.mutable_signature()->at(0) ^= 1; }},
  };
  for (auto& [name, tamper] : tampers) {
    fv1::Envelope e = Sealed();
    tamper(e);
    Status st = Open(e, known_, options_);
    EXPECT_EQ(st.code(), Code::kUnauthenticated) << name;
    EXPECT_EQ(st.message(), "payload signature does not match: the message was altered or signed with another key")
        << name;
  }
  // The recipient is checked before the signature.
  fv1::Envelope e = Sealed();
  e.set_recipient_agency("01");
  EXPECT_EQ(Open(e, known_, options_).code(), Code::kPermissionDenied);
  // Signed by a key that is not the sender's.
  fv1::Envelope forged = Seal(other_, "22333/proposals/x", "22333", "56", "proposal", "p", kNow);
  EXPECT_EQ(Open(forged, known_, options_).code(), Code::kUnauthenticated);
  fv1::Envelope unsigned_envelope = Sealed();
  unsigned_envelope.clear_signature();
  Status st = Open(unsigned_envelope, known_, options_);
  EXPECT_EQ(st.code(), Code::kUnauthenticated);
  EXPECT_NE(st.message().find("not signed"), std::string::npos);
}

TEST_F(EnvelopeTest, UnknownSenderAndWrongRecipient) {
  Status st = Open(Sealed(), {{"22336", other_.public_key()}}, options_);
  EXPECT_EQ(st.code(), Code::kPermissionDenied);
  EXPECT_EQ(st.message(), "unknown sender node 22333: this node holds no public key for it");
  options_.recipient_agency = "01";
  st = Open(Sealed(), known_, options_);
  EXPECT_EQ(st.code(), Code::kPermissionDenied);
  EXPECT_NE(st.message().find("meant for node 56"), std::string::npos) << st.message();
}

TEST_F(EnvelopeTest, MissingIdAndWrongKindNameTheField) {
  fv1::Envelope e = Sealed();
  e.clear_message_id();
  Status st = Open(e, known_, options_);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "envelope.message_id");
  options_.expected_kind = "report";
  st = Open(Sealed(), known_, options_);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "envelope.kind");
  e = Sealed();
  e.clear_kind();
  EXPECT_EQ(Open(e, known_, options_).field(), "envelope.kind");
}

TEST_F(EnvelopeTest, StaleAndFutureSignaturesAreRefused) {
  options_.now_unix_ms = kNow + 3605 * 1000;
  Status st = Open(Sealed(), known_, options_);
  EXPECT_EQ(st.code(), Code::kFailedPrecondition);
  EXPECT_EQ(st.message(), "signed 3605 s ago, more than 600 s: refused as a replay");
  options_.now_unix_ms = kNow + 600 * 1000;  // Exactly at the limit: still fresh.
  EXPECT_TRUE(Open(Sealed(), known_, options_).ok());
  options_.now_unix_ms = kNow - 125 * 1000;
  st = Open(Sealed(), known_, options_);
  EXPECT_EQ(st.code(), Code::kFailedPrecondition);
  EXPECT_NE(st.message().find("125 s in the future"), std::string::npos) << st.message();
  options_.now_unix_ms = kNow - 60 * 1000;  // Within the allowed skew.
  EXPECT_TRUE(Open(Sealed(), known_, options_).ok());
  // A tampered stale envelope reports the tampering, not the age.
  options_.now_unix_ms = kNow + 3605 * 1000;
  fv1::Envelope e = Sealed();
  e.set_payload("other");
  EXPECT_EQ(Open(e, known_, options_).code(), Code::kUnauthenticated);
}

// ---- the node file ----

class FederationConfigTest : public ::testing::Test {
 protected:
  std::string parent_key_ = SigningKey::Generate().PublicKeyBase64();
  std::string child1_ = SigningKey::Generate().PublicKeyBase64();
  std::string child2_ = SigningKey::Generate().PublicKeyBase64();

  std::string Json(const std::string& child2_key) {
    return R"({"agency": "56", "signing_key_file": "var/node-key.pem",
      "parent": {"agency": "TW", "public_key": ")" + parent_key_ + R"(",
                 "nomination_address": "127.0.0.1:51051", "reporting_address": "127.0.0.1:51054"},
      "children": [{"agency": "22333", "public_key": ")" + child1_ + R"("},
                   {"agency": "22336", "public_key": ")" + child2_key + R"("}],
      "deadline_ms": 3000, "initial_backoff_ms": 100, "max_backoff_ms": 20000, "max_refusals": 3})";
  }

  Status ParseError(const std::string& json) {
    auto config = FederationConfig::Parse(json);
    return config.ok() ? Status::Ok() : config.status();
  }
};

TEST_F(FederationConfigTest, ParsesTheNodeFile) {
  auto config = FederationConfig::Parse(Json(child2_));
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_TRUE(config->enabled());
  EXPECT_EQ(config->agency, "56");
  EXPECT_EQ(config->signing_key_file, "var/node-key.pem");
  ASSERT_TRUE(config->parent.has_value());
  EXPECT_EQ(config->parent->agency, "TW");
  EXPECT_EQ(config->parent->nomination_address, "127.0.0.1:51051");
  EXPECT_EQ(config->parent->reporting_address, "127.0.0.1:51054");
  ASSERT_EQ(config->children.size(), 2u);
  EXPECT_EQ(config->children[1].agency, "22336");
  EXPECT_EQ(config->deadline_ms, 3000);
  EXPECT_EQ(config->initial_backoff_ms, 100);
  EXPECT_EQ(config->max_backoff_ms, 20000);
  EXPECT_EQ(config->max_refusals, 3);
  auto children = config->ChildKeys();
  ASSERT_TRUE(children.ok());
  EXPECT_EQ(children->size(), 2u);
  EXPECT_EQ(children->at("22333").base64(), child1_);
  auto parent = config->ParentKey();
  ASSERT_TRUE(parent.ok());
  EXPECT_EQ(parent->at("TW").base64(), parent_key_);

  auto top = FederationConfig::Parse(R"({"agency": "TW", "signing_key_file": "k.pem"})");
  ASSERT_TRUE(top.ok());
  EXPECT_FALSE(top->parent.has_value());
  EXPECT_TRUE(top->ParentKey()->empty());
  EXPECT_EQ(top->max_refusals, 5);  // Defaults kept.
}

TEST_F(FederationConfigTest, ErrorsNameTheField) {
  Status st = ParseError(Json("bm90IGEga2V5"));
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "children[1].public_key");
  EXPECT_EQ(ParseError(Json("%%%")).field(), "children[1].public_key");
  EXPECT_EQ(ParseError("{").field(), "federation-file");
  EXPECT_EQ(ParseError("[]").field(), "federation-file");
  EXPECT_EQ(ParseError(R"({"signing_key_file": "k"})").field(), "agency");
  EXPECT_EQ(ParseError(R"({"agency": 56, "signing_key_file": "k"})").field(), "agency");
  EXPECT_EQ(ParseError(R"({"agency": "56"})").field(), "signing_key_file");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "parent": {"agency": "TW"}})").field(),
            "parent.public_key");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "parent": {"agency": "TW",
            "public_key": "abc"}})").field(), "parent.public_key");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "children": {}})").field(), "children");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "children": [{"public_key": ")" + child1_ +
                       R"("}]})").field(), "children[0].agency");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "children": [
      {"agency": "1", "public_key": ")" + child1_ + R"("}, {"agency": "1", "public_key": ")" + child2_ +
                       R"("}]})").field(), "children[1].agency");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "deadline_ms": "5s"})").field(), "deadline_ms");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "max_refusals": 0})").field(), "max_refusals");
  EXPECT_EQ(ParseError(R"({"agency": "56", "signing_key_file": "k", "initial_backoff_ms": 500,
            "max_backoff_ms": 100})").field(), "max_backoff_ms");
}

TEST_F(FederationConfigTest, LoadFromFile) {
  auto standalone = FederationConfig::Load("");
  ASSERT_TRUE(standalone.ok());
  EXPECT_FALSE(standalone->enabled());
  EXPECT_TRUE(standalone->ChildKeys()->empty());
  EXPECT_TRUE(standalone->ParentKey()->empty());

  std::string dir = TempDir();
  std::ofstream(dir + "/node.json") << Json(child2_);
  auto loaded = FederationConfig::Load(dir + "/node.json");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->children.size(), 2u);
  auto missing = FederationConfig::Load(dir + "/absent.json");
  EXPECT_EQ(missing.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(missing.status().field(), "federation-file");
  EXPECT_NE(missing.status().message().find("absent.json"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_F(FederationConfigTest, KeysOfAHandBuiltConfigAreChecked) {
  FederationConfig config;
  config.agency = "56";
  config.children.push_back({"22333", child1_, "", ""});
  config.children.push_back({"22336", "bad", "", ""});
  EXPECT_EQ(config.ChildKeys().status().field(), "children[1].public_key");
  config.parent = PeerNode{"TW", "bad", "", ""};
  EXPECT_EQ(config.ParentKey().status().field(), "parent.public_key");
}

}  // namespace
}  // namespace tdkt::federation
