// The one config loader: each binary declares its options with defaults and
// help text; values come from `--name=value` flags, then `TDKT_NAME`
// environment variables, then the default (in that order of precedence).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace tdkt {

class Config {
 public:
  // Declares an option. `name` uses dashes, e.g. "grpc-port"; its environment
  // variable is TDKT_GRPC_PORT.
  void Declare(const std::string& name, const std::string& default_value,
               const std::string& help);

  // Reads flags and environment. Unknown flags and malformed values are an
  // error; "--help" sets help_requested().
  Status Load(int argc, char** argv);

  std::string Get(const std::string& name) const;
  int GetInt(const std::string& name) const;
  bool GetBool(const std::string& name) const;
  // Sets a value directly (tests, embedding).
  void Set(const std::string& name, const std::string& value);

  bool help_requested() const { return help_requested_; }
  // Load() for a main(): prints the usage on --help (returns 0) or the
  // error and the usage on bad options (returns 2); returns -1 to go on.
  int LoadCommandLine(int argc, char** argv);
  std::string Usage(const std::string& program) const;
  static std::string EnvName(const std::string& name);

 private:
  struct Option {
    std::string value;
    std::string default_value;
    std::string help;
  };
  std::map<std::string, Option> options_;
  std::vector<std::string> order_;
  bool help_requested_ = false;
};

// Options every service shares: ports, Redis, agency file, node identity,
// token secret, log level. `service_index` picks default ports 5005N / 945N.
void DeclareServiceOptions(Config& config, int service_index);

}  // namespace tdkt
