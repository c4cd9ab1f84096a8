#include "common/federation/uplink.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <unistd.h>

#include "common/federation/base64.h"
#include "common/hex.h"
#include "common/log.h"
#include "common/text.h"

namespace tdkt::federation {
namespace {

using nlohmann::json;

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: return "INVALID_ARGUMENT";
    case Code::kNotFound: return "NOT_FOUND";
    case Code::kAlreadyExists: return "ALREADY_EXISTS";
    case Code::kFailedPrecondition: return "FAILED_PRECONDITION";
    case Code::kAborted: return "ABORTED";
    case Code::kUnauthenticated: return "UNAUTHENTICATED";
    case Code::kPermissionDenied: return "PERMISSION_DENIED";
    case Code::kUnavailable: return "UNAVAILABLE";
    case Code::kDeadlineExceeded: return "DEADLINE_EXCEEDED";
    case Code::kInternal: return "INTERNAL";
  }
  return "UNKNOWN";
}

std::string Describe(const Status& status) { return std::string(CodeName(status.code())) + ": " + status.ToString(); }

// The ms part of a stream id "1733040000000-0".
int64_t IdMillis(const std::string& id) { return std::strtoll(id.c_str(), nullptr, 10); }

// Both scripts touch the stream and (for the dead letter) the list: the
// owner gives them one hash tag so they share a cluster slot.
// KEYS[1] stream; ARGV[1] group, ARGV[2] entry id.
const LuaScript kAckScript(R"lua(
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
)lua");

// KEYS[1] stream, KEYS[2] dead-letter list; ARGV[1] group, ARGV[2] entry
// id, ARGV[3] the dead letter (JSON).
const LuaScript kDeadLetterScript(R"lua(
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])
)lua");

// KEYS[1] lease; ARGV[1] holder, ARGV[2] ms. Takes a free lease or renews
// our own; 0 when another holder has it.
const LuaScript kLeaseScript(R"lua(
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
)lua");

// KEYS[1] lease; ARGV[1] holder. Gives up the lease only if it is ours.
const LuaScript kReleaseScript(R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
)lua");

// pid:<pid>:<random>, unique per Uplink, for owners that name no holder
// (the binaries pass InstanceName, <host name>:<grpc-port>).
std::string NewHolderId() {
  auto nonce = RandomHex(6);
  return "pid:" + std::to_string(getpid()) + ":" + (nonce.ok() ? *nonce : "0");
}

}  // namespace

int LeaseMsFor(int deadline_ms) { return std::max(10000, 3 * deadline_ms); }

bool IsRetryable(const Status& status) {
  switch (status.code()) {
    case Code::kUnavailable:
    case Code::kDeadlineExceeded:
    case Code::kInternal:  // Also what RESOURCE_EXHAUSTED, UNKNOWN and CANCELLED become (FromGrpcStatus).
    case Code::kAborted:
      return true;
    default:
      return false;
  }
}

struct Uplink::Impl {
  RedisClient& redis;
  UplinkOptions options;
  Sender send;

  prometheus::Gauge* depth = nullptr;
  prometheus::Gauge* oldest_age = nullptr;
  prometheus::Counter* deliveries = nullptr;
  prometheus::Counter* failures = nullptr;
  prometheus::Counter* dead_letters = nullptr;
  prometheus::Gauge* lease_gauge = nullptr;

  // The lease of the draining thread (see the header).
  const std::string holder = options.holder.empty() ? NewHolderId() : options.holder;
  std::atomic<bool> lease_held{false};
  std::chrono::steady_clock::time_point lease_renewed{};

  // One drain at a time (the thread, or a test calling DrainOnce).
  std::mutex drain_mutex;
  // The head entry's history, kept across DrainOnce calls (in memory: a
  // restart gives an entry a fresh count of refusals).
  std::string head_id;
  int head_attempts = 0;
  int head_refusals = 0;
  // Entries the latest DrainOnce delivered or dead-lettered, even when it
  // then failed: progress resets the backoff.
  std::atomic<int> last_progress{0};
  // Set while Stop() waits for the thread: a long queue stops draining
  // between two entries instead of running to its end.
  std::atomic<bool> interrupt{false};

  std::mutex lifecycle;  // Serializes Start and Stop (Stop holds it while joining).
  std::mutex mutex;      // Guards stopping and the thread handle.
  std::condition_variable wake;
  bool stopping = false;
  std::thread thread;
  std::mt19937_64 rng{std::random_device{}()};

  Impl(RedisClient& r, UplinkOptions o, Sender s) : redis(r), options(std::move(o)), send(std::move(s)) {}

  struct Entry {
    std::string id;
    bool deleted = false;  // Pending, but gone from the stream (trimmed by its owner).
    std::map<std::string, std::string> fields;
  };

