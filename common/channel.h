// The one way to open a gRPC channel or listening port: plaintext on a
// trusted loopback, mutual TLS between nodes when the node is configured with
// a CA, a certificate and a key (`make certs` writes development ones).
// Peers must present a certificate signed by that CA; the agency a node
// certificate names (URI SAN "tdkt:agency:<id>") is what PeerAgency returns.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "common/status.h"

namespace tdkt {

class Config;

struct TlsFiles {
  std::string ca_file;    // PEM CA bundle that signs every node certificate.
  std::string cert_file;  // PEM certificate of this node (its agency in a URI SAN).
  std::string key_file;   // PEM private key of cert_file.
  // TLS is on only when all three are set.
  bool enabled() const { return !ca_file.empty() && !cert_file.empty() && !key_file.empty(); }
};

// Declares --tls-ca, --tls-cert and --tls-key (TDKT_TLS_*); part of
// DeclareServiceOptions.
void DeclareTlsOptions(Config& config);
TlsFiles TlsFilesFrom(const Config& config);
// InvalidArgument naming the flag when a file is missing or unreadable.
Status CheckTlsFiles(const TlsFiles& tls);

// Server side: mutual TLS (client certificate required and verified against
// the CA) when enabled, plaintext otherwise. Files that cannot be read make
// the credentials null; callers report that as a start-up error.
std::shared_ptr<grpc::ServerCredentials> MakeServerCredentials(const TlsFiles& tls);
// Client side: presents this node's certificate and checks the server's
// against the CA when enabled; plaintext otherwise.
std::shared_ptr<grpc::ChannelCredentials> MakeChannelCredentials(const TlsFiles& tls);
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& address, const TlsFiles& tls,
                                           const grpc::ChannelArguments& args = grpc::ChannelArguments());

// The agency named by the verified client certificate of this call; nullopt
// on a plaintext connection or a certificate that names none.
std::optional<std::string> PeerAgency(const grpc::ServerContextBase& context);

// For calls from other nodes: over mutual TLS, the certificate's agency must
// be `claimed_agency` (PermissionDenied otherwise). Plaintext calls (the
// node's own loopback port) pass: their envelopes' signatures still decide.
Status CheckPeerAgency(const grpc::ServerContextBase& context, const std::string& claimed_agency);

}  // namespace tdkt
