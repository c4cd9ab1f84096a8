// The outbox drainer against the real throwaway redis-server: order, retries,
// dead letters, restart after a crash, stats and the background thread.
#include "common/federation/uplink.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "tests/support/test_env.h"

namespace tdkt::federation {
namespace {

using namespace std::chrono_literals;

constexpr const char* kStream = "nom:{56}:outbox";
constexpr const char* kDead = "nom:{56}:uplink-dead";

// What the parent received, in arrival order.
struct Receiver {
  std::mutex mutex;
  std::vector<QueuedItem> items;
  void Record(const QueuedItem& item) {
    std::lock_guard<std::mutex> lock(mutex);
    items.push_back(item);
  }
  std::vector<std::string> Values() {
    std::lock_guard<std::mutex> lock(mutex);
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.fields.at("n"));
    return out;
  }
  size_t size() {
    std::lock_guard<std::mutex> lock(mutex);
    return items.size();
  }
};

class UplinkTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::FlushTestRedis(); }

  UplinkOptions Options() {
    UplinkOptions o;
    o.name = "proposals";
    o.stream_key = kStream;
    o.dead_letter_key = kDead;
    o.initial_backoff_ms = 5;
    o.max_backoff_ms = 20;
    o.max_refusals = 3;
    o.idle_poll_ms = 20;
    return o;
  }

  std::string Add(const std::string& n, const std::string& id = "*") {
    auto reply = redis_.Command({"XADD", kStream, id, "n", n, "payload", std::string("\x08\x96\x01\xff", 4)});
    EXPECT_TRUE(reply.ok()) << reply.status().ToString();
    return reply.ok() ? reply->str : "";
  }

  int64_t XLen() { return redis_.Command({"XLEN", kStream})->integer; }

  RedisClient redis_{testing::TestRedisOptions(), nullptr};
};

