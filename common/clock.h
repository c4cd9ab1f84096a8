// The time source components are given instead of reading the system clock
// themselves, so deadlines and disclosure periods can be tested without
// waiting. Production uses SystemClock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace tdkt {

class Clock {
 public:
  virtual ~Clock() = default;
  // Unix time in seconds.
  virtual int64_t NowSeconds() const = 0;
};

class SystemClock : public Clock {
 public:
  int64_t NowSeconds() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that moves only when told to (tests).
class ManualClock : public Clock {
 public:
  explicit ManualClock(int64_t start) : now_(start) {}
  int64_t NowSeconds() const override { return now_.load(); }
  void Advance(int64_t seconds) { now_ += seconds; }
  void Set(int64_t seconds) { now_ = seconds; }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace tdkt
