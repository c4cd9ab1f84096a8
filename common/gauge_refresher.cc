#include "common/gauge_refresher.h"

#include <chrono>

#include "common/log.h"

namespace tdkt {

GaugeRefresher::GaugeRefresher(std::string name, int interval_ms, std::function<Status()> refresh)
    : name_(std::move(name)), interval_ms_(interval_ms > 0 ? interval_ms : 1000), refresh_(std::move(refresh)) {}

GaugeRefresher::~GaugeRefresher() { Stop(); }

Status GaugeRefresher::RefreshOnce() {
  Status st = refresh_();
  std::lock_guard<std::mutex> lock(mutex_);
  if (!st.ok() && !failing_) log::Warn("gauges not refreshed", {{"gauges", name_}, {"error", st.ToString()}});
  if (st.ok() && failing_) log::Info("gauges refreshed again", {{"gauges", name_}});
  failing_ = !st.ok();
  return st;
}

void GaugeRefresher::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      RefreshOnce();
      lock.lock();
      wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_; });
    }
  });
}

void GaugeRefresher::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace tdkt
