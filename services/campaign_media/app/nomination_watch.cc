#include "services/campaign_media/app/nomination_watch.h"

#include <chrono>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include "common/log.h"

namespace tdkt::campaign_media {

NominationWatch::NominationWatch(CampaignMediaContext& ctx, ItemManager& items, int watch_ms,
                                 prometheus::Registry* registry)
    : ctx_(ctx), items_(items), watch_ms_(watch_ms > 0 ? watch_ms : 1000) {
  if (!registry) return;
  changed_total_ = &prometheus::BuildCounter()
                        .Name("tdkt_cm_watch_items_changed_total")
                        .Help("Media items retracted or flagged because their exemplar was withdrawn or revoked")
                        .Register(*registry)
                        .Add({});
  failures_total_ = &prometheus::BuildCounter()
                         .Name("tdkt_cm_watch_failures_total")
                         .Help("Polls of the nomination change feed that failed (retried next interval)")
                         .Register(*registry)
                         .Add({});
  last_success_ = &prometheus::BuildGauge()
                       .Name("tdkt_cm_watch_last_success_seconds")
                       .Help("Unix time of the last complete poll of the nomination change feed")
                       .Register(*registry)
                       .Add({});
}

NominationWatch::~NominationWatch() { Stop(); }

Result<int> NominationWatch::PollOnce() {
  std::lock_guard<std::mutex> lock(mutex_);
  auto polled = Poll();
  if (!polled.ok()) {
    if (failures_total_) failures_total_->Increment();
    return polled;
  }
  if (changed_total_) changed_total_->Increment(*polled);
  if (last_success_) last_success_->Set(static_cast<double>(ctx_.clock.NowSeconds()));
  return polled;
}

Result<int> NominationWatch::Poll() {
  auto cursor = items_.store().WatchCursor();
  if (!cursor.ok()) return cursor.status();
  int changed = 0;
  for (int page = 0; page < 100; ++page) {
    nv1::ListChangesRequest request;
    request.set_after(*cursor);
    request.add_to_states(nv1::WITHDRAWN);
    request.add_to_states(nv1::REVOKED);
    request.set_page_size(100);
    auto response = ctx_.nominations.ListChanges(request);
    if (!response.ok()) return response.status();
    for (const auto& change : response->changes()) {
      std::string name = change.nomination_id();
      auto record = ctx_.nominations.Get(change.nomination_id());
      if (record.ok()) name = record->details().name();
      const std::string what = change.to_state() == nv1::REVOKED ? "đã bị thu hồi" : "đã bị rút hồ sơ";
      const std::string reason = "Điển hình " + name + " (" + change.nomination_id() + ") " + what + ": " +
                                 change.reason();
      auto n = items_.ExemplarWithdrawn(change.nomination_id(), reason);
      if (!n.ok()) return n.status();  // The cursor stays: the change is read again next time.
      changed += *n;
    }
    if (response->next_cursor() == *cursor) break;
    *cursor = response->next_cursor();
    TDKT_RETURN_IF_ERROR(items_.store().SaveWatchCursor(*cursor));
  }
  return changed;
}

void NominationWatch::Start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Run(); });
}

void NominationWatch::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void NominationWatch::Run() {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(stop_mutex_);
      if (stop_cv_.wait_for(lock, std::chrono::milliseconds(watch_ms_), [this] { return stopping_; })) return;
    }
    auto polled = PollOnce();
    if (!polled.ok()) log::Warn("nomination watch failed; retrying", {{"status", polled.status().ToString()}});
  }
}

}  // namespace tdkt::campaign_media
