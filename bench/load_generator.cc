#include "bench/load_generator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

namespace tdkt::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Call numbers are unique over the whole process, so that request ids built
// from them never repeat between phases or rounds.
std::atomic<uint64_t> next_call{1};

struct ThreadTally {
  std::vector<int64_t> latencies_ns;  // Measured calls only.
  uint64_t ok = 0;                    // Every OK call.
  uint64_t errors = 0;
  std::string first_error;
};

struct Slot {
  std::unique_ptr<CallSlot> call;
  uint64_t n = 0;
  Clock::time_point started;
};

void Drive(const SlotFactory& make_slot, int concurrency, Clock::time_point measure_from,
           Clock::time_point measure_until, ThreadTally& tally) {
  grpc::CompletionQueue cq;
  std::vector<Slot> slots(concurrency);
  auto start = [&](Slot& s) {
    s.n = next_call.fetch_add(1);
    s.started = Clock::now();
    s.call->Start(s.n, &cq, &s);
  };
  for (auto& s : slots) {
    s.call = make_slot();
    start(s);
  }
  int in_flight = concurrency;
  void* tag = nullptr;
  bool ok = false;
  while (in_flight > 0 && cq.Next(&tag, &ok)) {
    auto& s = *static_cast<Slot*>(tag);
    auto now = Clock::now();
    --in_flight;
    const grpc::Status& status = s.call->status();
    std::string problem;
    if (!ok) {
      problem = "the completion queue reported a failed call";
    } else if (!status.ok()) {
      problem = "grpc code " + std::to_string(status.error_code()) + ": " + status.error_message();
    } else {
      problem = s.call->Check(s.n);
    }
    if (!problem.empty()) {
      if (tally.errors++ == 0) tally.first_error = problem;
    } else {
      ++tally.ok;
      if (now >= measure_from && now < measure_until) {
        tally.latencies_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(now - s.started).count());
      }
    }
    // Closed loop: refill the slot until the measured span is over, then drain.
    if (now < measure_until) {
      start(s);
      ++in_flight;
    }
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
}

double PercentileMs(std::vector<int64_t>& v, double q) {
  if (v.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(q * v.size()));
  size_t index = std::min(v.size() - 1, rank == 0 ? 0 : rank - 1);
  std::nth_element(v.begin(), v.begin() + index, v.end());
  return v[index] / 1e6;
}

}  // namespace

LoadResult RunLoad(const SlotFactory& make_slot, const LoadOptions& options) {
  const int threads = std::max(1, std::min(options.threads, options.concurrency));
  auto t0 = Clock::now();
  auto measure_from = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.warmup_s));
  auto measure_until =
      measure_from + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.duration_s));

  std::vector<ThreadTally> tallies(threads);
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    // Spread the slots as evenly as possible over the threads.
    int share = options.concurrency / threads + (i < options.concurrency % threads ? 1 : 0);
    workers.emplace_back(Drive, std::cref(make_slot), share, measure_from, measure_until, std::ref(tallies[i]));
  }
  for (auto& w : workers) w.join();

  LoadResult result;
  std::vector<int64_t> all;
  for (auto& t : tallies) {
    all.insert(all.end(), t.latencies_ns.begin(), t.latencies_ns.end());
    if (t.errors > 0 && result.errors == 0) result.first_error = t.first_error;
    result.errors += t.errors;
    result.completed_all += t.ok;
  }
  result.completed = all.size();
  result.seconds = options.duration_s;
  result.ops_per_s = result.completed / options.duration_s;
  result.p50_ms = PercentileMs(all, 0.50);
  result.p99_ms = PercentileMs(all, 0.99);
  return result;
}

}  // namespace tdkt::bench
