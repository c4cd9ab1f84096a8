// Keeps business gauges (exemplars by stage, open ballots, report
// completeness) fresh: calls `refresh` once at Start, then every
// `interval_ms` on its own thread until Stop. A failed refresh is logged
// (once per run of failures) and the gauges keep their last values.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"

namespace tdkt {

class GaugeRefresher {
 public:
  GaugeRefresher(std::string name, int interval_ms, std::function<Status()> refresh);
  ~GaugeRefresher();  // Stops.
  GaugeRefresher(const GaugeRefresher&) = delete;
  GaugeRefresher& operator=(const GaugeRefresher&) = delete;

  void Start();
  void Stop();
  // One refresh now, on the caller's thread (tests).
  Status RefreshOnce();

 private:
  const std::string name_;
  const int interval_ms_;
  const std::function<Status()> refresh_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool failing_ = false;
  std::thread thread_;
};

}  // namespace tdkt
