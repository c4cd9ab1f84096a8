// The one Redis client of the suite, on hiredis.
//
// A fixed pool of blocking connections: a caller borrows one connection for
// one command or one pipeline, so concurrent gRPC handlers never queue behind
// a single connection. Every command has a timeout; a broken connection is
// re-opened with exponential backoff (callers get UNAVAILABLE meanwhile).
// Multi-key changes go through Lua scripts (EVALSHA, loaded on demand), so
// they are atomic. Latency and errors are recorded per command.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"

namespace prometheus {
class Registry;
}

namespace tdkt {

struct RedisOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  int pool_size = 8;
  int timeout_ms = 2000;     // Per command, and for connecting.
  int max_backoff_ms = 2000; // Longest wait between reconnect attempts.
  int db = 0;                // Logical database (SELECT) of this node.
};

// An owned copy of a hiredis reply.
struct RedisReply {
  enum class Type { kNil, kString, kInteger, kArray, kStatus, kError };
  Type type = Type::kNil;
  std::string str;      // kString, kStatus, kError.
  long long integer = 0;
  std::vector<RedisReply> elements;

  bool is_nil() const { return type == Type::kNil; }
  bool is_error() const { return type == Type::kError; }
};

using RedisArgs = std::vector<std::string>;

// A Lua script, identified by the SHA1 of its source.
class LuaScript {
 public:
  explicit LuaScript(std::string source);
  const std::string& source() const { return source_; }
  const std::string& sha1() const { return sha1_; }

 private:
  std::string source_;
  std::string sha1_;
};

class RedisClient {
 public:
  // `registry` may be null (no metrics).
  RedisClient(RedisOptions options, prometheus::Registry* registry);
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // One command. An error reply becomes an INTERNAL status.
  Result<RedisReply> Command(const RedisArgs& args);
  // Several commands in one round trip on one connection; replies in order.
  // Error replies are returned in place, not as a failed Result.
  Result<std::vector<RedisReply>> Pipeline(const std::vector<RedisArgs>& commands);
  // Runs `script` atomically with the given keys and arguments.
  Result<RedisReply> Eval(const LuaScript& script, const RedisArgs& keys, const RedisArgs& args);

  const RedisOptions& options() const { return options_; }

 private:
  struct Connection;
  struct Metrics;
  Result<Connection*> Acquire();
  void Release(Connection* connection);
  Status EnsureConnected(Connection& connection);
  Result<std::vector<RedisReply>> RunOn(Connection& connection, const std::vector<RedisArgs>& commands);

  RedisOptions options_;
  std::unique_ptr<Metrics> metrics_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> idle_;
};

}  // namespace tdkt
