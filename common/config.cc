#include "common/config.h"

#include "common/channel.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace tdkt {

void Config::Declare(const std::string& name, const std::string& default_value,
                     const std::string& help) {
  if (!options_.count(name)) order_.push_back(name);
  options_[name] = Option{default_value, default_value, help};
}

std::string Config::EnvName(const std::string& name) {
  std::string env = "TDKT_";
  for (char c : name) env += (c == '-') ? '_' : static_cast<char>(std::toupper(c));
  return env;
}

Status Config::Load(int argc, char** argv) {
  for (auto& [name, option] : options_) {
    if (const char* env = std::getenv(EnvName(name).c_str())) option.value = env;
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      return Status::InvalidArgument(arg, "expected --name=value");
    }
    auto eq = arg.find('=');
    std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    auto it = options_.find(name);
    if (it == options_.end()) return Status::InvalidArgument(name, "unknown option");
    it->second.value = eq == std::string::npos ? "true" : arg.substr(eq + 1);
  }
  for (auto& [name, option] : options_) {
    if (option.default_value.empty() || option.value.empty()) continue;
    bool numeric_default = option.default_value.find_first_not_of("0123456789") == std::string::npos;
    std::string digits = option.value[0] == '-' ? option.value.substr(1) : option.value;  // -1 = off
    if (numeric_default && (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)) {
      return Status::InvalidArgument(name, "must be a whole number, got '" + option.value + "'");
    }
  }
  return Status::Ok();
}

int Config::LoadCommandLine(int argc, char** argv) {
  Status st = Load(argc, argv);
  if (help_requested()) {
    std::cout << Usage(argv[0]);
    return 0;
  }
  if (!st.ok()) {
    std::cerr << "error: " << st.ToString() << "\n\n" << Usage(argv[0]);
    return 2;
  }
  return -1;
}

std::string Config::Get(const std::string& name) const {
  auto it = options_.find(name);
  return it == options_.end() ? "" : it->second.value;
}

int Config::GetInt(const std::string& name) const { return std::atoi(Get(name).c_str()); }

bool Config::GetBool(const std::string& name) const {
  std::string v = Get(name);
  return v == "1" || v == "true" || v == "yes";
}

void Config::Set(const std::string& name, const std::string& value) {
  if (!options_.count(name)) order_.push_back(name);
  options_[name].value = value;
}

std::string Config::Usage(const std::string& program) const {
  std::ostringstream out;
  out << "Usage: " << program << " [--option=value ...]\n\nOptions (flag / environment, default):\n";
  for (const auto& name : order_) {
    const Option& o = options_.at(name);
    out << "  --" << name << " / " << EnvName(name) << " (default: "
        << (o.default_value.empty() ? "none" : o.default_value) << ")\n      " << o.help << "\n";
  }
  return out.str();
}

void DeclareServiceOptions(Config& config, int service_index) {
  config.Declare("listen-host", "127.0.0.1", "address the gRPC and metrics servers bind to");
  config.Declare("grpc-port", std::to_string(50050 + service_index), "gRPC port");
  config.Declare("metrics-port", std::to_string(9450 + service_index),
                 "Prometheus metrics port (/metrics); -1 turns metrics off");
  config.Declare("redis-host", "127.0.0.1", "Redis host of this node");
  config.Declare("redis-port", "6380", "Redis port of this node");
  config.Declare("redis-pool-size", "8", "Redis connections per process");
  config.Declare("redis-timeout-ms", "2000", "timeout of one Redis command");
  config.Declare("redis-db", "0", "logical Redis database of this node");
  config.Declare("federation-file", "",
                 "JSON file placing this node in the federation (agency, key, parent, children); "
                 "empty: a standalone node that forwards nothing");
  config.Declare("node-agency", "TW", "agency this node serves (root of its subtree)");
  config.Declare("instance", "",
                 "this replica's name, unique among the replicas of one node's service: the replica holding "
                 "the outbox lease drains it (empty: <host name>:<grpc-port>)");
  config.Declare("jwt-secret-file", "var/jwt-secret",
                 "file holding the HS256 key that signs and checks access tokens");
  config.Declare("max-message-bytes", "4194304", "largest gRPC message accepted");
  config.Declare("log-level", "info", "debug, info, warn or error");
  DeclareTlsOptions(config);
  config.Declare("gauge-refresh-ms", "15000",
                 "how often business gauges (exemplars, ballots, reports) are recounted for /metrics");
  config.Declare("peer-host", "0.0.0.0", "address the mutual-TLS port for other nodes binds to");
  config.Declare("peer-port", std::to_string(50150 + service_index),
                 "mutual-TLS gRPC port for other nodes, opened only with --tls-*; -1 = none");
}

}  // namespace tdkt
