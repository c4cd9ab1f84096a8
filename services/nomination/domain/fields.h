// The 14 national fields of seed 004 (IV.2.c). Agencies add their own
// fields as "custom:<slug>" (see AgencyDirectory).
#pragma once

#include <string>
#include <vector>

namespace tdkt::nomination {

struct NationalField {
  const char* code;
  const char* name;  // Vietnamese.
};

const std::vector<NationalField>& NationalFields();
bool IsNationalField(const std::string& code);

}  // namespace tdkt::nomination
