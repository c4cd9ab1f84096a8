#include "common/federation/federation_config.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>

namespace tdkt::federation {
namespace {

using nlohmann::json;

Status ReadString(const json& object, const std::string& key, const std::string& path, bool required,
                  std::string& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) return Status::InvalidArgument(path, "is missing");
    return Status::Ok();
  }
  if (!it->is_string()) return Status::InvalidArgument(path, "must be a string");
  out = it->get<std::string>();
  if (required && out.empty()) return Status::InvalidArgument(path, "is empty");
  return Status::Ok();
}

Status ReadInt(const json& object, const std::string& key, int min, int& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Status::Ok();  // Default kept.
  if (!it->is_number_integer()) return Status::InvalidArgument(key, "must be a whole number");
  long long v = it->get<long long>();
  if (v < min || v > 24LL * 3600 * 1000) {
    return Status::InvalidArgument(key, "must be between " + std::to_string(min) + " and 86400000");
  }
  out = static_cast<int>(v);
  return Status::Ok();
}

// A peer entry at `path` ("parent" or "children[2]").
Status ReadPeer(const json& value, const std::string& path, bool is_parent, PeerNode& peer) {
  if (!value.is_object()) return Status::InvalidArgument(path, "must be an object");
  TDKT_RETURN_IF_ERROR(ReadString(value, "agency", path + ".agency", true, peer.agency));
  TDKT_RETURN_IF_ERROR(ReadString(value, "public_key", path + ".public_key", true, peer.public_key_base64));
  auto key = PublicKey::FromBase64(peer.public_key_base64);
  if (!key.ok()) return Status::InvalidArgument(path + ".public_key", key.status().message());
  if (is_parent) {
    TDKT_RETURN_IF_ERROR(ReadString(value, "nomination_address", path + ".nomination_address", false,
                                    peer.nomination_address));
    TDKT_RETURN_IF_ERROR(ReadString(value, "reporting_address", path + ".reporting_address", false,
                                    peer.reporting_address));
  }
  return Status::Ok();
}

}  // namespace

Result<FederationConfig> FederationConfig::Parse(const std::string& text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Status::InvalidArgument("federation-file", "is not valid JSON");
  }
  if (!doc.is_object()) return Status::InvalidArgument("federation-file", "must be a JSON object");
  // Unknown keys are ignored so that a newer node file still loads.
  FederationConfig config;
  TDKT_RETURN_IF_ERROR(ReadString(doc, "agency", "agency", true, config.agency));
  TDKT_RETURN_IF_ERROR(ReadString(doc, "signing_key_file", "signing_key_file", true, config.signing_key_file));
  auto parent = doc.find("parent");
  if (parent != doc.end() && !parent->is_null()) {
    PeerNode peer;
    TDKT_RETURN_IF_ERROR(ReadPeer(*parent, "parent", true, peer));
    if (peer.agency == config.agency) {
      return Status::InvalidArgument("parent.agency", "is this node's own agency " + config.agency);
    }
    config.parent = peer;
  }
  auto children = doc.find("children");
  if (children != doc.end() && !children->is_null()) {
    if (!children->is_array()) return Status::InvalidArgument("children", "must be a list");
    std::set<std::string> seen;
    for (size_t i = 0; i < children->size(); ++i) {
      std::string path = "children[" + std::to_string(i) + "]";
      PeerNode child;
      TDKT_RETURN_IF_ERROR(ReadPeer((*children)[i], path, false, child));
      if (child.agency == config.agency) {
        return Status::InvalidArgument(path + ".agency", "is this node's own agency " + config.agency);
      }
      if (config.parent && child.agency == config.parent->agency) {
        return Status::InvalidArgument(path + ".agency", "is also this node's parent");
      }
      if (!seen.insert(child.agency).second) {
        return Status::InvalidArgument(path + ".agency", "child " + child.agency + " is listed twice");
      }
      config.children.push_back(child);
    }
  }
  TDKT_RETURN_IF_ERROR(ReadInt(doc, "deadline_ms", 1, config.deadline_ms));
  TDKT_RETURN_IF_ERROR(ReadInt(doc, "initial_backoff_ms", 1, config.initial_backoff_ms));
  TDKT_RETURN_IF_ERROR(ReadInt(doc, "max_backoff_ms", 1, config.max_backoff_ms));
  TDKT_RETURN_IF_ERROR(ReadInt(doc, "max_refusals", 1, config.max_refusals));
  if (config.max_backoff_ms < config.initial_backoff_ms) {
    return Status::InvalidArgument("max_backoff_ms", "must not be less than initial_backoff_ms (" +
                                                         std::to_string(config.initial_backoff_ms) + ")");
  }
  return config;
}

Result<FederationConfig> FederationConfig::Load(const std::string& path) {
  if (path.empty()) return FederationConfig();
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (!in) {
    return Status::InvalidArgument("federation-file", "cannot read " + path + ": " + std::strerror(errno));
  }
  std::string text;
  char chunk[4096];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, in)) > 0) text.append(chunk, n);
  std::fclose(in);
  auto config = Parse(text);
  if (!config.ok() && config.status().field() == "federation-file") {
    return Status::InvalidArgument("federation-file", path + " " + config.status().message());
  }
  return config;
}

Result<std::map<std::string, PublicKey>> FederationConfig::ChildKeys() const {
  std::map<std::string, PublicKey> keys;
  for (size_t i = 0; i < children.size(); ++i) {
    std::string path = "children[" + std::to_string(i) + "]";
    if (children[i].agency.empty()) return Status::InvalidArgument(path + ".agency", "is empty");
    auto key = PublicKey::FromBase64(children[i].public_key_base64);
    if (!key.ok()) return Status::InvalidArgument(path + ".public_key", key.status().message());
    if (!keys.emplace(children[i].agency, *key).second) {
      return Status::InvalidArgument(path + ".agency", "child " + children[i].agency + " is listed twice");
    }
  }
  return keys;
}

Result<std::map<std::string, PublicKey>> FederationConfig::ParentKey() const {
  std::map<std::string, PublicKey> keys;
  if (!parent) return keys;
  if (parent->agency.empty()) return Status::InvalidArgument("parent.agency", "is empty");
  auto key = PublicKey::FromBase64(parent->public_key_base64);
  if (!key.ok()) return Status::InvalidArgument("parent.public_key", key.status().message());
  keys.emplace(parent->agency, *key);
  return keys;
}

}  // namespace tdkt::federation
