// Automatic retraction: reads the nomination service's change feed
// (ListChanges, moves to WITHDRAWN or REVOKED) from the cursor kept at
// cm:watch:cursor and lets the item manager retract or flag the items of
// each exemplar that moved, then saves the cursor. At least once: a change
// read again after a crash changes nothing twice (ItemManager::ExemplarWithdrawn).
//
// Metrics (when given a registry): tdkt_cm_watch_items_changed_total (items
// retracted or flagged), tdkt_cm_watch_failures_total (polls that failed)
// and tdkt_cm_watch_last_success_seconds (Unix time of the last complete
// poll: an alert on its age shows a watcher that has fallen behind).
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/status.h"

namespace prometheus {
class Counter;
class Gauge;
class Registry;
}  // namespace prometheus
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/item_manager.h"

namespace tdkt::campaign_media {

class NominationWatch {
 public:
  // `registry` may be null (no metrics).
  NominationWatch(CampaignMediaContext& ctx, ItemManager& items, int watch_ms,
                  prometheus::Registry* registry = nullptr);
  ~NominationWatch();

  // Reads every change available now; returns how many items changed.
  Result<int> PollOnce();
  // Polls every watch_ms on a background thread until Stop().
  void Start();
  // Joins promptly; safe to call twice.
  void Stop();

 private:
  void Run();
  Result<int> Poll();

  CampaignMediaContext& ctx_;
  ItemManager& items_;
  const int watch_ms_;
  std::mutex mutex_;   // Serialises polls (the thread and tests).
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
  prometheus::Counter* changed_total_ = nullptr;
  prometheus::Counter* failures_total_ = nullptr;
  prometheus::Gauge* last_success_ = nullptr;
};

}  // namespace tdkt::campaign_media
