#include "common/status.h"

namespace tdkt {

std::string Status::ToString() const {
  if (field_.empty()) return message_;
  return field_ + ": " + message_;
}

}  // namespace tdkt
