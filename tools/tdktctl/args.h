// Command-line arguments: positional words and --name=value flags. A flag may
// repeat (--field=a --field=b); a bare --name means "true"; "--" ends the
// flags, so later words are positional even when they start with "--".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace tdkt::ctl {

class Args {
 public:
  // Reads argv[first..argc).
  static Args Parse(int argc, char** argv, int first);

  const std::vector<std::string>& positional() const { return positional_; }
  bool Has(const std::string& name) const { return flags_.count(name) > 0; }
  // The last value given for `name`, or `fallback` when the flag is absent.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // Every value given for `name`, in order (empty when absent).
  std::vector<std::string> GetAll(const std::string& name) const;
  // The value of a flag that must be given and not be empty.
  Result<std::string> Required(const std::string& name) const;
  // The flag names given, sorted.
  std::vector<std::string> Names() const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::vector<std::string>> flags_;
};

}  // namespace tdkt::ctl
