// Automatic retraction: reads the nomination service's change feed
// (ListChanges, moves to WITHDRAWN or REVOKED) from the cursor kept at
// cm:watch:cursor and lets the item manager retract or flag the items of
// each exemplar that moved, then saves the cursor. At least once: a change
// read again after a crash changes nothing twice (ItemManager::ExemplarWithdrawn).
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/status.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/item_manager.h"

namespace tdkt::campaign_media {

class NominationWatch {
 public:
  NominationWatch(CampaignMediaContext& ctx, ItemManager& items, int watch_ms);
  ~NominationWatch();

  // Reads every change available now; returns how many items changed.
  Result<int> PollOnce();
  // Polls every watch_ms on a background thread until Stop().
  void Start();
  // Joins promptly; safe to call twice.
  void Stop();

 private:
  void Run();

  CampaignMediaContext& ctx_;
  ItemManager& items_;
  const int watch_ms_;
  std::mutex mutex_;   // Serialises polls (the thread and tests).
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tdkt::campaign_media
