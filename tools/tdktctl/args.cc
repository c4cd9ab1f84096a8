#include "tools/tdktctl/args.h"

namespace tdkt::ctl {

Args Args::Parse(int argc, char** argv, int first) {
  Args args;
  bool flags_ended = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (flags_ended || arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      if (arg == "--" && !flags_ended) {
        flags_ended = true;
      } else {
        args.positional_.push_back(arg);
      }
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    args.flags_[name].push_back(eq == std::string::npos ? "true" : arg.substr(eq + 1));
  }
  return args;
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = flags_.find(name);
  return it == flags_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  auto it = flags_.find(name);
  return it == flags_.end() ? std::vector<std::string>() : it->second;
}

Result<std::string> Args::Required(const std::string& name) const {
  std::string value = Get(name);
  if (value.empty()) return Status::InvalidArgument("--" + name, "is required");
  return value;
}

std::vector<std::string> Args::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, values] : flags_) names.push_back(name);
  return names;
}

}  // namespace tdkt::ctl
