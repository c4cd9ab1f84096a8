// The shared server bootstrap: health service, reflection, /metrics with the
// standard gRPC series, and the Redis series, on a real nomination service.
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <grpcpp/generic/generic_stub.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

// grpc.health.v1.Health/Check with an empty service name; returns the
// status enum (1 = SERVING) or -1 when the call fails. The messages are one
// field each, so they are encoded by hand.
int HealthStatus(const std::shared_ptr<grpc::Channel>& channel, const std::string& method) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1), response;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  grpc::Status status;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response, [&](grpc::Status s) {
    std::lock_guard<std::mutex> lock(mu);
    status = s;
    done = true;
    cv.notify_one();
  });
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return done; });
  if (!status.ok()) return -1;
  std::vector<grpc::Slice> slices;
  response.Dump(&slices);
  std::string bytes;
  for (auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  if (bytes.empty()) return 0;  // UNKNOWN (0) is encoded as nothing
  return bytes.size() == 2 && bytes[0] == 0x08 ? bytes[1] : -2;
}

std::string HttpGet(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  std::string request = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
  (void)!write(fd, request.data(), request.size());
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

TEST(ServerHostTest, HealthServingWhileUpAndMetricsOverHttp) {
  Metrics metrics;
  ServerHostOptions options;
  options.service_name = "bare";
  options.metrics_port = 0;
  ServerHost host(options, metrics);
  ASSERT_TRUE(host.Start().ok());
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(host.grpc_port()),
                                     grpc::InsecureChannelCredentials());
  EXPECT_EQ(HealthStatus(channel, "/grpc.health.v1.Health/Check"), 1);
  // Server reflection answers too (its service exists; a bidi stream).
  std::string page = HttpGet(metrics.port(), "/metrics");
  EXPECT_NE(page.find("200 OK"), std::string::npos);
  EXPECT_NE(page.find("grpc_server_started_total"), std::string::npos) << page.substr(0, 500);
  host.Shutdown(100);
  EXPECT_EQ(HealthStatus(channel, "/grpc.health.v1.Health/Check"), -1);
}

TEST(ServerHostTest, RecordsTheStandardRpcSeriesAndRedisLatency) {
  NominationServer server;
  CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Nguyễn Văn Đo", kBacNhaTrang));
  auto stub = nv1::NominationService::NewStub(server.channel());
  nv1::GetNominationRequest bad;
  bad.set_id("nom-22333-999");
  nv1::Nomination out;
  stub->GetNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), bad, &out);

  std::string text = prometheus::TextSerializer().Serialize(server.metrics().registry().Collect());
  const std::string labels = "grpc_method=\"CreateNomination\",grpc_service=\"tdkt.nomination.v1.NominationService\",grpc_type=\"unary\"";
  EXPECT_NE(text.find("grpc_server_started_total{" + labels + "} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("grpc_server_handled_total{grpc_code=\"OK\"," + labels + "} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("grpc_server_handling_seconds_count{" + labels + "} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("grpc_server_handled_total{grpc_code=\"NotFound\",grpc_method=\"GetNomination\""),
            std::string::npos) << text;
  EXPECT_NE(text.find("redis_command_duration_seconds_bucket{command=\"evalsha\""), std::string::npos) << text;
}

TEST(ServerHostTest, ExpiredDeadlinesAreNotServed) {
  NominationServer server;
  auto stub = nv1::NominationService::NewStub(server.channel());
  auto context = server.Context(Role::kOfficer, kKhanhHoa);
  context->set_deadline(std::chrono::system_clock::now() - std::chrono::seconds(1));
  nv1::ListNominationsRequest r;
  nv1::ListNominationsResponse out;
  EXPECT_EQ(stub->ListNominations(context.get(), r, &out).error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

}  // namespace
}  // namespace tdkt::testing
