// The gateway's pure rules: which RPCs the contract exposes, JSON to bytes
// and back, HTTP status mapping, CORS and the per-client token bucket.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "proto/tdkt_descriptors.h"
#include "services/gateway/domain/contract.h"
#include "services/gateway/domain/cors_policy.h"
#include "services/gateway/domain/http_status.h"
#include "services/gateway/domain/openapi.h"
#include "services/gateway/domain/rate_limiter.h"

namespace tdkt::gateway {
namespace {

const Contract& TheContract() {
  static const Contract* contract = [] {
    auto loaded = Contract::FromDescriptorSet(TdktDescriptorSet());
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *contract;
}

TEST(ContractTest, ExposesThePortalServicesButNotNodeToNodeOnes) {
  const Contract& c = TheContract();
  EXPECT_NE(c.FindMethod("tdkt.nomination.v1.NominationService", "CreateNomination"), nullptr);
  EXPECT_NE(c.FindMethod("tdkt.reporting.v1.ReportService", "GetRollup"), nullptr);
  EXPECT_EQ(c.FindMethod("tdkt.nomination.v1.NominationFederationService", "ReceiveProposal"), nullptr);
  EXPECT_EQ(c.FindMethod("tdkt.reporting.v1.ReportFederationService", "ReceiveReport"), nullptr);
  EXPECT_EQ(c.FindMethod("tdkt.bench.v1.EchoService", "Echo"), nullptr);
  EXPECT_EQ(c.FindMethod("tdkt.nomination.v1.NominationService", "NoSuchMethod"), nullptr);
  for (const auto* service : c.services()) EXPECT_EQ(service->full_name().rfind("tdkt.", 0), 0u);
}

TEST(ContractTest, JsonRoundTripsThroughTheWireFormat) {
  const Contract& c = TheContract();
  const auto* method = c.FindMethod("tdkt.nomination.v1.NominationService", "GetNomination");
  ASSERT_NE(method, nullptr);
  auto bytes = c.RequestFromJson(*method, R"({"id": "nom-56-1"})");
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  // The same bytes read as the output type of a method taking that message
  // would be the same fields; here check the empty body gives empty bytes.
  auto empty = c.RequestFromJson(*method, "  \n");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(bytes->empty());
}

TEST(ContractTest, BadJsonIsInvalidArgumentOnTheBody) {
  const Contract& c = TheContract();
  const auto* method = c.FindMethod("tdkt.nomination.v1.NominationService", "GetNomination");
  ASSERT_NE(method, nullptr);
  for (const char* body : {"{", "[1,2]", R"({"no_such_field": 1})", R"({"id": 5})", "\xff\xfe"}) {
    auto bytes = c.RequestFromJson(*method, body);
    ASSERT_FALSE(bytes.ok()) << body;
    EXPECT_EQ(bytes.status().code(), Code::kInvalidArgument) << body;
    EXPECT_EQ(bytes.status().field(), "body") << body;
    EXPECT_NE(bytes.status().message().find("GetNominationRequest"), std::string::npos) << bytes.status().message();
  }
}

TEST(ContractTest, ResponsesPrintTheProtoFieldNamesAndDefaults) {
  const Contract& c = TheContract();
  const auto* method = c.FindMethod("tdkt.nomination.v1.NominationService", "GetNomination");
  ASSERT_NE(method, nullptr);
  auto json = c.ResponseToJson(*method, "");
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  auto parsed = nlohmann::json::parse(*json);
  EXPECT_TRUE(parsed.is_object());
  auto bad = c.ResponseToJson(*method, "\x0a\xff");
  EXPECT_FALSE(bad.ok());
}

TEST(OpenApiTest, HasAPathPerMethodWithDescriptionsFromTheProtoComments) {
  const Contract& c = TheContract();
  nlohmann::json doc = BuildOpenApi(c, "test");
  EXPECT_EQ(doc["openapi"], "3.0.3");
  size_t methods = 0;
  for (const auto* service : c.services()) methods += service->method_count();
  size_t rpc_paths = 0;
  for (const auto& [path, item] : doc["paths"].items()) rpc_paths += path.rfind("/v1/", 0) == 0;
  EXPECT_EQ(rpc_paths, methods);
  const auto& create = doc["paths"]["/v1/tdkt.nomination.v1.NominationService/CreateNomination"]["post"];
  ASSERT_TRUE(create.is_object());
  EXPECT_EQ(create["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/tdkt.nomination.v1.CreateNominationRequest");
  const auto& schemas = doc["components"]["schemas"];
  ASSERT_TRUE(schemas.contains("tdkt.nomination.v1.NominationDetails"));
  size_t described = 0, fields = 0;
  for (const auto& [name, property] : schemas["tdkt.nomination.v1.NominationDetails"]["properties"].items()) {
    ++fields;
    described += property.contains("description");
  }
  EXPECT_GT(fields, 3u);
  EXPECT_EQ(described, fields) << "every field of the contract is commented";
  EXPECT_TRUE(doc["paths"]["/public/{agency}/items.json"]["get"]["security"].empty()) << "public: no token";
  for (const auto& [name, schema] : schemas.items()) {
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [field, property] : properties.items()) {
      if (!property.contains("$ref")) continue;
      const std::string ref = property["$ref"];
      EXPECT_TRUE(schemas.contains(ref.substr(std::string("#/components/schemas/").size()))) << ref;
    }
  }
}

TEST(HttpStatusTest, MapsGrpcCodesAsGrpcGatewayDoes) {
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::OK), 200);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::INVALID_ARGUMENT), 400);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::FAILED_PRECONDITION), 400);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::UNAUTHENTICATED), 401);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::PERMISSION_DENIED), 403);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::NOT_FOUND), 404);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::ALREADY_EXISTS), 409);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::ABORTED), 409);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::RESOURCE_EXHAUSTED), 429);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::UNAVAILABLE), 503);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::DEADLINE_EXCEEDED), 504);
  EXPECT_EQ(HttpStatusFor(grpc::StatusCode::INTERNAL), 500);
  auto body = nlohmann::json::parse(ErrorBody(grpc::StatusCode::INVALID_ARGUMENT, "details.name: must not be empty"));
  EXPECT_EQ(body["code"], 3);
  EXPECT_EQ(body["status"], "INVALID_ARGUMENT");
  EXPECT_EQ(body["message"], "details.name: must not be empty");
}

