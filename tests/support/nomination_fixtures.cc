#include "tests/support/nomination_fixtures.h"

#include <algorithm>
#include <atomic>

#include <gtest/gtest.h>

namespace tdkt::testing {

nv1::NominationDetails Details(const std::string& name, const std::string& agency, const std::string& field,
                               nv1::NominationKind kind) {
  nv1::NominationDetails d;
  d.set_kind(kind);
  d.set_name(name);
  d.set_agency_id(agency);
  d.add_fields(field);
  d.set_achievements("Hoàn thành xuất sắc nhiệm vụ ba năm liền; có sáng kiến được công nhận cấp tỉnh.");
  d.set_discovered_by("Phòng Nội vụ");
  return d;
}

std::string NextRequestId() {
  static std::atomic<int> n{0};
  return "req-" + std::to_string(++n);
}

nv1::Nomination CreateAs(NominationServer& server, Role role, const std::string& caller_agency,
                         const nv1::NominationDetails& details) {
  auto stub = nv1::NominationService::NewStub(server.channel());
  nv1::CreateNominationRequest request;
  request.set_request_id(NextRequestId());
  *request.mutable_details() = details;
  nv1::Nomination out;
  auto context = server.Context(role, caller_agency);
  grpc::Status st = stub->CreateNomination(context.get(), request, &out);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return out;
}

nv1::Nomination MoveTo(NominationServer& server, Role role, const std::string& caller_agency,
                       const nv1::Nomination& n, nv1::NominationState to, const std::string& reason) {
  auto stub = nv1::NominationService::NewStub(server.channel());
  nv1::TransitionNominationRequest request;
  request.set_request_id(NextRequestId());
  request.set_id(n.id());
  request.set_expected_version(n.version());
  request.set_to_state(to);
  request.set_reason(reason);
  nv1::Nomination out;
  auto context = server.Context(role, caller_agency);
  grpc::Status st = stub->TransitionNomination(context.get(), request, &out);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return out;
}

std::string RedisDigest() {
  RedisClient redis(TestRedisOptions(), nullptr);
  auto keys = redis.Command({"KEYS", "*"});
  std::vector<std::string> names;
  for (const auto& k : keys->elements) names.push_back(k.str);
  std::sort(names.begin(), names.end());
  std::string digest;
  for (const auto& k : names) {
    auto dump = redis.Command({"DUMP", k});
    digest += k + "=" + (dump.ok() ? dump->str : "?") + ";";
  }
  return digest;
}

}  // namespace tdkt::testing
