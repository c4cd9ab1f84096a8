#include "common/auth.h"

#include <jwt.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

#include <grpcpp/server_context.h>

#include "common/hex.h"

namespace tdkt {
namespace {

const std::vector<std::pair<Role, std::string>>& RoleNames() {
  static const std::vector<std::pair<Role, std::string>> names = {
      {Role::kOfficer, "officer"},
      {Role::kCouncilMember, "council_member"},
      {Role::kCouncilSecretary, "council_secretary"},
      {Role::kMediaEditor, "media_editor"},
      {Role::kReportingOfficer, "reporting_officer"},
      {Role::kInspector, "inspector"},
      {Role::kSupervisor, "supervisor"},
      {Role::kNode, "node"},
      {Role::kAdmin, "admin"},
  };
  return names;
}

constexpr size_t kMaxCachedTokens = 10000;

}  // namespace

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> r;
    for (const auto& [role, name] : RoleNames()) r.push_back(role);
    return r;
  }();
  return roles;
}

std::string RoleName(Role role) {
  for (const auto& [r, name] : RoleNames()) if (r == role) return name;
  return "unknown";
}

std::optional<Role> ParseRole(const std::string& name) {
  for (const auto& [r, n] : RoleNames()) if (n == name) return r;
  return std::nullopt;
}

TokenVerifier::TokenVerifier(std::string secret) : secret_(std::move(secret)) {}

Result<Caller> TokenVerifier::Verify(const std::string& token) const {
  long now = static_cast<long>(std::time(nullptr));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(token);
    if (it != cache_.end()) {
      if (it->second.expires_at > now) return it->second.caller;
      cache_.erase(it);
    }
  }
  jwt_t* jwt = nullptr;
  if (jwt_decode(&jwt, token.c_str(), reinterpret_cast<const unsigned char*>(secret_.data()),
                 static_cast<int>(secret_.size())) != 0 || jwt == nullptr) {
    return Status::Unauthenticated("the access token is not valid (bad signature or format)");
  }
  Status failure;
  Caller caller;
  long exp = 0;
  if (jwt_get_alg(jwt) != JWT_ALG_HS256) {
    failure = Status::Unauthenticated("the access token must be signed with HS256");
  } else {
    const char* sub = jwt_get_grant(jwt, "sub");
    const char* role = jwt_get_grant(jwt, "role");
    const char* agency = jwt_get_grant(jwt, "agency");
    exp = jwt_get_grant_int(jwt, "exp");
    std::optional<Role> parsed = role ? ParseRole(role) : std::nullopt;
    if (!sub || !*sub || !agency || !*agency || !parsed) {
      failure = Status::Unauthenticated("the access token lacks a subject, a known role or an agency");
    } else if (exp <= now) {
      failure = Status::Unauthenticated("the access token has expired; ask for a new one");
    } else {
      caller = Caller{sub, *parsed, agency};
    }
  }
  jwt_free(jwt);
  if (!failure.ok()) return failure;
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_.size() >= kMaxCachedTokens) cache_.clear();
  cache_[token] = Cached{caller, exp};
  return caller;
}

Result<std::string> TokenVerifier::Mint(const Caller& caller, long ttl_seconds) const {
  jwt_t* jwt = nullptr;
  if (jwt_new(&jwt) != 0) return Status::Internal("cannot create token");
  long now = static_cast<long>(std::time(nullptr));
  jwt_add_grant(jwt, "sub", caller.subject.c_str());
  jwt_add_grant(jwt, "role", RoleName(caller.role).c_str());
  jwt_add_grant(jwt, "agency", caller.agency.c_str());
  jwt_add_grant_int(jwt, "iat", now);
  jwt_add_grant_int(jwt, "exp", now + ttl_seconds);
  jwt_set_alg(jwt, JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(secret_.data()),
              static_cast<int>(secret_.size()));
  char* encoded = jwt_encode_str(jwt);
  jwt_free(jwt);
  if (!encoded) return Status::Internal("cannot sign token");
  std::string out = encoded;
  free(encoded);  // libjwt 1.10 allocates with malloc
  return out;
}

Result<Caller> Authenticate(const grpc::ServerContextBase& context, const TokenVerifier& verifier) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return Status::Unauthenticated("no access token: send 'authorization: Bearer <token>'");
  }
  std::string value(it->second.data(), it->second.size());
  const std::string prefix = "Bearer ";
  if (value.rfind(prefix, 0) != 0) {
    return Status::Unauthenticated("the authorization header must read 'Bearer <token>'");
  }
  return verifier.Verify(value.substr(prefix.size()));
}

Result<std::string> LoadOrCreateSecret(const std::string& path) {
  {
    std::ifstream in(path);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      std::string secret = ss.str();
      while (!secret.empty() && (secret.back() == '\n' || secret.back() == ' ')) secret.pop_back();
      if (secret.size() < 32) return Status::InvalidArgument("jwt-secret-file", "key in " + path + " is shorter than 32 characters");
      return secret;
    }
  }
  auto hex = RandomHex(32);
  if (!hex.ok()) return hex.status();
  auto slash = path.rfind('/');
  if (slash != std::string::npos) ::mkdir(path.substr(0, slash).c_str(), 0700);
  // Write a temporary file, then link it into place: when several services
  // start at once, exactly one key wins and the others read it. The name is
  // random, not the pid: containers sharing the volume are all pid 1.
  auto nonce = RandomHex(8);
  if (!nonce.ok()) return nonce.status();
  const std::string tmp = path + ".tmp." + *nonce;
  {
    std::ofstream out(tmp);
    if (!out) return Status::Unavailable("cannot write key file " + path);
    out << *hex << "\n";
  }
  ::chmod(tmp.c_str(), 0600);
  int linked = ::link(tmp.c_str(), path.c_str());
  ::unlink(tmp.c_str());
  if (linked != 0) return LoadOrCreateSecret(path);  // another process won the race
  return *hex;
}

}  // namespace tdkt
