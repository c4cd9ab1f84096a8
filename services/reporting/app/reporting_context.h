// What the reporting service's use cases share: the stores, the nomination
// service's client, the clock, the node's agency and federation settings,
// and the checks every use case makes (agency within the caller's and the
// node's subtree, a request id on every change).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "common/request_fingerprint.h"
#include "common/agency_tree.h"
#include "common/auth.h"
#include "common/clock.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/nomination_client.h"
#include "common/status.h"
#include "services/reporting/app/campaign_media_source.h"
#include "services/reporting/storage/activity_store.h"
#include "services/reporting/storage/quota_store.h"
#include "services/reporting/storage/report_store.h"
#include "tdkt/federation/v1/envelope.pb.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

namespace fv1 = ::tdkt::federation::v1;

struct ReportingContext {
  NominationClient& nominations;
  ReportStore& reports;
  ActivityStore& activities;
  QuotaStore& quotas;
  const Clock& clock;
  std::string node_agency;
  const federation::FederationConfig& federation;
  std::map<std::string, federation::PublicKey> child_keys;  // Senders this node accepts reports from.
  // The node's campaign-media service (the media section); null: none, the
  // section says so.
  CampaignMediaSource* campaign_media = nullptr;

  // Campaign-media's rows of `agency`'s subtree for `year` (unavailable
  // rows, with a note, when there is no such service or it does not answer).
  MediaRows MediaFor(const std::string& agency, int year) const;

  int64_t NowMs() const { return clock.NowSeconds() * 1000; }
  // The tree, the agency known (INVALID_ARGUMENT on `field` otherwise) and
  // inside both the caller's subtree and the node's.
  Result<std::shared_ptr<const AgencyTree>> TreeFor(const Caller& caller, const std::string& agency,
                                                    const char* field);
};

// Request ids: tdkt::RequireRequestId (common/request_fingerprint.h).

// `value`, or `fallback` when `value` is empty (e.g. the caller's agency).
inline std::string Or(const std::string& value, const std::string& fallback) {
  return value.empty() ? fallback : value;
}

}  // namespace tdkt::reporting
