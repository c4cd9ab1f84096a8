// RedisClient against the real throwaway redis-server of `make test`.
#include "common/redis_client.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "tests/support/test_env.h"

namespace tdkt {
namespace {

class RedisClientTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::FlushTestRedis(); }
};

TEST_F(RedisClientTest, CommandsAndPipelines) {
  RedisClient redis(testing::TestRedisOptions(), nullptr);
  ASSERT_TRUE(redis.Command({"SET", "k", "Nguyễn Huệ"}).ok());
  EXPECT_EQ(redis.Command({"GET", "k"})->str, "Nguyễn Huệ");
  EXPECT_TRUE(redis.Command({"GET", "missing"})->is_nil());
  auto replies = redis.Pipeline({{"INCR", "n"}, {"INCR", "n"}, {"HGET", "k", "x"}});
  ASSERT_TRUE(replies.ok());
  EXPECT_EQ((*replies)[1].integer, 2);
  EXPECT_TRUE((*replies)[2].is_error());  // WRONGTYPE stays in place
  EXPECT_EQ(redis.Command({"HGET", "k", "x"}).status().code(), Code::kInternal);
}

TEST_F(RedisClientTest, BinarySafeValues) {
  RedisClient redis(testing::TestRedisOptions(), nullptr);
  std::string binary("a\0b\r\nc", 6);
  ASSERT_TRUE(redis.Command({"SET", "bin", binary}).ok());
  EXPECT_EQ(redis.Command({"GET", "bin"})->str, binary);
}

TEST_F(RedisClientTest, LuaScriptsLoadOnDemandAndRunAtomically) {
  RedisClient redis(testing::TestRedisOptions(), nullptr);
  LuaScript script("redis.call('SET', KEYS[1], ARGV[1]); return redis.call('INCR', KEYS[2])");
  ASSERT_TRUE(redis.Command({"SCRIPT", "FLUSH"}).ok());
  auto first = redis.Eval(script, {"{a}x", "{a}y"}, {"v"});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->integer, 1);
  EXPECT_EQ(redis.Eval(script, {"{a}x", "{a}y"}, {"v"})->integer, 2);
  EXPECT_EQ(redis.Command({"GET", "{a}x"})->str, "v");
}

TEST_F(RedisClientTest, ManyThreadsShareThePool) {
  RedisOptions options = testing::TestRedisOptions();
  options.pool_size = 4;
  RedisClient redis(options, nullptr);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) if (!redis.Command({"INCR", "shared"}).ok()) ++failures;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(redis.Command({"GET", "shared"})->str, "3200");
}

TEST_F(RedisClientTest, UnreachableRedisIsUnavailableThenBacksOff) {
  RedisOptions options;
  options.port = 1;  // nothing listens there
  options.timeout_ms = 200;
  RedisClient redis(options, nullptr);
  auto first = redis.Command({"PING"});
  EXPECT_EQ(first.status().code(), Code::kUnavailable);
  auto second = redis.Command({"PING"});  // within the backoff window: no new connect
  EXPECT_EQ(second.status().code(), Code::kUnavailable);
  EXPECT_NE(second.status().message().find("reconnecting"), std::string::npos);
}

TEST_F(RedisClientTest, ReconnectsAfterTheServerDropsTheConnection) {
  RedisOptions options = testing::TestRedisOptions();
  options.pool_size = 1;
  RedisClient redis(options, nullptr);
  ASSERT_TRUE(redis.Command({"CLIENT", "SETNAME", "victim"}).ok());
  RedisClient killer(testing::TestRedisOptions(), nullptr);
  ASSERT_TRUE(killer.Command({"CLIENT", "KILL", "SKIPME", "yes", "TYPE", "normal"}).ok());
  // The first command may see the broken socket; the client must recover.
  redis.Command({"PING"});
  EXPECT_TRUE(redis.Command({"PING"}).ok());
}

TEST_F(RedisClientTest, RefusalsRedisLiftsLaterAreUnavailable) {
  // While Redis is busy (here: a long script; after a restart: loading its data)
  // it refuses commands without running them, so callers must see a retryable
  // UNAVAILABLE, not INTERNAL.
  RedisClient admin(testing::TestRedisOptions(), nullptr);
  auto threshold = admin.Command({"CONFIG", "GET", "busy-reply-threshold"});
  ASSERT_TRUE(threshold.ok());
  ASSERT_TRUE(admin.Command({"CONFIG", "SET", "busy-reply-threshold", "50"}).ok());
  std::thread busy([] {
    RedisClient runner(testing::TestRedisOptions(), nullptr);
    runner.Eval(LuaScript("local t = redis.call('TIME'); while true do end"), {}, {});
  });
  RedisClient probe(testing::TestRedisOptions(), nullptr);
  Status seen;
  for (int i = 0; i < 100 && seen.code() != Code::kUnavailable; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    seen = probe.Command({"GET", "k"}).status();
  }
  EXPECT_EQ(seen.code(), Code::kUnavailable) << seen.ToString();
  EXPECT_NE(seen.message().find("BUSY"), std::string::npos) << seen.ToString();
  while (!admin.Command({"SCRIPT", "KILL"}).ok()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  busy.join();
  ASSERT_TRUE(admin.Command({"CONFIG", "SET", "busy-reply-threshold", threshold->elements[1].str}).ok());
  EXPECT_TRUE(admin.Command({"PING"}).ok());
}

TEST_F(RedisClientTest, RecordsLatencyAndErrors) {
  prometheus::Registry registry;
  RedisClient redis(testing::TestRedisOptions(), &registry);
  redis.Command({"SET", "a", "1"});
  redis.Command({"HGET", "a", "x"});
  std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
  EXPECT_NE(text.find("redis_command_duration_seconds_count{command=\"set\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("redis_command_errors_total{command=\"hget\"} 1"), std::string::npos) << text;
}

}  // namespace
}  // namespace tdkt
