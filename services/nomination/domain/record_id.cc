#include "services/nomination/domain/record_id.h"

#include "common/agency_tree.h"

namespace tdkt::nomination {

std::string MakeRecordId(const std::string& prefix, const std::string& agency, int64_t sequence) {
  return prefix + "-" + agency + "-" + std::to_string(sequence);
}

bool ParseRecordId(const std::string& prefix, const std::string& id, std::string* agency,
                   int64_t* sequence) {
  if (id.size() > 80 || id.rfind(prefix + "-", 0) != 0) return false;
  auto dash = id.rfind('-');
  if (dash <= prefix.size()) return false;
  std::string a = id.substr(prefix.size() + 1, dash - prefix.size() - 1);
  std::string s = id.substr(dash + 1);
  if (!AgencyTree::IsValidId(a) || s.empty() || s.size() > 18 ||
      s.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *agency = a;
  *sequence = std::stoll(s);
  return true;
}

}  // namespace tdkt::nomination
