// Record ids carry the agency they were created under, e.g. "nom-79-42":
// the agency is the Redis hash tag of every key of that record, so a record
// is found without a lookup table, and stays where it is when its agency is
// renamed, moved or merged.
#pragma once

#include <cstdint>
#include <string>

namespace tdkt::nomination {

std::string MakeRecordId(const std::string& prefix, const std::string& agency, int64_t sequence);

// Splits "prefix-agency-sequence"; false when `id` is not of that shape.
bool ParseRecordId(const std::string& prefix, const std::string& id, std::string* agency,
                   int64_t* sequence);

}  // namespace tdkt::nomination