  // XREADGROUP ... COUNT 1 STREAMS key <from>: "0" gives this consumer's
  // oldest pending entry, ">" the next never-delivered one.
  Result<std::optional<Entry>> Read(const std::string& from) {
    RedisArgs args{"XREADGROUP", "GROUP", options.group, options.consumer, "COUNT", "1", "STREAMS",
                   options.stream_key, from};
    auto reply = redis.Command(args);
    if (!reply.ok() && reply.status().message().find("NOGROUP") != std::string::npos) {
      // The stream or group vanished (a flushed or restored Redis): make it again.
      TDKT_RETURN_IF_ERROR(CreateGroup());
      reply = redis.Command(args);
    }
    if (!reply.ok()) return reply.status();
    if (reply->is_nil() || reply->elements.empty()) return std::optional<Entry>();
    const RedisReply& stream = reply->elements[0];
    if (stream.elements.size() < 2 || stream.elements[1].elements.empty()) return std::optional<Entry>();
    const RedisReply& raw = stream.elements[1].elements[0];
    if (raw.elements.empty()) return Status::Internal("unexpected XREADGROUP reply from Redis");
    Entry entry;
    entry.id = raw.elements[0].str;
    if (raw.elements.size() < 2 || raw.elements[1].is_nil()) {
      entry.deleted = true;
    } else {
      const auto& kv = raw.elements[1].elements;
      for (size_t i = 0; i + 1 < kv.size(); i += 2) entry.fields[kv[i].str] = kv[i + 1].str;
    }
    return std::optional<Entry>(std::move(entry));
  }

  Status CreateGroup() {
    auto reply = redis.Command({"XGROUP", "CREATE", options.stream_key, options.group, "0", "MKSTREAM"});
    if (!reply.ok() && reply.status().message().find("BUSYGROUP") == std::string::npos) return reply.status();
    return Status::Ok();
  }

  Status Ack(const std::string& id) {
    auto reply = redis.Eval(kAckScript, {options.stream_key}, {options.group, id});
    return reply.ok() ? Status::Ok() : reply.status();
  }

  Status DeadLetter(const Entry& entry, const std::string& reason) {
    json letter = {{"entry_id", entry.id}, {"reason", reason}, {"at", NowUnixMs()}};
    json fields = json::object();
    json encoded = json::object();
    for (const auto& [k, v] : entry.fields) {
      // Payloads may be serialized protobuf: those values are kept in base64
      // so the letter is lossless and the JSON stays valid.
      if (text::IsValidUtf8(v)) {
        fields[k] = v;
      } else {
        encoded[k] = EncodeBase64(v);
      }
    }
    letter["fields"] = fields;
    if (!encoded.empty()) letter["fields_base64"] = encoded;
    auto reply = redis.Eval(kDeadLetterScript, {options.stream_key, options.dead_letter_key},
                            {options.group, entry.id, letter.dump()});
    return reply.ok() ? Status::Ok() : reply.status();
  }

  std::string LeaseKey() const { return options.stream_key + ":lease"; }

  // Takes or renews the lease (at most every lease_ms / 3 while held); false
  // when another replica holds it or Redis cannot be reached.
  bool HoldLease() {
    const auto now = std::chrono::steady_clock::now();
    if (lease_held && now - lease_renewed < std::chrono::milliseconds(options.lease_ms / 3)) return true;
    auto reply = redis.Eval(kLeaseScript, {LeaseKey()}, {holder, std::to_string(options.lease_ms)});
    const bool held = reply.ok() && reply->integer == 1;
    if (held != lease_held) {
      log::Info(held ? "uplink lease taken: this replica drains" : "uplink lease held elsewhere: not draining",
                {{"queue", options.name}, {"holder", holder}});
    }
    lease_held = held;
    if (held) lease_renewed = now;
    if (lease_gauge) lease_gauge->Set(held ? 1 : 0);
    return held;
  }

  void ReleaseLease() {
    if (!lease_held) return;
    (void)redis.Eval(kReleaseScript, {LeaseKey()}, {holder});
    lease_held = false;
    if (lease_gauge) lease_gauge->Set(0);
  }

