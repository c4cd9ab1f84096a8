// Lower-case hexadecimal text of bytes: digests, key material, random ids.
#pragma once

#include <cstddef>
#include <string>

#include "common/status.h"

namespace tdkt {

// "0a1b..." for the `size` bytes at `data`.
std::string HexEncode(const unsigned char* data, size_t size);

// `bytes` bytes from OpenSSL's CSPRNG as hex (2 * bytes characters);
// INTERNAL when the generator has no entropy.
Result<std::string> RandomHex(size_t bytes);

}  // namespace tdkt
