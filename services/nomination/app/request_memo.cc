#include "services/nomination/app/request_memo.h"

#include <chrono>
#include <limits>

namespace tdkt::nomination {

std::string Fingerprint(const std::string& method, const google::protobuf::Message& request) {
  // FNV-1a, 64 bit: enough to tell two different requests apart.
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  };
  mix(method);
  mix(request.SerializeAsString());
  return std::to_string(h);
}

Status CheckSameRequest(const Replay& replay, const std::string& fingerprint) {
  if (replay.fingerprint == fingerprint) return Status::Ok();
  return Status::InvalidArgument("request_id", "this request id was already used for a different change; use a new id");
}

google::protobuf::Timestamp Now() {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::system_clock::now().time_since_epoch()).count();
  google::protobuf::Timestamp t;
  t.set_seconds(ns / 1000000000);
  t.set_nanos(static_cast<int32_t>(ns % 1000000000));
  return t;
}

}  // namespace tdkt::nomination