  // `under_lease`: the thread's drain, which stops between two entries once
  // the lease is lost.
  Result<int> DrainOnce(bool under_lease = false) {
    std::lock_guard<std::mutex> lock(drain_mutex);
    int done = 0;
    last_progress = 0;
    // Pending first: after a crash or a failed send the unacknowledged entry
    // goes again, before anything newer, so the parent sees the stream's
    // order. Only the first read can find one: every entry read later is
    // acknowledged before the next read, or this call returns.
    bool pending_checked = false;
    for (;;) {
      if (interrupt) return done;
      if (under_lease && !HoldLease()) return done;
      Result<std::optional<Entry>> next = std::optional<Entry>();
      if (!pending_checked) {
        next = Read("0");
        if (!next.ok()) return next.status();
        pending_checked = true;
      }
      if (!next->has_value()) {
        next = Read(">");
        if (!next.ok()) return next.status();
        if (!next->has_value()) return done;
      }
      Entry& entry = **next;
      if (entry.deleted) {
        // Trimmed by its owner before delivery: nothing to send.
        TDKT_RETURN_IF_ERROR(Ack(entry.id));
        continue;
      }
      if (entry.id != head_id) {
        head_id = entry.id;
        head_attempts = 0;
        head_refusals = 0;
      }
      QueuedItem item{entry.id, entry.fields, ++head_attempts};
      Status sent = send(item);
      if (sent.ok()) {
        TDKT_RETURN_IF_ERROR(Ack(entry.id));
        if (deliveries) deliveries->Increment();
        head_id.clear();
        last_progress = ++done;
        continue;
      }
      if (failures) failures->Increment();
      if (IsRetryable(sent)) return sent;
      if (++head_refusals < options.max_refusals) return sent;
      std::string reason = Describe(sent);
      TDKT_RETURN_IF_ERROR(DeadLetter(entry, reason));
      if (dead_letters) dead_letters->Increment();
      if (options.on_dead_letter) options.on_dead_letter({entry.id, entry.fields, reason, NowUnixMs()});
      log::Error("uplink entry dead-lettered", {{"queue", options.name},
                                                {"entry_id", entry.id},
                                                {"refusals", std::to_string(head_refusals)},
                                                {"reason", reason},
                                                {"dead_letter_key", options.dead_letter_key}});
      head_id.clear();
      last_progress = ++done;
    }
  }

  Result<UplinkStats> Stats() {
    auto replies = redis.Pipeline({{"XLEN", options.stream_key},
                                   {"XRANGE", options.stream_key, "-", "+", "COUNT", "1"},
                                   {"LLEN", options.dead_letter_key}});
    if (!replies.ok()) return replies.status();
    for (const auto& r : *replies) {
      if (r.is_error()) return Status::Internal("Redis error: " + r.str);
    }
    UplinkStats stats;
    stats.depth = (*replies)[0].integer;
    const RedisReply& first = (*replies)[1];
    if (!first.elements.empty() && !first.elements[0].elements.empty()) {
      int64_t age_ms = NowUnixMs() - IdMillis(first.elements[0].elements[0].str);
      stats.oldest_age_seconds = std::max<int64_t>(0, age_ms) / 1000.0;
    }
    stats.dead_letters = (*replies)[2].integer;
    return stats;
  }

  void UpdateGauges() {
    if (!depth) return;
    auto stats = Stats();
    if (!stats.ok()) return;
    depth->Set(static_cast<double>(stats->depth));
    oldest_age->Set(stats->oldest_age_seconds);
  }

  // Waits `ms`, or less when Stop() is called; false when stopping.
  bool Sleep(int64_t ms) {
    std::unique_lock<std::mutex> lock(mutex);
    wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping; });
    return !stopping;
  }

  void Run() {
    int failed_in_row = 0;
    Code failing_code = Code::kOk;
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (stopping) return;
      }
      const bool leased = options.lease_ms > 0;
      if (leased && !HoldLease()) {
        // Another replica drains: wait, ready to take over when its lease lapses.
        if (!Sleep(options.idle_poll_ms)) return;
        continue;
      }
      auto drained = DrainOnce(leased);
      UpdateGauges();
      if (drained.ok()) {
        if (failed_in_row > 0) {
          log::Info("uplink delivering again", {{"queue", options.name},
                                                {"failed_attempts", std::to_string(failed_in_row)}});
        }
        failed_in_row = 0;
        failing_code = Code::kOk;
        // Drained to empty: wait for the owner to add more.
        if (!Sleep(options.idle_poll_ms)) return;
        continue;
      }
      const Status& st = drained.status();
      if (st.code() != failing_code) {
        // Once per change of state, not per retry: a parent down for an
        // hour gives one line, not thousands.
        log::Warn("uplink delivery failing; retrying with backoff",
                  {{"queue", options.name}, {"reason", Describe(st)},
                   {"retryable", IsRetryable(st) ? "true" : "false"}});
        failing_code = st.code();
      }
      // The queue moved before this failure: start the backoff over.
      if (last_progress > 0) failed_in_row = 0;
      ++failed_in_row;
      if (!Sleep(Backoff(failed_in_row))) return;
    }
  }

  // Full jitter: uniform in [0, min(max, initial * 2^(n-1))].
  int64_t Backoff(int failures_so_far) {
    int64_t cap = std::max(0, options.max_backoff_ms);
    int64_t base = std::max(1, options.initial_backoff_ms);
    int shift = std::min(failures_so_far - 1, 30);
    int64_t ceiling = std::min<int64_t>(cap, base << shift);
    std::uniform_int_distribution<int64_t> pick(0, std::max<int64_t>(0, ceiling));
    return pick(rng);
  }
};

