// The agency hierarchy as plain data: any depth, renames, moves and merges.
// Free of gRPC and Redis; the nomination service persists it, every service
// uses it to decide whether a caller may act on an agency.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace tdkt {

struct AgencyUnit {
  std::string id;
  std::string name;
  std::string kind;
  std::string parent_id;    // Empty for the root.
  std::string merged_into;  // Set once merged; the unit then hangs under its successor.
  std::vector<std::string> former_names;
  long long version = 1;
};

class AgencyTree {
 public:
  // Adds a unit whose parent is already present (or a root, parent empty).
  Status Add(AgencyUnit unit);
  const AgencyUnit* Find(const std::string& id) const;
  size_t size() const { return units_.size(); }

  // True when `id` is `ancestor` or lies below it (merged units lie below
  // their successor).
  bool IsWithin(const std::string& ancestor, const std::string& id) const;
  // Ids of `root` and everything below it, root first (breadth first).
  std::vector<std::string> Subtree(const std::string& root) const;
  // Direct children, ordered by id.
  std::vector<std::string> Children(const std::string& id) const;
  // Steps from the root down to `id` (the root is 0); -1 for an unknown id.
  int Depth(const std::string& id) const;
  // The unit that now carries `id`'s records: itself, or its successor.
  std::string Successor(const std::string& id) const;

  Status Rename(const std::string& id, const std::string& new_name);
  Status Move(const std::string& id, const std::string& new_parent);
  // `id` ceases: its children move to `successor`, and it hangs under the
  // successor so that its records stay readable there.
  Status Merge(const std::string& id, const std::string& successor);

  // Units in insertion-safe order (parents before children).
  std::vector<const AgencyUnit*> AllParentsFirst() const;

  // Parses the shared unit lists ([{code,name,type,parent_code}]) or the
  // suite's own format ([{id,name,kind,parent_id}]). Units without a parent
  // are hung under `root_id` when it is given.
  static Result<AgencyTree> FromJson(const std::string& json, const std::string& root_id,
                                     const std::string& root_name);

  // Agency ids: letters, digits and underscore, 1..32 characters.
  static bool IsValidId(const std::string& id);

 private:
  std::unordered_map<std::string, AgencyUnit> units_;
  std::unordered_map<std::string, std::vector<std::string>> children_;
  void Unlink(const std::string& id);
};

}  // namespace tdkt
