// Where a node sits in the federation: its agency, its signing key, its
// parent (none at the top) and its children, with their public keys. Read
// from one JSON file (the --federation-file option every service declares);
// no file means a standalone node that forwards nothing.
//
// {
//   "agency": "56",
//   "signing_key_file": "var/node-key.pem",
//   "parent": {"agency": "TW", "public_key": "<base64>",
//              "nomination_address": "127.0.0.1:51051",
//              "reporting_address": "127.0.0.1:51054"},
//   "children": [{"agency": "22333", "public_key": "<base64>"}],
//   "deadline_ms": 5000, "initial_backoff_ms": 200, "max_backoff_ms": 30000,
//   "max_refusals": 5
// }
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/federation/signing.h"
#include "common/channel.h"
#include "common/status.h"

namespace tdkt::federation {

struct PeerNode {
  std::string agency;
  std::string public_key_base64;
  std::string nomination_address;  // Parent only: its nomination service.
  std::string reporting_address;   // Parent only: its reporting service.
};

struct FederationConfig {
  std::string agency;
  std::string signing_key_file;
  std::optional<PeerNode> parent;
  std::vector<PeerNode> children;
  int deadline_ms = 5000;           // Per call to the parent.
  int initial_backoff_ms = 200;     // First wait after a failed delivery.
  int max_backoff_ms = 30000;       // Longest wait (jittered).
  int max_refusals = 5;             // Refusals of one item before it is dead-lettered.
  // How to reach the parent: mutual TLS with these files when enabled. Set
  // from the --tls-* flags by the binaries, not read from the file.
  TlsFiles tls;
  // This replica's name (InstanceName, --instance), under which it holds
  // the outbox lease. Set by the binaries, not read from the file.
  std::string instance;

  bool enabled() const { return !agency.empty(); }
  // Children by agency, keys parsed; errors name the bad entry.
  Result<std::map<std::string, PublicKey>> ChildKeys() const;
  Result<std::map<std::string, PublicKey>> ParentKey() const;  // Empty map at the top.

  // An empty path gives a disabled (standalone) config.
  static Result<FederationConfig> Load(const std::string& path);
  static Result<FederationConfig> Parse(const std::string& json);
};

}  // namespace tdkt::federation
