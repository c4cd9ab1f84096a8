#include "common/channel.h"

#include <fstream>
#include <sstream>

#include "common/config.h"
#include "common/status.h"

namespace tdkt {

namespace {

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

constexpr char kAgencyUriPrefix[] = "tdkt:agency:";

}  // namespace

void DeclareTlsOptions(Config& config) {
  config.Declare("tls-ca", "", "PEM CA that signs node certificates; with --tls-cert and --tls-key turns on mutual TLS");
  config.Declare("tls-cert", "", "PEM certificate of this node (make certs writes var/certs/<agency>.pem)");
  config.Declare("tls-key", "", "PEM private key of --tls-cert");
}

Status CheckTlsFiles(const TlsFiles& tls) {
  const std::pair<const char*, const std::string*> files[] = {
      {"tls-ca", &tls.ca_file}, {"tls-cert", &tls.cert_file}, {"tls-key", &tls.key_file}};
  for (const auto& [flag, path] : files) {
    if (path->empty()) return Status::InvalidArgument(flag, "is needed with the other --tls-* files");
    if (!ReadFile(*path)) return Status::InvalidArgument(flag, "cannot read " + *path);
  }
  return Status::Ok();
}

Status CheckPeerAgency(const grpc::ServerContextBase& context, const std::string& claimed_agency) {
  auto auth = context.auth_context();
  if (!auth || !auth->IsPeerAuthenticated()) return Status::Ok();  // Plaintext, the node's own loopback port.
  auto agency = PeerAgency(context);
  if (!agency) return Status::PermissionDenied("the peer's certificate names no agency (URI tdkt:agency:<id>)");
  if (*agency != claimed_agency) {
    return Status::PermissionDenied("the peer's certificate is for agency " + *agency + ", not " + claimed_agency);
  }
  return Status::Ok();
}

TlsFiles TlsFilesFrom(const Config& config) {
  return TlsFiles{config.Get("tls-ca"), config.Get("tls-cert"), config.Get("tls-key")};
}

std::shared_ptr<grpc::ServerCredentials> MakeServerCredentials(const TlsFiles& tls) {
  if (!tls.enabled()) return grpc::InsecureServerCredentials();
  auto ca = ReadFile(tls.ca_file), cert = ReadFile(tls.cert_file), key = ReadFile(tls.key_file);
  if (!ca || !cert || !key) return nullptr;
  grpc::SslServerCredentialsOptions options(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = *ca;
  options.pem_key_cert_pairs.push_back({*key, *cert});
  return grpc::SslServerCredentials(options);
}

std::shared_ptr<grpc::ChannelCredentials> MakeChannelCredentials(const TlsFiles& tls) {
  if (!tls.enabled()) return grpc::InsecureChannelCredentials();
  auto ca = ReadFile(tls.ca_file), cert = ReadFile(tls.cert_file), key = ReadFile(tls.key_file);
  if (!ca || !cert || !key) return nullptr;
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = *ca;
  options.pem_private_key = *key;
  options.pem_cert_chain = *cert;
  return grpc::SslCredentials(options);
}

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address, const TlsFiles& tls,
                                           const grpc::ChannelArguments& args) {
  auto credentials = MakeChannelCredentials(tls);
  // Unreadable files: a channel that fails every call, so the error surfaces
  // as UNAVAILABLE at the first call rather than a crash.
  if (!credentials) credentials = grpc::SslCredentials(grpc::SslCredentialsOptions{"-", "-", "-"});
  return grpc::CreateCustomChannel(address, credentials, args);
}

std::optional<std::string> PeerAgency(const grpc::ServerContextBase& context) {
  auto auth = context.auth_context();
  if (!auth || !auth->IsPeerAuthenticated()) return std::nullopt;
  for (const auto& value : auth->FindPropertyValues("x509_subject_alternative_name")) {
    std::string san(value.data(), value.size());
    if (san.rfind(kAgencyUriPrefix, 0) == 0) return san.substr(sizeof(kAgencyUriPrefix) - 1);
  }
  return std::nullopt;
}

}  // namespace tdkt
