// Storage contract of nomination records, their indexes, audit trails and
// outbox. The Redis implementation is redis_nomination_repository.h; the
// domain and the manager only see this interface.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::nomination {

// What an earlier request with the same client request id did.
struct Replay {
  std::string fingerprint;  // Hash of that request's content.
  std::string id;           // Record it created or changed.
  int64_t version = 0;      // Version that change produced.

  // Memo text stored in Redis: "<fingerprint> <id> <version>".
  std::string Encode() const;
  static bool Decode(const std::string& text, Replay* out);
};

struct SaveOutcome {
  enum class Kind { kSaved, kReplay, kConflict, kClaimed };
  Kind kind = Kind::kSaved;
  Replay replay;                // kReplay.
  int64_t current_version = 0;  // kConflict: the version now stored.
  std::string claimed;          // kClaimed: the value already under the claim key.
};

// One more stream entry a save adds in its atomic step (upward forwarding:
// the uplink queue, outcomes for a child node).
struct StreamEvent {
  std::string stream_key;
  std::vector<std::pair<std::string, std::string>> fields;  // In order.
  // Above 0: trims the stream to about this many entries (MAXLEN ~).
  int64_t maxlen = 0;
};

// One entry of the node's change feed (ChangesKey): a lifecycle move.
struct ChangeEntry {
  std::string cursor;  // Stream entry id.
  std::vector<std::pair<std::string, std::string>> fields;  // id, agency, version, from, to, reason, at.
};

// What a save writes besides the record (all in the same atomic step).
struct SaveExtras {
  std::vector<StreamEvent> events;
  // When set, the save happens only if `claim_key` does not exist yet, and
  // then sets it, without expiry, to `claim_value` (a permanent receipt:
  // one message id records once, forever). If it exists nothing changes and
  // the outcome is kClaimed with the stored value.
  std::string claim_key;
  std::string claim_value;
};

// One index to walk: everything, one state or one field. Kind and year are
// filtered while walking: too unselective to pay for an index on each write.
struct IndexFilter {
  enum class Type { kAll, kState, kField };
  Type type = Type::kAll;
  std::string value;
};

struct IndexedId {
  int64_t score;   // The record's sequence number: newest is highest.
  std::string id;
};

class NominationRepository {
 public:
  virtual ~NominationRepository() = default;

  // A new, never reused sequence number for record ids.
  virtual Result<int64_t> NextSequence() = 0;
  virtual Result<std::optional<v1::Nomination>> Get(const std::string& agency, const std::string& id) = 0;
  // Records in the order asked; missing ones are skipped.
  virtual Result<std::vector<v1::Nomination>> GetMany(const std::vector<IndexedId>& ids) = 0;
  virtual Result<std::optional<Replay>> FindReplay(const std::string& agency, const std::string& request_id) = 0;

  // Atomically: checks that the stored version is `previous`'s (0 when
  // `previous` is null), then stores `next`, moves it between indexes,
  // appends `audit`, remembers the request id and adds an outbox event.
  // Nothing changes on kReplay or kConflict.
  // `extras` adds stream events and an optional claim to the same step; the
  // request memo is checked before the claim, the claim before the version.
  virtual Result<SaveOutcome> Save(const v1::Nomination* previous, const v1::Nomination& next,
                                   const v1::AuditEntry& audit, const std::string& request_id,
                                   const std::string& fingerprint, const std::string& event_type,
                                   const SaveExtras& extras) = 0;
  Result<SaveOutcome> Save(const v1::Nomination* previous, const v1::Nomination& next,
                           const v1::AuditEntry& audit, const std::string& request_id,
                           const std::string& fingerprint, const std::string& event_type) {
    return Save(previous, next, audit, request_id, fingerprint, event_type, SaveExtras{});
  }

  // Up to `limit` ids with score < `before`, newest first, over all `agencies`.
  virtual Result<std::vector<IndexedId>> Scan(const std::vector<std::string>& agencies,
                                              const IndexFilter& filter, int64_t before,
                                              size_t limit) = 0;

  // How many records of `agencies` are in each state (state number -> count;
  // states with none absent), from the state indexes.
  virtual Result<std::map<int, int64_t>> CountByState(const std::vector<std::string>& agencies) = 0;

  // Up to `limit` entries of the change feed after `after` (a stream
  // entry id; empty = from the oldest kept), oldest first.
  virtual Result<std::vector<ChangeEntry>> Changes(const std::string& after, size_t limit) = 0;

  // Audit entries [offset, offset + limit) of a record, oldest first.
  virtual Result<std::vector<v1::AuditEntry>> History(const std::string& agency, const std::string& id,
                                                      int64_t offset, int64_t limit) = 0;
};

}  // namespace tdkt::nomination
