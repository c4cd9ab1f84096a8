// Upward forwarding of proposals (đề nghị cấp trên) between nomination
// nodes, and the parent's outcomes flowing back down.
//
// Child side: a move to PROPOSED queues the record on nom:{fwd}:uplink in
// the same save (NominationManager). A federation::Uplink drains that
// stream through SendProposal(): the record and its whole history, sealed by
// this node's key as message "<agency>/proposals/<entry id>", to the parent's
// ReceiveProposal; on success the record notes upward RECEIVED. PollOnce()
// fetches outcomes after the stored cursor and applies each once
// (request id "outcome-<entry id>").
//
// Parent side: ReceiveProposal() opens the envelope against the children's
// keys, checks the unit lies in the sender's subtree and records the
// proposal once per message id (permanent inbox key, written in the record's
// save) as a SUBMITTED candidate with its origin. PollOutcomes() answers a
// child with the outcomes queued for it, signed by this node.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/auth.h"
#include "common/federation/envelope.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/federation/uplink.h"
#include "common/status.h"
#include "services/nomination/app/nomination_manager.h"
#include "services/nomination/storage/agency_directory.h"
#include "services/nomination/storage/federation_store.h"
#include "services/nomination/storage/nomination_repository.h"
#include "tdkt/nomination/v1/federation.pb.h"

namespace tdkt::nomination {

namespace fv1 = ::tdkt::federation::v1;

// The parent node's NominationFederationService as the child calls it
// (api/parent_client.h on gRPC). Errors keep the parent's code.
class ParentLink {
 public:
  virtual ~ParentLink() = default;
  virtual Result<fv1::Receipt> ReceiveProposal(const fv1::Envelope& envelope) = 0;
  virtual Result<fv1::Envelope> PollOutcomes(const fv1::Envelope& envelope) = 0;
};

class FederationManager {
 public:
  // `parent` may be null (a node at the top, or standalone).
  FederationManager(NominationManager& manager, NominationRepository& repository, FederationStore& store,
                    AgencyDirectory& agencies, const federation::FederationConfig& config,
                    const federation::SigningKey& key, ParentLink* parent);
  ~FederationManager();

  // Parses the peers' keys; errors name the bad entry.
  Status Initialize();

  // Parent side.
  Result<fv1::Receipt> ReceiveProposal(const fv1::Envelope& envelope);
  Result<fv1::Envelope> PollOutcomes(const fv1::Envelope& envelope);

  // Child side. The Uplink's sender for nom:{fwd}:uplink.
  Status SendProposal(const federation::QueuedItem& item);
  // The Uplink dead-lettered a proposal (the parent refused it
  // max_refusals times): marks the record DEAD_LETTER with the reason.
  void NoteDeadLetter(const federation::DeadLetter& letter);
  // Fetches and applies the parent's outcomes until none are left; returns
  // how many were applied. UNAVAILABLE when the parent is unreachable.
  Result<int> PollOnce();
  // Calls PollOnce() every `interval_ms` on a thread until StopPoller();
  // an unreachable parent is logged once until it answers again.
  void StartPoller(int interval_ms);
  void StopPoller();

 private:
  int64_t NowMs() const;
  Caller NodeCallerFor(const std::string& record_id) const;
  // The answer to a message id already recorded as entry.record_id; `child`
  // is the record the resend carries.
  Result<fv1::Receipt> Duplicate(const fv1::Envelope& envelope, const InboxEntry& entry, const std::string& digest,
                                 const v1::Nomination& child);
  Status ApplyOutcome(const v1::Outcome& outcome);

  NominationManager& manager_;
  NominationRepository& repository_;
  FederationStore& store_;
  AgencyDirectory& agencies_;
  const federation::FederationConfig& config_;
  const federation::SigningKey& key_;
  ParentLink* parent_;
  std::map<std::string, federation::PublicKey> children_keys_;
  std::map<std::string, federation::PublicKey> parent_keys_;

  std::mutex poller_mutex_;
  std::condition_variable poller_wake_;
  bool poller_stop_ = false;
  std::thread poller_;
};

}  // namespace tdkt::nomination
