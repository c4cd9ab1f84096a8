// The node's agency hierarchy and agency-defined fields, kept in Redis and
// cached in memory. Seeded once from the agencies JSON file; afterwards
// changed only through AgencyService. Keys (one hash tag, one slot):
//   agy:{dir}:units    hash  id -> unit JSON
//   agy:{dir}:fields   hash  code -> field JSON (agency-defined fields)
//   agy:{dir}:version  counter, bumped by every change
// Other processes see a change within one second (they re-check the version
// at most once a second).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/agency_tree.h"
#include "common/redis_client.h"

namespace tdkt::nomination {

struct CustomField {
  std::string code;    // "custom:<slug>"
  std::string name;
  std::string agency;  // Defining agency.
};

class AgencyDirectory {
 public:
  explicit AgencyDirectory(RedisClient& redis);

  // Seeds Redis from `seed` unless it already holds a hierarchy, then loads.
  Status Initialize(const AgencyTree& seed);

  // The current hierarchy; never null after Initialize.
  std::shared_ptr<const AgencyTree> Tree();

  // The current hierarchy and the directory version (agy:{dir}:version) it
  // was loaded at, taken under one lock: read apart, a reload in between
  // could pair an old tree with a new version, and a cache keyed by that
  // version would keep the old tree for good.
  struct VersionedTree {
    std::shared_ptr<const AgencyTree> tree;
    long long version = 0;
  };
  VersionedTree TreeWithVersion();
  std::vector<CustomField> CustomFields();
  // A national field, or a custom field of `agency` or one of its ancestors.
  bool FieldKnown(const std::string& code, const std::string& agency);

  // Applies `change` to a copy of the tree and stores the units it touched,
  // atomically against concurrent changes. Returns the changed tree.
  Result<std::shared_ptr<const AgencyTree>> Mutate(const std::function<Status(AgencyTree&)>& change);
  Result<CustomField> DefineField(const std::string& agency, const std::string& slug, const std::string& name);

 private:
  Status Reload();
  Status RefreshIfStale();

  RedisClient& redis_;
  std::mutex mutex_;  // Guards the snapshot below.
  std::shared_ptr<const AgencyTree> tree_;
  std::shared_ptr<const std::vector<CustomField>> fields_;
  long long loaded_version_ = -1;
  std::chrono::steady_clock::time_point last_check_{};
  std::mutex reload_mutex_;  // One reload at a time.
};

}  // namespace tdkt::nomination
