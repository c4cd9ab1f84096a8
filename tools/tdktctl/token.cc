#include "tools/tdktctl/token.h"

#include <cstdlib>
#include <iostream>

#include "common/auth.h"
#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/values.h"

namespace tdkt::ctl {

std::string DefaultSecretFile() {
  const char* env = std::getenv("TDKT_JWT_SECRET_FILE");
  return env && *env ? env : "var/jwt-secret";
}

namespace {

Result<Role> RoleNamed(const std::string& name) {
  if (std::optional<Role> role = ParseRole(name)) return *role;
  std::string names;
  for (Role r : AllRoles()) names += (names.empty() ? "" : ", ") + RoleName(r);
  return Status::InvalidArgument("--role", "unknown role '" + name + "'; use one of " + names);
}

}  // namespace

Result<std::string> MintToken(const std::string& secret_file, const std::string& role, const std::string& agency,
                              const std::string& subject, long ttl_seconds) {
  auto parsed = RoleNamed(role);
  if (!parsed.ok()) return parsed.status();
  auto secret = LoadOrCreateSecret(secret_file);
  if (!secret.ok()) return secret.status();
  return TokenVerifier(*secret).Mint(Caller{subject, *parsed, agency}, ttl_seconds);
}

int RunToken(const Args& args, const Endpoint&) {
  auto role = args.Required("role");
  if (!role.ok()) return UsageError("token", role.status());
  auto agency = args.Required("agency");
  if (!agency.ok()) return UsageError("token", agency.status());
  auto subject = args.Required("subject");
  if (!subject.ok()) return UsageError("token", subject.status());
  auto ttl = ParseInt("--ttl", args.Get("ttl", "86400"), 1, 10LL * 366 * 86400);
  if (!ttl.ok()) return UsageError("token", ttl.status());
  if (auto known = RoleNamed(*role); !known.ok()) return UsageError("token", known.status());
  auto token = MintToken(args.Get("secret-file", DefaultSecretFile()), *role, *agency, *subject,
                         static_cast<long>(*ttl));
  if (!token.ok()) return ReportError(token.status());
  std::cout << *token << "\n";  // only the token: scripts capture it with $(...)
  return kExitOk;
}

}  // namespace tdkt::ctl
