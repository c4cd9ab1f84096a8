// `tdktctl health`: the standard grpc.health.v1.Health/Check. Debian ships
// no generated health proto, and the two messages are tiny, so they are
// encoded by hand: request `string service = 1`, response `enum status = 1`.
#include <cstdint>
#include <iostream>

#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/output.h"

namespace tdkt::ctl {
namespace {

constexpr int kServing = 1;  // HealthCheckResponse.ServingStatus.SERVING

void AppendVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool ReadVarint(const std::string& in, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *pos < in.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in[(*pos)++]);
    *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

// The `status` field of a HealthCheckResponse; -1 when the bytes are malformed.
int ServingStatus(const std::string& in) {
  int status = 0;  // UNKNOWN when absent (proto3 default)
  size_t pos = 0;
  while (pos < in.size()) {
    uint64_t key, value;
    if (!ReadVarint(in, &pos, &key)) return -1;
    switch (key & 7) {
      case 0:
        if (!ReadVarint(in, &pos, &value)) return -1;
        if ((key >> 3) == 1) status = static_cast<int>(value);
        break;
      case 1: pos += 8; break;
      case 2:
        if (!ReadVarint(in, &pos, &value) || value > in.size() - pos) return -1;
        pos += value;
        break;
      case 5: pos += 4; break;
      default: return -1;
    }
  }
  return pos == in.size() ? status : -1;
}

}  // namespace

int RunHealth(const Args& args, const Endpoint& endpoint) {
  const std::string service = args.Get("service");
  std::string request;
  if (!service.empty()) {
    request.push_back(0x0a);  // field 1, length-delimited
    AppendVarint(&request, service.size());
    request += service;
  }
  Endpoint quick = endpoint;
  if (!args.Has("timeout-ms")) quick.timeout_ms = 1000;  // a probe must answer fast
  RpcClient client(quick);
  std::string response;
  grpc::Status status = client.CallBytes("/grpc.health.v1.Health/Check", request, &response);
  if (!status.ok()) {
    // NOT_FOUND: the server runs but does not know that service name.
    std::cout << (status.error_code() == grpc::StatusCode::NOT_FOUND ? "NOT_SERVING" : "UNAVAILABLE") << "\n";
    return ReportError(status);
  }
  const int serving = ServingStatus(response);
  if (serving == kServing) {
    std::cout << "SERVING\n";
    return kExitOk;
  }
  std::cout << "NOT_SERVING\n";
  if (serving < 0) return ReportError(grpc::Status(grpc::StatusCode::INTERNAL, "malformed health response"));
  return kExitFailed;
}

}  // namespace tdkt::ctl