TEST_F(UplinkTest, DeliversInStreamOrderAndDeletesDelivered) {
  Receiver parent;
  Uplink uplink(redis_, Options(), [&](const QueuedItem& item) {
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  // Entries written before the group existed are delivered too.
  for (int i = 0; i < 3; ++i) Add(std::to_string(i));
  ASSERT_TRUE(uplink.Initialize().ok());
  ASSERT_TRUE(uplink.Initialize().ok());  // Idempotent.
  for (int i = 3; i < 6; ++i) Add(std::to_string(i));
  auto drained = uplink.DrainOnce();
  ASSERT_TRUE(drained.ok()) << drained.status().ToString();
  EXPECT_EQ(*drained, 6);
  EXPECT_EQ(parent.Values(), (std::vector<std::string>{"0", "1", "2", "3", "4", "5"}));
  EXPECT_EQ(parent.items[0].attempt, 1);
  EXPECT_EQ(parent.items[0].fields.at("payload"), std::string("\x08\x96\x01\xff", 4));
  EXPECT_EQ(XLen(), 0);
  EXPECT_EQ(*uplink.DrainOnce(), 0);
  Add("6");
  EXPECT_EQ(*uplink.DrainOnce(), 1);
  EXPECT_EQ(parent.Values().back(), "6");
}

TEST_F(UplinkTest, RetryableFailuresDelayButDeliverEverythingOnceInOrder) {
  Receiver parent;
  int calls = 0;
  Uplink uplink(redis_, Options(), [&](const QueuedItem& item) {
    if (++calls <= 4) return Status::Unavailable("parent node 56 unreachable");
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(uplink.Initialize().ok());
  for (int i = 0; i < 4; ++i) Add(std::to_string(i));
  int failures = 0;
  int delivered = 0;
  for (int round = 0; round < 20 && delivered < 4; ++round) {
    auto r = uplink.DrainOnce();
    if (r.ok()) {
      delivered += *r;
    } else {
      EXPECT_EQ(r.status().code(), Code::kUnavailable);
      ++failures;
    }
  }
  EXPECT_EQ(failures, 4);
  EXPECT_EQ(parent.Values(), (std::vector<std::string>{"0", "1", "2", "3"}));
  EXPECT_EQ(parent.items[0].attempt, 5);
  EXPECT_EQ(parent.items[1].attempt, 1);
  EXPECT_EQ(XLen(), 0);
  EXPECT_EQ(uplink.Stats()->dead_letters, 0);  // Retryable failures never dead-letter.
}

TEST_F(UplinkTest, RefusedEntryIsDeadLetteredAndTheQueueGoesOn) {
  Receiver parent;
  prometheus::Registry registry;
  Uplink uplink(redis_, Options(), [&](const QueuedItem& item) {
    if (item.fields.at("n") == "1") return Status::PermissionDenied("unknown sender 22333");
    parent.Record(item);
    return Status::Ok();
  }, &registry);
  ASSERT_TRUE(uplink.Initialize().ok());
  for (int i = 0; i < 4; ++i) Add(std::to_string(i));
  std::string refused_id = redis_.Command({"XRANGE", kStream, "-", "+"})->elements[1].elements[0].str;

  auto first = uplink.DrainOnce();  // Delivers 0, then 1 is refused (1st).
  EXPECT_EQ(first.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(uplink.DrainOnce().status().code(), Code::kPermissionDenied);  // 2nd.
  auto third = uplink.DrainOnce();  // 3rd refusal: dead letter, then 2 and 3.
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(*third, 3);
  EXPECT_EQ(parent.Values(), (std::vector<std::string>{"0", "2", "3"}));
  EXPECT_EQ(XLen(), 0);

  auto letters = uplink.DeadLetters(0, 10);
  ASSERT_TRUE(letters.ok()) << letters.status().ToString();
  ASSERT_EQ(letters->size(), 1u);
  EXPECT_EQ((*letters)[0].entry_id, refused_id);
  EXPECT_EQ((*letters)[0].reason, "PERMISSION_DENIED: unknown sender 22333");
  EXPECT_EQ((*letters)[0].fields.at("n"), "1");
  EXPECT_EQ((*letters)[0].fields.at("payload"), std::string("\x08\x96\x01\xff", 4));  // Binary kept.
  EXPECT_GT((*letters)[0].at_unix_ms, 0);
  EXPECT_TRUE(uplink.DeadLetters(1, 10)->empty());
  EXPECT_EQ(uplink.Stats()->dead_letters, 1);

  std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
  EXPECT_NE(text.find("tdkt_uplink_deliveries_total{queue=\"proposals\"} 3"), std::string::npos) << text;
  EXPECT_NE(text.find("tdkt_uplink_dead_letters_total{queue=\"proposals\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("tdkt_uplink_failures_total{queue=\"proposals\"} 3"), std::string::npos) << text;
}

// The owner hears of each dead letter once, with the Uplink's own count of
// refusals: a refusal made before the parent was reached counts as well.
TEST_F(UplinkTest, OwnerIsToldOfEachDeadLetterOnce) {
  std::vector<DeadLetter> told;
  UplinkOptions options = Options();
  options.on_dead_letter = [&](const DeadLetter& letter) { told.push_back(letter); };
  Uplink uplink(redis_, options, [&](const QueuedItem& item) {
    if (item.fields.at("n") == "1") return Status::InvalidArgument("id", "not a record id");
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(uplink.Initialize().ok());
  Add("0");
  std::string refused = Add("1");
  Add("2");
  for (int i = 0; i < 2; ++i) EXPECT_EQ(uplink.DrainOnce().status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(told.empty());  // Two refusals of three: not yet.
  ASSERT_TRUE(uplink.DrainOnce().ok());
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].entry_id, refused);
  EXPECT_EQ(told[0].fields.at("n"), "1");
  EXPECT_EQ(told[0].reason, "INVALID_ARGUMENT: id: not a record id");
  ASSERT_TRUE(uplink.DrainOnce().ok());
  EXPECT_EQ(told.size(), 1u);
}

TEST_F(UplinkTest, RestartAfterCrashResendsThePendingEntryFirst) {
  Receiver parent;
  {
    // The first process: the parent records the entry, but the answer is
    // lost (the process dies before acknowledging).
    Uplink crashed(redis_, Options(), [&](const QueuedItem& item) {
      parent.Record(item);
      return Status::Unavailable("connection reset");
    }, nullptr);
    ASSERT_TRUE(crashed.Initialize().ok());
    for (int i = 0; i < 3; ++i) Add(std::to_string(i));
    EXPECT_EQ(crashed.DrainOnce().status().code(), Code::kUnavailable);
  }
  EXPECT_EQ(XLen(), 3);
  Uplink restarted(redis_, Options(), [&](const QueuedItem& item) {
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(restarted.Initialize().ok());
  auto drained = restarted.DrainOnce();
  ASSERT_TRUE(drained.ok()) << drained.status().ToString();
  EXPECT_EQ(*drained, 3);
  // Entry 0 arrives twice (same entry id, so the same message id): the
  // receiver dedupes by message id.
  EXPECT_EQ(parent.Values(), (std::vector<std::string>{"0", "0", "1", "2"}));
  EXPECT_EQ(parent.items[0].entry_id, parent.items[1].entry_id);
  EXPECT_EQ(XLen(), 0);
}

TEST_F(UplinkTest, StatsReportDepthAndOldestAge) {
  Uplink uplink(redis_, Options(), [](const QueuedItem&) { return Status::Unavailable("down"); }, nullptr);
  ASSERT_TRUE(uplink.Initialize().ok());
  auto empty = uplink.Stats();
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(empty->depth, 0);
  EXPECT_EQ(empty->oldest_age_seconds, 0);
  int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  Add("0", std::to_string(now_ms - 90000) + "-0");  // Written 90 s ago.
  Add("1");
  auto stats = uplink.Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->depth, 2);
  EXPECT_GE(stats->oldest_age_seconds, 89.5);
  EXPECT_LT(stats->oldest_age_seconds, 120);
  EXPECT_FALSE(uplink.DrainOnce().ok());
  EXPECT_EQ(uplink.Stats()->depth, 2);  // A pending, undelivered entry still counts.
}

TEST_F(UplinkTest, RecreatesItsGroupWhenRedisWasEmptied) {
  Receiver parent;
  Uplink uplink(redis_, Options(), [&](const QueuedItem& item) {
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(uplink.Initialize().ok());
  testing::FlushTestRedis();
  auto drained = uplink.DrainOnce();
  ASSERT_TRUE(drained.ok()) << drained.status().ToString();
  EXPECT_EQ(*drained, 0);
  Add("0");
  EXPECT_EQ(*uplink.DrainOnce(), 1);
}

TEST_F(UplinkTest, BackgroundThreadDrainsUntilStopped) {
  Receiver parent;
  std::atomic<int> calls{0};
  prometheus::Registry registry;
  Uplink uplink(redis_, Options(), [&](const QueuedItem& item) {
    // Every other call fails at first: the thread must back off and retry.
    if (calls++ % 2 == 0 && calls < 6) return Status::DeadlineExceeded("slow parent");
    parent.Record(item);
    return Status::Ok();
  }, &registry);
  ASSERT_TRUE(uplink.Initialize().ok());
  uplink.Start();
  uplink.Start();  // Harmless.
  for (int i = 0; i < 5; ++i) Add(std::to_string(i));
  for (int i = 0; i < 500 && parent.size() < 5; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(parent.Values(), (std::vector<std::string>{"0", "1", "2", "3", "4"}));
  std::this_thread::sleep_for(100ms);  // A loop or two to update the gauges.
  uplink.Stop();
  uplink.Stop();  // Idempotent.
  EXPECT_EQ(XLen(), 0);
  std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
  EXPECT_NE(text.find("tdkt_uplink_queue_depth{queue=\"proposals\"} 0"), std::string::npos) << text;
  EXPECT_NE(text.find("tdkt_uplink_oldest_age_seconds{queue=\"proposals\"} 0"), std::string::npos) << text;
  // Nothing is sent after Stop.
  Add("5");
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(parent.size(), 5u);
}

TEST_F(UplinkTest, StartsAgainAfterStop) {
  Receiver parent;
  Uplink uplink(redis_, Options(), [&](const QueuedItem& item) {
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(uplink.Initialize().ok());
  uplink.Start();
  uplink.Stop();
  Add("0");
  uplink.Start();
  for (int i = 0; i < 500 && parent.size() < 1; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(parent.Values(), std::vector<std::string>{"0"});
}  // The destructor stops the thread.

TEST_F(UplinkTest, StopReturnsPromptlyDuringALongBackoff) {
  std::atomic<int> calls{0};
  UplinkOptions options = Options();
  options.initial_backoff_ms = 600000;
  options.max_backoff_ms = 600000;
  Uplink uplink(redis_, options, [&](const QueuedItem&) {
    ++calls;
    return Status::Unavailable("parent down for an hour");
  }, nullptr);
  ASSERT_TRUE(uplink.Initialize().ok());
  Add("0");
  uplink.Start();
  for (int i = 0; i < 500 && calls == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_GE(calls.load(), 1);
  std::this_thread::sleep_for(50ms);  // Now sleeping in the backoff.
  auto start = std::chrono::steady_clock::now();
  uplink.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_EQ(XLen(), 1);  // Still queued for the next start.
}

TEST_F(UplinkTest, StopInterruptsALongQueueBetweenEntriesAndLosesNothing) {
  Receiver parent;
  auto slow = [&](const QueuedItem& item) {
    std::this_thread::sleep_for(5ms);
    parent.Record(item);
    return Status::Ok();
  };
  for (int i = 0; i < 300; ++i) Add(std::to_string(i));
  {
    Uplink uplink(redis_, Options(), slow, nullptr);
    ASSERT_TRUE(uplink.Initialize().ok());
    uplink.Start();
    for (int i = 0; i < 500 && parent.size() < 3; ++i) std::this_thread::sleep_for(5ms);
    auto start = std::chrono::steady_clock::now();
    uplink.Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
  }
  EXPECT_GT(XLen(), 0);
  Uplink next(redis_, Options(), slow, nullptr);
  ASSERT_TRUE(next.Initialize().ok());
  ASSERT_TRUE(next.DrainOnce().ok());
  std::vector<std::string> expected;
  for (int i = 0; i < 300; ++i) expected.push_back(std::to_string(i));
  EXPECT_EQ(parent.Values(), expected);  // Each once, in order.
}

// Two replicas of the owning service, one stream: only the lease holder
// sends; when it stops, the other takes over, each entry once and in order.
TEST_F(UplinkTest, OnlyTheLeaseHolderDrainsAndAnotherReplicaTakesOver) {
  Receiver parent;
  std::atomic<int> sent_by_a{0}, sent_by_b{0};
  UplinkOptions options = Options();
  options.lease_ms = 3000;  // Renewed every second: no takeover on a slow machine.
  options.holder = "host-a:50051";
  auto a = std::make_unique<Uplink>(redis_, options, [&](const QueuedItem& item) {
    ++sent_by_a;
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  options.holder = "host-b:50051";
  Uplink b(redis_, options, [&](const QueuedItem& item) {
    ++sent_by_b;
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(a->Initialize().ok());
  ASSERT_TRUE(b.Initialize().ok());
  a->Start();
  for (int i = 0; i < 500 && !a->HoldsLease(); ++i) std::this_thread::sleep_for(5ms);
  ASSERT_TRUE(a->HoldsLease());
  b.Start();
  std::vector<std::string> expected;
  for (int i = 0; i < 40; ++i) {
    Add(std::to_string(i));
    expected.push_back(std::to_string(i));
    if (i % 8 == 0) std::this_thread::sleep_for(60ms);  // Across several renewals of the lease.
  }
  for (int i = 0; i < 500 && parent.size() < 40; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(parent.Values(), expected);
  EXPECT_EQ(sent_by_a.load(), 40);
  EXPECT_EQ(sent_by_b.load(), 0) << "the replica without the lease sent";
  EXPECT_FALSE(b.HoldsLease());
  EXPECT_EQ(redis_.Command({"GET", std::string(kStream) + ":lease"})->str, "host-a:50051");

  a.reset();  // Stops and gives the lease up.
  for (int i = 40; i < 50; ++i) {
    Add(std::to_string(i));
    expected.push_back(std::to_string(i));
  }
  for (int i = 0; i < 500 && parent.size() < 50; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(parent.Values(), expected);
  EXPECT_EQ(sent_by_b.load(), 10);
  EXPECT_TRUE(b.HoldsLease());
}

// A holder that died keeps the lease until it lapses; then another replica
// drains, and a restart under the same name takes its lease straight back.
TEST_F(UplinkTest, ADeadHoldersLeaseLapsesAndARestartReclaimsItsOwn) {
  Receiver parent;
  UplinkOptions options = Options();
  options.lease_ms = 400;
  options.holder = "host-b:50051";
  ASSERT_TRUE(redis_.Command({"SET", std::string(kStream) + ":lease", "host-a:50051", "PX", "1500"}).ok());
  Uplink b(redis_, options, [&](const QueuedItem& item) {
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(b.Initialize().ok());
  Add("0");
  b.Start();
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(parent.size(), 0u) << "sent while the dead replica's lease still held";
  for (int i = 0; i < 500 && parent.size() < 1; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(parent.Values(), std::vector<std::string>{"0"});
  b.Stop();

  // host-a comes back while its old lease is still in Redis: it drains at once.
  ASSERT_TRUE(redis_.Command({"SET", std::string(kStream) + ":lease", "host-a:50051", "PX", "60000"}).ok());
  options.holder = "host-a:50051";
  Uplink a(redis_, options, [&](const QueuedItem& item) {
    parent.Record(item);
    return Status::Ok();
  }, nullptr);
  ASSERT_TRUE(a.Initialize().ok());
  Add("1");
  a.Start();
  for (int i = 0; i < 500 && parent.size() < 2; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(parent.Values(), (std::vector<std::string>{"0", "1"}));
}

}  // namespace
}  // namespace tdkt::federation
