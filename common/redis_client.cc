#include "common/redis_client.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include <hiredis/hiredis.h>
#include <openssl/sha.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "common/hex.h"

namespace tdkt {
namespace {

using Clock = std::chrono::steady_clock;

RedisReply Copy(const redisReply* r) {
  RedisReply out;
  switch (r->type) {
    case REDIS_REPLY_STRING: out.type = RedisReply::Type::kString; out.str.assign(r->str, r->len); break;
    case REDIS_REPLY_STATUS: out.type = RedisReply::Type::kStatus; out.str.assign(r->str, r->len); break;
    case REDIS_REPLY_ERROR: out.type = RedisReply::Type::kError; out.str.assign(r->str, r->len); break;
    case REDIS_REPLY_INTEGER: out.type = RedisReply::Type::kInteger; out.integer = r->integer; break;
    case REDIS_REPLY_ARRAY:
      out.type = RedisReply::Type::kArray;
      out.elements.reserve(r->elements);
      for (size_t i = 0; i < r->elements; ++i) out.elements.push_back(Copy(r->element[i]));
      break;
    default: out.type = RedisReply::Type::kNil; break;
  }
  return out;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Error replies Redis gives before it runs anything, for as long as a passing
// condition lasts: loading the dataset, a busy script, a master that is down or
// a replica that is read-only during failover.
bool IsRefusedUntilLater(const RedisReply& reply) {
  if (!reply.is_error()) return false;
  for (const char* prefix : {"LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "READONLY", "CLUSTERDOWN"}) {
    if (reply.str.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

LuaScript::LuaScript(std::string source) : source_(std::move(source)) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(source_.data()), source_.size(), digest);
  sha1_ = HexEncode(digest, SHA_DIGEST_LENGTH);
}

struct RedisClient::Connection {
  redisContext* context = nullptr;
  Clock::time_point next_attempt{};
  int backoff_ms = 0;
  ~Connection() { if (context) redisFree(context); }
};

// Families are created once; each command's series are looked up once and
// then kept (label maps are costly to build on every call).
struct RedisClient::Metrics {
  struct Series {
    prometheus::Histogram* latency;
    prometheus::Counter* errors;
  };
  prometheus::Family<prometheus::Histogram>* latency = nullptr;
  prometheus::Family<prometheus::Counter>* errors = nullptr;
  std::mutex mutex;
  std::unordered_map<std::string, Series> by_command;

  void Observe(const std::string& command, double seconds, bool failed) {
    if (!latency) return;
    Series series;
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = by_command.find(command);
      if (it == by_command.end()) {
        series.latency = &latency->Add({{"command", command}},
                                       prometheus::Histogram::BucketBoundaries{
                                           0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5, 2});
        series.errors = &errors->Add({{"command", command}});
        it = by_command.emplace(command, series).first;
      }
      series = it->second;
    }
    series.latency->Observe(seconds);
    if (failed) series.errors->Increment();
  }
};

RedisClient::RedisClient(RedisOptions options, prometheus::Registry* registry)
    : options_(std::move(options)), metrics_(std::make_unique<Metrics>()) {
  if (registry) {
    metrics_->latency = &prometheus::BuildHistogram()
                             .Name("redis_command_duration_seconds")
                             .Help("Latency of Redis commands and pipelines, by first command")
                             .Register(*registry);
    metrics_->errors = &prometheus::BuildCounter()
                            .Name("redis_command_errors_total")
                            .Help("Redis commands that failed: connection loss, timeout or error reply")
                            .Register(*registry);
  }
  int n = std::max(1, options_.pool_size);
  for (int i = 0; i < n; ++i) {
    connections_.push_back(std::make_unique<Connection>());
    idle_.push_back(connections_.back().get());
  }
}

RedisClient::~RedisClient() = default;

Result<RedisClient::Connection*> RedisClient::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!available_.wait_for(lock, std::chrono::milliseconds(options_.timeout_ms),
                           [this] { return !idle_.empty(); })) {
    return Status::Unavailable("all Redis connections are busy; try again");
  }
  Connection* c = idle_.back();
  idle_.pop_back();
  return c;
}

void RedisClient::Release(Connection* connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(connection);
  }
  available_.notify_one();
}

Status RedisClient::EnsureConnected(Connection& c) {
  if (c.context && c.context->err == 0) return Status::Ok();
  if (c.context) {
    redisFree(c.context);
    c.context = nullptr;
  }
  auto now = Clock::now();
  if (now < c.next_attempt) {
    return Status::Unavailable("Redis at " + options_.host + ":" + std::to_string(options_.port) +
                               " is unreachable; reconnecting");
  }
  timeval tv{options_.timeout_ms / 1000, (options_.timeout_ms % 1000) * 1000};
  redisContext* ctx = redisConnectWithTimeout(options_.host.c_str(), options_.port, tv);
  if (!ctx || ctx->err) {
    std::string why = ctx ? ctx->errstr : "out of memory";
    if (ctx) redisFree(ctx);
    c.backoff_ms = c.backoff_ms == 0 ? 50 : std::min(c.backoff_ms * 2, options_.max_backoff_ms);
    c.next_attempt = now + std::chrono::milliseconds(c.backoff_ms);
    return Status::Unavailable("cannot connect to Redis at " + options_.host + ":" +
                               std::to_string(options_.port) + ": " + why);
  }
  redisSetTimeout(ctx, tv);
  redisEnableKeepAlive(ctx);
  if (options_.db != 0) {
    // A node in tests or demos may share one redis-server with others: each
    // takes its own logical database.
    auto* reply = static_cast<redisReply*>(redisCommand(ctx, "SELECT %d", options_.db));
    bool selected = reply && reply->type == REDIS_REPLY_STATUS;
    if (reply) freeReplyObject(reply);
    if (!selected) {
      redisFree(ctx);
      c.backoff_ms = c.backoff_ms == 0 ? 50 : std::min(c.backoff_ms * 2, options_.max_backoff_ms);
      c.next_attempt = now + std::chrono::milliseconds(c.backoff_ms);
      return Status::Unavailable("cannot select Redis database " + std::to_string(options_.db));
    }
  }
  c.context = ctx;
  c.backoff_ms = 0;
  return Status::Ok();
}

Result<std::vector<RedisReply>> RedisClient::RunOn(Connection& c,
                                                   const std::vector<RedisArgs>& commands) {
  TDKT_RETURN_IF_ERROR(EnsureConnected(c));
  for (const auto& args : commands) {
    std::vector<const char*> argv;
    std::vector<size_t> lens;
    argv.reserve(args.size());
    lens.reserve(args.size());
    for (const auto& a : args) {
      argv.push_back(a.data());
      lens.push_back(a.size());
    }
    redisAppendCommandArgv(c.context, static_cast<int>(args.size()), argv.data(), lens.data());
  }
  std::vector<RedisReply> replies;
  replies.reserve(commands.size());
  for (size_t i = 0; i < commands.size(); ++i) {
    void* raw = nullptr;
    if (redisGetReply(c.context, &raw) != REDIS_OK || raw == nullptr) {
      std::string why = c.context->errstr;
      // The connection is in an unknown state: drop it so the next use reconnects.
      redisFree(c.context);
      c.context = nullptr;
      bool timeout = why.find("Resource temporarily unavailable") != std::string::npos ||
                     why.find("timed out") != std::string::npos;
      if (timeout) return Status::DeadlineExceeded("Redis did not answer in time: " + why);
      return Status::Unavailable("Redis connection lost: " + why);
    }
    auto* reply = static_cast<redisReply*>(raw);
    replies.push_back(Copy(reply));
    freeReplyObject(reply);
  }
  return replies;
}

Result<std::vector<RedisReply>> RedisClient::Pipeline(const std::vector<RedisArgs>& commands) {
  if (commands.empty()) return std::vector<RedisReply>{};
  auto start = Clock::now();
  auto conn = Acquire();
  if (!conn.ok()) {
    metrics_->Observe(Lower(commands[0][0]), 0, true);
    return conn.status();
  }
  auto result = RunOn(**conn, commands);
  Release(*conn);
  bool failed = !result.ok();
  const RedisReply* refused = nullptr;
  if (!failed) {
    for (const auto& r : *result) {
      failed = failed || r.is_error();
      if (refused == nullptr && IsRefusedUntilLater(r)) refused = &r;
    }
  }
  std::string name = commands.size() == 1 ? Lower(commands[0][0]) : "pipeline";
  metrics_->Observe(name, std::chrono::duration<double>(Clock::now() - start).count(), failed);
  // Redis refused the command without running it (still loading its data after a
  // restart, a replica mid-failover...): the caller may safely retry, so say so.
  if (refused != nullptr) return Status::Unavailable("Redis is not ready yet: " + refused->str);
  return result;
}

Result<RedisReply> RedisClient::Command(const RedisArgs& args) {
  auto replies = Pipeline({args});
  if (!replies.ok()) return replies.status();
  RedisReply& reply = (*replies)[0];
  if (reply.is_error()) return Status::Internal("Redis error: " + reply.str);
  return std::move(reply);
}

Result<RedisReply> RedisClient::Eval(const LuaScript& script, const RedisArgs& keys,
                                     const RedisArgs& args) {
  RedisArgs command{"EVALSHA", script.sha1(), std::to_string(keys.size())};
  command.insert(command.end(), keys.begin(), keys.end());
  command.insert(command.end(), args.begin(), args.end());
  auto replies = Pipeline({command});
  if (!replies.ok()) return replies.status();
  RedisReply reply = std::move((*replies)[0]);
  if (reply.is_error() && reply.str.rfind("NOSCRIPT", 0) == 0) {
    // First use, or Redis restarted: load the script and run it once more.
    command[0] = "EVAL";
    command[1] = script.source();
    replies = Pipeline({command});
    if (!replies.ok()) return replies.status();
    reply = std::move((*replies)[0]);
  }
  if (reply.is_error()) return Status::Internal("Redis script error: " + reply.str);
  return reply;
}

}  // namespace tdkt