Uplink::Uplink(RedisClient& redis, UplinkOptions options, Sender send, prometheus::Registry* registry)
    : impl_(std::make_unique<Impl>(redis, std::move(options), std::move(send))) {
  if (registry) {
    // Families are shared by every queue of the process (Registry merges
    // same-named families); each queue adds its own series.
    prometheus::Labels labels{{"queue", impl_->options.name}};
    impl_->depth = &prometheus::BuildGauge()
                        .Name("tdkt_uplink_queue_depth")
                        .Help("Entries of an outbox stream not yet delivered to the parent node")
                        .Register(*registry)
                        .Add(labels);
    impl_->oldest_age = &prometheus::BuildGauge()
                             .Name("tdkt_uplink_oldest_age_seconds")
                             .Help("Age of the oldest undelivered entry of an outbox stream (0 when empty)")
                             .Register(*registry)
                             .Add(labels);
    impl_->deliveries = &prometheus::BuildCounter()
                             .Name("tdkt_uplink_deliveries_total")
                             .Help("Outbox entries delivered to the parent node")
                             .Register(*registry)
                             .Add(labels);
    impl_->failures = &prometheus::BuildCounter()
                           .Name("tdkt_uplink_failures_total")
                           .Help("Failed delivery attempts (retryable or refused)")
                           .Register(*registry)
                           .Add(labels);
    impl_->dead_letters = &prometheus::BuildCounter()
                               .Name("tdkt_uplink_dead_letters_total")
                               .Help("Outbox entries moved to the dead-letter list after repeated refusals")
                               .Register(*registry)
                               .Add(labels);
    impl_->lease_gauge = &prometheus::BuildGauge()
                              .Name("tdkt_uplink_lease_held")
                              .Help("1 on the replica whose thread holds the outbox's lease and drains it")
                              .Register(*registry)
                              .Add(labels);
  }
}

Uplink::~Uplink() { Stop(); }

Status Uplink::Initialize() { return impl_->CreateGroup(); }

void Uplink::Start() {
  std::lock_guard<std::mutex> lifecycle(impl_->lifecycle);
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->thread.joinable()) return;
  impl_->stopping = false;
  impl_->thread = std::thread([this] { impl_->Run(); });
}

void Uplink::Stop() {
  std::lock_guard<std::mutex> lifecycle(impl_->lifecycle);
  std::thread thread;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
    thread = std::move(impl_->thread);
  }
  impl_->wake.notify_all();
  // A send in progress finishes first (it is bounded by its deadline).
  if (thread.joinable()) {
    impl_->interrupt = true;
    thread.join();
    impl_->interrupt = false;
  }
  // Another replica takes over now rather than when the lease lapses.
  impl_->ReleaseLease();
}

bool Uplink::HoldsLease() const { return impl_->lease_held; }

Result<int> Uplink::DrainOnce() { return impl_->DrainOnce(); }

Result<UplinkStats> Uplink::Stats() { return impl_->Stats(); }

Result<std::vector<DeadLetter>> Uplink::DeadLetters(int64_t offset, int64_t limit) {
  if (offset < 0) return Status::InvalidArgument("offset", "must not be negative");
  if (limit <= 0) return std::vector<DeadLetter>{};
  auto reply = impl_->redis.Command({"LRANGE", impl_->options.dead_letter_key, std::to_string(offset),
                                     std::to_string(offset + limit - 1)});
  if (!reply.ok()) return reply.status();
  std::vector<DeadLetter> letters;
  for (const auto& element : reply->elements) {
    json doc = json::parse(element.str, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      return Status::Internal("dead-letter list " + impl_->options.dead_letter_key + " holds an entry that is not JSON");
    }
    DeadLetter letter;
    letter.entry_id = doc.value("entry_id", "");
    letter.reason = doc.value("reason", "");
    letter.at_unix_ms = doc.value("at", int64_t{0});
    if (doc.contains("fields") && doc["fields"].is_object()) {
      for (auto it = doc["fields"].begin(); it != doc["fields"].end(); ++it) {
        if (it->is_string()) letter.fields[it.key()] = it->get<std::string>();
      }
    }
    if (doc.contains("fields_base64") && doc["fields_base64"].is_object()) {
      for (auto it = doc["fields_base64"].begin(); it != doc["fields_base64"].end(); ++it) {
        std::string raw;
        if (it->is_string() && DecodeBase64(it->get<std::string>(), raw)) letter.fields[it.key()] = raw;
      }
    }
    letters.push_back(std::move(letter));
  }
  return letters;
}

}  // namespace tdkt::federation
