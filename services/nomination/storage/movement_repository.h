// Emulation movements in Redis. Keys, tagged by the launching agency:
//   mov:{A}:rec:<id>   string  serialized Movement
//   mov:{A}:ix         zset    member=id, score=sequence
//   mov:{A}:req:<rid>  string  "<fingerprint> <id> <version>" (7 days)
// Sequence numbers share nom:seq with nominations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/redis_client.h"
#include "services/nomination/storage/nomination_repository.h"
#include "tdkt/nomination/v1/movement.pb.h"

namespace tdkt::nomination {

class MovementRepository {
 public:
  MovementRepository(RedisClient& redis, NominationRepository& sequences);

  // Stores `movement` (its id already assigned) unless `request_id` was
  // seen: then returns what that request stored (kReplay).
  Result<SaveOutcome> Create(const v1::Movement& movement, const std::string& request_id,
                             const std::string& fingerprint);
  Result<std::optional<Replay>> FindReplay(const std::string& agency, const std::string& request_id);
  Result<std::optional<v1::Movement>> Get(const std::string& agency, const std::string& id);
  Result<std::vector<v1::Movement>> GetMany(const std::vector<IndexedId>& ids);
  Result<std::vector<IndexedId>> Scan(const std::vector<std::string>& agencies, int64_t before, size_t limit);
  Result<int64_t> NextSequence() { return sequences_.NextSequence(); }

 private:
  RedisClient& redis_;
  NominationRepository& sequences_;
};

}  // namespace tdkt::nomination
