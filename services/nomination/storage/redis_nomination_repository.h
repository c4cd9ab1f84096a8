// NominationRepository on Redis. Keys (all of one record share the hash tag
// of the agency the record was created under, so they can live in one
// Redis Cluster slot and change in one Lua script):
//   nom:{A}:rec:<id>     hash  v=version, d=serialized Nomination
//   nom:{A}:audit:<id>   list  serialized AuditEntry, append-only
//   nom:{A}:ix:<index>   zset  member=id, score=sequence (all, state:N,
//                              field:<code>)
//   nom:{A}:req:<rid>    string "<fingerprint> <id> <version>" (7 days)
//   nom:{A}:outbox       stream of change events for forwarding/consumers
//   plus, per save, the streams and claim key of SaveExtras (federation
//   keys nom:{fwd}:*, see storage/federation_store.h)
//   nom:seq              counter for sequence numbers (node-wide)
//   nom:changes          stream, node-wide: one entry per lifecycle move
//                        (id, agency, version, from, to, reason, at =
//                        epoch seconds), added in the save's atomic step,
//                        trimmed to about the newest 1,000,000 (ChangesKey)
#pragma once

#include <mutex>

#include "common/redis_client.h"
#include "services/nomination/storage/nomination_repository.h"

namespace tdkt::nomination {

class RedisNominationRepository : public NominationRepository {
 public:
  explicit RedisNominationRepository(RedisClient& redis);

  Result<int64_t> NextSequence() override;
  Result<std::optional<v1::Nomination>> Get(const std::string& agency, const std::string& id) override;
  Result<std::vector<v1::Nomination>> GetMany(const std::vector<IndexedId>& ids) override;
  Result<std::optional<Replay>> FindReplay(const std::string& agency, const std::string& request_id) override;
  using NominationRepository::Save;
  Result<SaveOutcome> Save(const v1::Nomination* previous, const v1::Nomination& next,
                           const v1::AuditEntry& audit, const std::string& request_id,
                           const std::string& fingerprint, const std::string& event_type,
                           const SaveExtras& extras) override;
  Result<std::map<int, int64_t>> CountByState(const std::vector<std::string>& agencies) override;
  Result<std::vector<IndexedId>> Scan(const std::vector<std::string>& agencies, const IndexFilter& filter,
                                      int64_t before, size_t limit) override;
  Result<std::vector<ChangeEntry>> Changes(const std::string& after, size_t limit) override;
  Result<std::vector<v1::AuditEntry>> History(const std::string& agency, const std::string& id,
                                              int64_t offset, int64_t limit) override;

  static std::string RecordKey(const std::string& agency, const std::string& id);
  static std::string OutboxKey(const std::string& agency);
  static std::string ChangesKey() { return "nom:changes"; }

 private:
  RedisClient& redis_;
  // Sequence numbers are taken from Redis in blocks, so creating a record
  // costs no extra round trip most of the time.
  std::mutex sequence_mutex_;
  int64_t next_sequence_ = 0;
  int64_t sequence_end_ = 0;
};

}  // namespace tdkt::nomination
