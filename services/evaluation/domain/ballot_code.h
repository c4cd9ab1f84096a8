// Ballot receipts: a random secret the voter keeps, and the public code the
// ballot is stored under. The code reveals nothing of the voter; only the
// holder of the secret can show which code is theirs.
#pragma once

#include <string>

#include "common/status.h"

namespace tdkt::evaluation {

struct BallotSecret {
  std::string secret;  // 64 hex characters (32 random bytes).
  std::string code;    // BallotCodeOf(secret).
};

// A fresh secret from the system's cryptographic random source.
Result<BallotSecret> NewBallotSecret();

// First 16 bytes of SHA-256(secret), as 32 hex characters.
std::string BallotCodeOf(const std::string& secret);

}  // namespace tdkt::evaluation
