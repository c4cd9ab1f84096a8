#include "services/reporting/export/table.h"

#include <cmath>
#include <cstdio>

namespace tdkt::reporting {

Cell Cell::Text(std::string text) {
  Cell c;
  c.text = std::move(text);
  return c;
}

Cell Cell::Number(double value) {
  Cell c;
  c.numeric = true;
  c.number = value;
  // Integers (the usual case: counts) without decimals; others with up to
  // two, as officers write them.
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    c.text = std::to_string(static_cast<long long>(value));
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    c.text = buf;
  }
  return c;
}

}  // namespace tdkt::reporting
