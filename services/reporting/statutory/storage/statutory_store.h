// Redis storage of the statutory records the sector's other data lacks:
// organisations doing emulation-commendation work and their staff, per unit
// and report year.
//
// Keys (hash tag = the record's unit, so one write's keys share a slot):
//   rep:{A}:stat:org:<year>    hash  folded name -> StatOrganisation (protobuf)
//   rep:{A}:stat:staff:<year>  hash  person code -> StatStaff (protobuf)
//   rep:{A}:stat:req:<rid>     hash  f = fingerprint, a = answer; 7 days
// A write and its request memo are one Lua step: a retried request id returns
// the first answer and writes nothing.
#pragma once

#include <string>
#include <vector>

#include "common/redis_client.h"
#include "common/status.h"
#include "tdkt/reporting/v1/statutory.pb.h"

namespace tdkt::reporting::statutory {

class StatutoryStore {
 public:
  explicit StatutoryStore(RedisClient& redis) : redis_(redis) {}

  // Stores `organisation` under `name_key` unless `request_id` was seen for
  // its unit; then returns the first answer (INVALID_ARGUMENT request_id
  // when that request differed: `fingerprint` tells).
  Result<v1::StatOrganisation> PutOrganisation(const v1::StatOrganisation& organisation, const std::string& name_key,
                                               const std::string& request_id, const std::string& fingerprint);
  Result<v1::StatStaff> PutStaff(const v1::StatStaff& staff, const std::string& request_id,
                                 const std::string& fingerprint);

  // All records of one unit and year, ordered by name key / person code.
  Result<std::vector<v1::StatOrganisation>> Organisations(const std::string& agency, int year);
  Result<std::vector<v1::StatStaff>> Staff(const std::string& agency, int year);
  // The same for many units at once (one pipeline); units without records
  // contribute nothing.
  Status LoadUnits(const std::vector<std::string>& agencies, int year, std::vector<v1::StatOrganisation>* organisations,
                   std::vector<v1::StatStaff>* staff);

 private:
  Result<std::string> Put(const std::string& hash, const std::string& field, const std::string& value,
                          const std::string& memo, const std::string& fingerprint);

  RedisClient& redis_;
};

}  // namespace tdkt::reporting::statutory
