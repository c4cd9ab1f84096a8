#include "common/config.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace tdkt {

TEST(ConfigTest, FlagsOverrideEnvironmentOverrideDefaults) {
  Config config;
  config.Declare("grpc-port", "50051", "port");
  config.Declare("redis-host", "127.0.0.1", "host");
  config.Declare("log-level", "info", "level");
  setenv("TDKT_REDIS_HOST", "10.0.0.9", 1);
  setenv("TDKT_LOG_LEVEL", "warn", 1);
  const char* argv[] = {"prog", "--log-level=debug"};
  ASSERT_TRUE(config.Load(2, const_cast<char**>(argv)).ok());
  EXPECT_EQ(config.GetInt("grpc-port"), 50051);
  EXPECT_EQ(config.Get("redis-host"), "10.0.0.9");
  EXPECT_EQ(config.Get("log-level"), "debug");
  unsetenv("TDKT_REDIS_HOST");
  unsetenv("TDKT_LOG_LEVEL");
}

TEST(ConfigTest, RejectsUnknownFlagsAndNonNumbers) {
  Config config;
  config.Declare("grpc-port", "50051", "port");
  const char* unknown[] = {"prog", "--grpc-prot=1"};
  EXPECT_EQ(config.Load(2, const_cast<char**>(unknown)).field(), "grpc-prot");
  Config config2;
  config2.Declare("grpc-port", "50051", "port");
  const char* bad[] = {"prog", "--grpc-port=abc"};
  Status st = config2.Load(2, const_cast<char**>(bad));
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "grpc-port");
}

TEST(ConfigTest, EnvironmentNames) {
  EXPECT_EQ(Config::EnvName("metrics-port"), "TDKT_METRICS_PORT");
}

TEST(ConfigTest, ServiceDefaultsFollowTheDocumentedPorts) {
  Config config;
  DeclareServiceOptions(config, 3);
  EXPECT_EQ(config.Get("grpc-port"), "50053");
  EXPECT_EQ(config.Get("metrics-port"), "9453");
  EXPECT_EQ(config.Get("redis-port"), "6380");
}

}  // namespace tdkt
