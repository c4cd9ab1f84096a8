// Councils in Redis:
//   ev:council:<id>          record (RecordStore): the Council message
//   ev:councils:<agency>     sorted set of the agency's councils, by creation
#pragma once

#include <string>
#include <vector>

#include "common/record_store.h"
#include "tdkt/evaluation/v1/council.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

class CouncilRepository {
 public:
  explicit CouncilRepository(RecordStore& store) : store_(store) {}

  Result<std::string> NewId(const std::string& agency);
  // `memo` (RunOnceAtomic's) stores the request's answer in the same atomic
  // step as the council, so a crash in between cannot let a retry create a
  // second council.
  Status Create(v1::Council& council, const MemoWriter& memo = MemoWriter());
  Result<v1::Council> Get(const std::string& id);
  // Stores `council` as version + 1 when its version is still current, with
  // the request's answer (`memo`) in the same step.
  Status Update(v1::Council& council, const MemoWriter& memo = MemoWriter());
  // Councils of one agency, newest first, below the `before` cursor.
  Result<std::vector<v1::Council>> ListByAgency(const std::string& agency, int64_t before, int limit,
                                                std::vector<int64_t>* cursors);

 private:
  RecordStore& store_;
};

}  // namespace tdkt::evaluation