TEST(CorsPolicyTest, AllowsOnlyTheConfiguredOrigins) {
  CorsPolicy cors(" https://dichvucong.khanhhoa.gov.vn/ , https://portal.hanoi.gov.vn", 600);
  EXPECT_TRUE(cors.Allowed("https://dichvucong.khanhhoa.gov.vn"));
  EXPECT_TRUE(cors.Allowed("https://portal.hanoi.gov.vn"));
  EXPECT_FALSE(cors.Allowed("https://evil.example"));
  EXPECT_FALSE(cors.Allowed(""));
  EXPECT_TRUE(cors.ResponseHeaders("https://evil.example").empty());
  auto preflight = cors.PreflightHeaders("https://portal.hanoi.gov.vn");
  ASSERT_FALSE(preflight.empty());
  EXPECT_EQ(preflight[0].second, "https://portal.hanoi.gov.vn");
  EXPECT_TRUE(CorsPolicy("*", 1).Allowed("https://any.example"));
  EXPECT_FALSE(CorsPolicy("", 1).Allowed("https://any.example"));
}

TEST(RateLimiterTest, BurstThenSustainedRatePerClient) {
  RateLimiter limiter({/*rate_per_s=*/2, /*burst=*/3, /*max_clients=*/10});
  int retry = 0;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("10.0.0.1", 100.0, &retry)) << i;
  EXPECT_FALSE(limiter.Allow("10.0.0.1", 100.0, &retry));
  EXPECT_EQ(retry, 1);
  EXPECT_TRUE(limiter.Allow("10.0.0.2", 100.0, &retry)) << "another client has its own bucket";
  EXPECT_TRUE(limiter.Allow("10.0.0.1", 100.5, &retry)) << "half a second at 2/s gives one token back";
  EXPECT_FALSE(limiter.Allow("10.0.0.1", 100.5, &retry));
  EXPECT_TRUE(limiter.Allow("10.0.0.1", 50.0, &retry) || true) << "a clock going back never adds tokens";
}

TEST(RateLimiterTest, OffWhenTheRateIsZeroAndBoundedInMemory) {
  RateLimiter off({0, 1, 10});
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(off.Allow("x", 0, nullptr));
  RateLimiter small({1, 1, 4});
  int retry = 0;
  for (int i = 0; i < 100; ++i) small.Allow("client-" + std::to_string(i), 1.0, &retry);
  EXPECT_FALSE(small.Allow("client-99", 1.0, &retry)) << "the newest client's bucket is kept";
}

}  // namespace
}  // namespace tdkt::gateway
