// Caller identity: signed JWTs (HS256, checked with libjwt) carrying a role
// and an agency. Every RPC authenticates first; see access.h for the checks.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace grpc {
class ServerContextBase;
}

namespace tdkt {

enum class Role {
  kOfficer,           // cán bộ thi đua, khen thưởng
  kCouncilMember,     // thành viên Hội đồng
  kCouncilSecretary,  // thư ký Hội đồng
  kMediaEditor,       // biên tập viên
  kReportingOfficer,  // cán bộ báo cáo
  kInspector,         // kiểm tra
  kSupervisor,        // Mặt trận Tổ quốc, đoàn thể: giám sát
  kNode,              // another node or service (service to service)
  kAdmin,             // administrator of this node
};

const std::vector<Role>& AllRoles();
std::string RoleName(Role role);                      // e.g. "council_secretary"
std::optional<Role> ParseRole(const std::string& name);

struct Caller {
  std::string subject;  // Who: a user name or node id.
  Role role = Role::kOfficer;
  std::string agency;   // Agency the caller acts for.
};

class TokenVerifier {
 public:
  explicit TokenVerifier(std::string secret);
  // Checks signature, expiry and claims. Verified tokens are cached until
  // they expire, so hot paths pay for the HMAC once per token.
  Result<Caller> Verify(const std::string& token) const;
  // Issues a token valid for `ttl_seconds` (tdktctl, tests, make run).
  Result<std::string> Mint(const Caller& caller, long ttl_seconds) const;

 private:
  std::string secret_;
  struct Cached {
    Caller caller;
    long expires_at;
  };
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, Cached> cache_;
};

// Reads "authorization: Bearer <token>" from the call and verifies it.
Result<Caller> Authenticate(const grpc::ServerContextBase& context, const TokenVerifier& verifier);

// Reads the signing key from `path`, creating a random one (mode 0600) when
// the file does not exist yet.
Result<std::string> LoadOrCreateSecret(const std::string& path);

}  // namespace tdkt
