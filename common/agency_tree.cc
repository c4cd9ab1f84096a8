#include "common/agency_tree.h"

#include <algorithm>
#include <deque>

#include <nlohmann/json.hpp>

namespace tdkt {

bool AgencyTree::IsValidId(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  return std::all_of(id.begin(), id.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

Status AgencyTree::Add(AgencyUnit unit) {
  if (!IsValidId(unit.id)) {
    return Status::InvalidArgument("id", "agency code must be 1-32 letters, digits or '_'");
  }
  if (units_.count(unit.id)) return Status::AlreadyExists("agency " + unit.id + " already exists");
  if (!unit.parent_id.empty() && !units_.count(unit.parent_id)) {
    return Status::InvalidArgument("parent_id", "parent agency '" + unit.parent_id + "' does not exist");
  }
  if (!unit.parent_id.empty()) {
    auto& siblings = children_[unit.parent_id];
    siblings.insert(std::upper_bound(siblings.begin(), siblings.end(), unit.id), unit.id);
  }
  units_[unit.id] = std::move(unit);
  return Status::Ok();
}

int AgencyTree::Depth(const std::string& id) const {
  const AgencyUnit* unit = Find(id);
  if (!unit) return -1;
  int depth = 0;
  for (size_t guard = 0; guard <= units_.size() && !unit->parent_id.empty(); ++guard) {
    unit = Find(unit->parent_id);
    if (!unit) break;
    ++depth;
  }
  return depth;
}

const AgencyUnit* AgencyTree::Find(const std::string& id) const {
  auto it = units_.find(id);
  return it == units_.end() ? nullptr : &it->second;
}

bool AgencyTree::IsWithin(const std::string& ancestor, const std::string& id) const {
  std::string current = id;
  for (size_t guard = 0; guard <= units_.size() && !current.empty(); ++guard) {
    if (current == ancestor) return true;
    const AgencyUnit* u = Find(current);
    if (!u) return false;
    current = u->parent_id;
  }
  return false;
}

std::vector<std::string> AgencyTree::Subtree(const std::string& root) const {
  std::vector<std::string> out;
  if (!Find(root)) return out;
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    std::string id = queue.front();
    queue.pop_front();
    out.push_back(id);
    auto it = children_.find(id);
    if (it != children_.end()) queue.insert(queue.end(), it->second.begin(), it->second.end());
  }
  return out;
}

std::vector<std::string> AgencyTree::Children(const std::string& id) const {
  auto it = children_.find(id);
  return it == children_.end() ? std::vector<std::string>{} : it->second;
}

std::string AgencyTree::Successor(const std::string& id) const {
  std::string current = id;
  for (size_t guard = 0; guard <= units_.size(); ++guard) {
    const AgencyUnit* u = Find(current);
    if (!u || u->merged_into.empty()) return current;
    current = u->merged_into;
  }
  return current;
}

Status AgencyTree::Rename(const std::string& id, const std::string& new_name) {
  auto it = units_.find(id);
  if (it == units_.end()) return Status::NotFound("agency " + id + " does not exist");
  if (it->second.name == new_name) return Status::Ok();
  it->second.former_names.push_back(it->second.name);
  it->second.name = new_name;
  ++it->second.version;
  return Status::Ok();
}

void AgencyTree::Unlink(const std::string& id) {
  const std::string& parent = units_[id].parent_id;
  if (parent.empty()) return;
  auto& siblings = children_[parent];
  siblings.erase(std::remove(siblings.begin(), siblings.end(), id), siblings.end());
}

Status AgencyTree::Move(const std::string& id, const std::string& new_parent) {
  auto it = units_.find(id);
  if (it == units_.end()) return Status::NotFound("agency " + id + " does not exist");
  if (!Find(new_parent)) {
    return Status::InvalidArgument("new_parent_id", "agency '" + new_parent + "' does not exist");
  }
  if (IsWithin(id, new_parent)) {
    return Status::InvalidArgument("new_parent_id", "a unit cannot be moved under itself or its own sub-units");
  }
  if (!it->second.merged_into.empty()) {
    return Status::FailedPrecondition("agency " + id + " was merged and can no longer move");
  }
  Unlink(id);
  it->second.parent_id = new_parent;
  ++it->second.version;
  auto& siblings = children_[new_parent];
  siblings.insert(std::upper_bound(siblings.begin(), siblings.end(), id), id);
  return Status::Ok();
}

Status AgencyTree::Merge(const std::string& id, const std::string& successor) {
  auto it = units_.find(id);
  if (it == units_.end()) return Status::NotFound("agency " + id + " does not exist");
  if (!Find(successor)) {
    return Status::InvalidArgument("successor_id", "agency '" + successor + "' does not exist");
  }
  if (id == successor || IsWithin(id, successor)) {
    return Status::InvalidArgument("successor_id", "a unit cannot be merged into itself or its own sub-unit");
  }
  if (!it->second.merged_into.empty()) {
    return Status::FailedPrecondition("agency " + id + " was already merged into " + it->second.merged_into);
  }
  if (it->second.parent_id.empty()) {
    return Status::FailedPrecondition("the root agency cannot be merged");
  }
  // Live children follow the merged unit's work to the successor.
  for (const std::string& child : Children(id)) {
    AgencyUnit& c = units_[child];
    if (!c.merged_into.empty()) continue;
    Unlink(child);
    c.parent_id = successor;
    ++c.version;
    auto& siblings = children_[successor];
    siblings.insert(std::upper_bound(siblings.begin(), siblings.end(), child), child);
  }
  Unlink(id);
  it->second.merged_into = successor;
  it->second.parent_id = successor;
  ++it->second.version;
  auto& siblings = children_[successor];
  siblings.insert(std::upper_bound(siblings.begin(), siblings.end(), id), id);
  return Status::Ok();
}

std::vector<const AgencyUnit*> AgencyTree::AllParentsFirst() const {
  std::vector<const AgencyUnit*> out;
  for (const auto& [id, unit] : units_) {
    if (!unit.parent_id.empty()) continue;
    for (const auto& member : Subtree(id)) out.push_back(Find(member));
  }
  return out;
}

Result<AgencyTree> AgencyTree::FromJson(const std::string& json, const std::string& root_id,
                                        const std::string& root_name) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    return Status::InvalidArgument("agencies-file", "is not a JSON list of agencies");
  }
  AgencyTree tree;
  if (!root_id.empty()) {
    TDKT_RETURN_IF_ERROR(tree.Add(AgencyUnit{root_id, root_name, "Trung ương", "", "", {}, 1}));
  }
  auto str = [](const nlohmann::json& j, const char* a, const char* b) -> std::string {
    for (const char* k : {a, b}) {
      if (j.contains(k) && j[k].is_string()) return j[k].get<std::string>();
    }
    return "";
  };
  for (const auto& item : doc) {
    if (!item.is_object()) return Status::InvalidArgument("agencies-file", "every entry must be an object");
    AgencyUnit unit;
    unit.id = str(item, "id", "code");
    unit.name = str(item, "name", "name");
    unit.kind = str(item, "kind", "type");
    unit.parent_id = str(item, "parent_id", "parent_code");
    if (unit.parent_id.empty() && unit.id != root_id) unit.parent_id = root_id;
    Status st = tree.Add(unit);
    if (!st.ok()) return Status::InvalidArgument("agencies-file", "unit " + unit.id + ": " + st.ToString());
  }
  return tree;
}

}  // namespace tdkt
