// Small builders for nomination requests used across the end-to-end tests.
#pragma once

#include <string>

#include "tdkt/nomination/v1/nomination.grpc.pb.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {

namespace nv1 = ::tdkt::nomination::v1;

// Real units from deploy/data/agencies-demo.json.
constexpr const char* kKhanhHoa = "56";           // Tỉnh Khánh Hòa
constexpr const char* kBacNhaTrang = "22333";     // Phường Bắc Nha Trang (56)
constexpr const char* kNhaTrang = "22366";        // Phường Nha Trang (56)
constexpr const char* kHaNoi = "01";              // Thành phố Hà Nội
constexpr const char* kBaDinh = "00004";          // Phường Ba Đình (01)

nv1::NominationDetails Details(const std::string& name, const std::string& agency,
                               const std::string& field = "health",
                               nv1::NominationKind kind = nv1::INDIVIDUAL);

// Unique request ids within one test binary.
std::string NextRequestId();

// Creates a candidate as an officer of `agency`'s province; fails the test
// (returns an empty Nomination) on error.
nv1::Nomination CreateAs(NominationServer& server, Role role, const std::string& caller_agency,
                         const nv1::NominationDetails& details);

nv1::Nomination MoveTo(NominationServer& server, Role role, const std::string& caller_agency,
                       const nv1::Nomination& n, nv1::NominationState to, const std::string& reason = "");

// A digest of every key and value in the test Redis: equal digests mean
// "nothing changed".
std::string RedisDigest();

}  // namespace tdkt::testing
