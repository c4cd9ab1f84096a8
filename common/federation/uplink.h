// The durable outbox drainer: forwards a Redis stream's entries to the
// parent node, in order, at least once.
//
// The owning service writes an entry into its stream (XADD) in the same Lua
// step as the state change. Uplink reads it through a consumer group, calls
// `send`, and acknowledges (XACK + XDEL) only after `send` succeeds, so a
// process killed mid-drain resends its pending entry on restart and the
// receiver's idempotent receipt records it once.
//
// `send` returns OK (delivered), a retryable code (UNAVAILABLE,
// DEADLINE_EXCEEDED, INTERNAL, ABORTED, RESOURCE: the head entry is retried
// with exponential backoff and full jitter, forever: a parent down for an
// hour just delays the queue), or a refusal (any other code). After
// `max_refusals` refusals in a row the entry moves to the dead-letter list
// with the refusal's reason, and the queue goes on.
//
// The stream and the dead-letter list are changed in one Lua step: give
// them one hash tag. Keep `consumer` stable across restarts (pending
// entries are read back per consumer). Refusal counts live in memory, so a
// restart gives the head entry max_refusals fresh tries.
//
// Several replicas of the owning service may run (a node scaled out): the
// draining thread sends only while it holds the stream's lease
// (<stream_key>:lease, the stream's hash tag), so one replica drains at a
// time and the parent sees the stream's order. The holder renews it before
// entries; when it dies, another replica takes over within lease_ms and
// resends the pending entry, which the parent's receipt answers as a
// duplicate.
//
// Metrics (label queue=<name>): tdkt_uplink_queue_depth,
// tdkt_uplink_oldest_age_seconds, tdkt_uplink_deliveries_total,
// tdkt_uplink_failures_total, tdkt_uplink_dead_letters_total,
// tdkt_uplink_lease_held (1 on the replica that drains).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/redis_client.h"
#include "common/status.h"

namespace prometheus {
class Registry;
}

namespace tdkt::federation {

// One queued entry as the drainer hands it to `send`.
struct QueuedItem {
  std::string entry_id;                        // Stream id, e.g. "1733040000000-0".
  std::map<std::string, std::string> fields;   // As XADDed by the owner.
  int attempt = 1;                             // 1 on the first try.
};

struct DeadLetter {
  std::string entry_id;
  std::map<std::string, std::string> fields;
  std::string reason;      // The last refusal, e.g. "PERMISSION_DENIED: unknown sender 22333".
  int64_t at_unix_ms = 0;
};

struct UplinkOptions {
  std::string name;              // Queue name for metrics and logs, e.g. "proposals".
  std::string stream_key;        // Owned by the calling service.
  std::string dead_letter_key;   // List, owned by the calling service.
  std::string group = "uplink";
  std::string consumer = "drainer";
  int initial_backoff_ms = 200;
  int max_backoff_ms = 30000;
  int max_refusals = 5;
  int idle_poll_ms = 500;        // Wait between polls of an empty queue (or of a lease held elsewhere).
  // How long the draining thread's lease lasts unless renewed; 0: no lease
  // (one drainer per stream is then the deployment's job).
  int lease_ms = 10000;
  // The name this drainer holds the lease under; a restart under the same
  // name takes the lease straight back. Empty: pid:<pid>:<random>.
  std::string holder;
  // Called once an entry is in the dead-letter list (on the draining
  // thread), so the owner can mark its record; the Uplink's count of
  // refusals is the only one.
  std::function<void(const DeadLetter&)> on_dead_letter;
};

struct UplinkStats {
  int64_t depth = 0;              // Entries not yet delivered.
  double oldest_age_seconds = 0;  // Age of the oldest of them (0 when empty).
  int64_t dead_letters = 0;
};

class Uplink {
 public:
  using Sender = std::function<Status(const QueuedItem&)>;
  // `registry` may be null.
  Uplink(RedisClient& redis, UplinkOptions options, Sender send, prometheus::Registry* registry);
  ~Uplink();  // Stops the thread.

  // Creates the consumer group if missing (idempotent).
  Status Initialize();
  // Drains on a background thread, while it holds the lease, until Stop(),
  // which gives the lease up.
  void Start();
  void Stop();
  // Delivers entries until the queue is empty or an entry fails; returns the
  // number delivered or dead-lettered, or the failure. No backoff sleeping
  // (tests and benchmarks drive it directly).
  //   OK(n)        the queue is empty now; n entries went (delivered, or
  //                dead-lettered by the refusal that reached max_refusals).
  //   retryable    `send`'s status (or Redis's); the head entry stays pending
  //                and is the first one sent by the next call. Entries
  //                delivered before it in this call are not counted here
  //                (they are in the metrics).
  //   refusal      `send`'s status while the head entry has had fewer than
  //                max_refusals refusals; the refusal that reaches the limit
  //                dead-letters it and the call goes on (it is not returned).
  // Also stops between two entries when Stop() is waiting for the thread.
  // Takes no lease: for tests, benchmarks and single-drainer use.
  Result<int> DrainOnce();

  // True while this Uplink's thread holds the lease.
  bool HoldsLease() const;

  Result<UplinkStats> Stats();
  Result<std::vector<DeadLetter>> DeadLetters(int64_t offset, int64_t limit);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A lease for a drainer whose calls to the parent last up to `deadline_ms`:
// three calls' worth, at least 10 s, so a slow call never loses it.
int LeaseMsFor(int deadline_ms);

// True for the codes Uplink retries forever (the parent may come back).
bool IsRetryable(const Status& status);

}  // namespace tdkt::federation
