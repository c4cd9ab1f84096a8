// Fixtures for the public site's tests: published items of the test's own
// (any state, so the site's own filtering shows) and recognised exemplars
// created through the nomination service.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "services/campaign_media/app/published_items.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {

namespace cmv1 = ::tdkt::campaign_media::v1;

// Returns exactly the items it holds for the agency, whatever their state,
// newest (by published_at) first; PublishedInYear: oldest first.
class FixedPublishedItems : public campaign_media::PublishedItems {
 public:
  void Put(const cmv1::MediaItem& item);
  void Clear();
  Result<std::vector<cmv1::MediaItem>> LatestPublished(const std::string& agency, int limit) override;
  Result<std::vector<cmv1::MediaItem>> PublishedInYear(const std::string& agency, int year) override;

 private:
  std::mutex mutex_;
  std::vector<cmv1::MediaItem> items_;
};

// A media item of `agency` in `state`, published at `published_unix`.
cmv1::MediaItem FixtureItem(const std::string& id, const std::string& agency, const std::string& title,
                            cmv1::MediaItemState state, int64_t published_unix,
                            const std::vector<std::string>& exemplars);

// Creates `name` under `unit` and moves it to RECOGNISED by decision
// `decision_number` of `decision_date` (the node's identity, as the council
// does). Empty Nomination on failure (the test fails).
nomination::v1::Nomination Recognised(NominationServer& server, const std::string& name, const std::string& unit,
                                      const std::string& decision_number, const std::string& decision_date);

}  // namespace tdkt::testing
