// libFuzzer harness: validation of a candidate's details, the rules every
// CreateNomination and UpdateNomination runs. Any protobuf the wire can
// carry goes in; the rules must return a Status, and a details record they
// accept must pass them again unchanged (normalising twice changes nothing).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "services/nomination/domain/details_rules.h"
#include "tdkt/nomination/v1/nomination.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tdkt::nomination::v1::NominationDetails details;
  if (!details.ParseFromArray(data, static_cast<int>(size))) return 0;
  auto agency_exists = [](const std::string& agency) { return agency == "56" || agency == "22333"; };
  auto field_known = [](const std::string& code, const std::string&) { return code == "health" || code == "education"; };
  tdkt::Status first = tdkt::nomination::NormalizeDetails(details, agency_exists, field_known, 1764547200);
  if (!first.ok()) {
    if (first.code() == tdkt::Code::kInvalidArgument && first.field().empty()) std::abort();  // Must name a field.
    return 0;
  }
  const std::string once = details.SerializeAsString();
  tdkt::Status second = tdkt::nomination::NormalizeDetails(details, agency_exists, field_known, 1764547200);
  if (!second.ok() || details.SerializeAsString() != once) std::abort();
  return 0;
}
