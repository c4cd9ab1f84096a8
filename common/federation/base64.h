// Standard base64 (RFC 4648 §4, padded) for node keys and the binary fields
// of dead letters. Internal to the federation library.
#pragma once

#include <string>

namespace tdkt::federation {

std::string EncodeBase64(const std::string& raw);
// Strict: only the standard alphabet, length a multiple of 4, padding only
// at the end; whitespace around the text is ignored (keys are pasted into
// JSON files by hand). False when `text` is not base64.
bool DecodeBase64(const std::string& text, std::string& out);

}  // namespace tdkt::federation
