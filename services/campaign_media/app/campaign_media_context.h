// What campaign-media's use cases share: Redis, the record store and request
// memo (keys cm:*), the nomination service's client (exemplars and the
// agency hierarchy), the clock and the node's agency, with the checks every
// use case makes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/timestamp.pb.h>

#include "common/agency_tree.h"
#include "common/auth.h"
#include "common/clock.h"
#include "common/nomination_client.h"
#include "common/record_store.h"
#include "common/redis_client.h"
#include "common/status.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::campaign_media {

namespace nv1 = ::tdkt::nomination::v1;

struct CampaignMediaContext {
  RedisClient& redis;
  RecordStore& store;              // Key prefix "cm".
  RequestMemo& memo;               // Key prefix "cm".
  NominationClient& nominations;
  const Clock& clock;
  std::string node_agency;

  google::protobuf::Timestamp Now() const;
  // Today's date in Vietnam time, YYYY-MM-DD.
  std::string Today() const;

  // The tree, with `agency` known (INVALID_ARGUMENT on `field` otherwise)
  // and inside both the caller's subtree and the node's.
  Result<std::shared_ptr<const AgencyTree>> TreeFor(const Caller& caller, const std::string& agency,
                                                    const char* field);

  // Notes that `agency` has campaign-media records (set cm:agencies), so the
  // year's figures know whom to count. Call on every create.
  Status RememberAgency(const std::string& agency);
  Result<std::vector<std::string>> KnownAgencies();

  // The exemplar's nomination record; INVALID_ARGUMENT on `field` when the
  // id is malformed or unknown.
  Result<nv1::Nomination> Exemplar(const std::string& id, const std::string& field);
};

// True when a record may be presented as an exemplar: recognised at this
// level (RECOGNISED, REPLICATING) or recognised by the level above.
bool IsRecognised(const nv1::Nomination& record);

// INVALID_ARGUMENT on `field` unless every exemplar exists and is
// recognised (the message names the exemplar and its state); also refuses
// repeats. `what` says what they are for, e.g. "trình bày là điển hình".
Status RequireRecognisedExemplars(CampaignMediaContext& ctx, const google::protobuf::RepeatedPtrField<std::string>& ids,
                                  const std::string& field);

// Checks a YYYY-MM-DD date: INVALID_ARGUMENT on `field` unless it is a real
// calendar date between 2000 and 2100.
Status CheckDate(const std::string& date, const std::string& field);
// Year of a valid YYYY-MM-DD date.
int YearOf(const std::string& date);

}  // namespace tdkt::campaign_media
