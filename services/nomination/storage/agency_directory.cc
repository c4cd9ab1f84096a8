#include "services/nomination/storage/agency_directory.h"

#include <nlohmann/json.hpp>

#include "services/nomination/domain/fields.h"

namespace tdkt::nomination {
namespace {

const char* kUnitsKey = "agy:{dir}:units";
const char* kFieldsKey = "agy:{dir}:fields";
const char* kVersionKey = "agy:{dir}:version";

// Seeds only when no hierarchy exists. ARGV: id, json, id, json...
const LuaScript kSeedScript(R"lua(
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('SET', KEYS[2], 1)
return 1
)lua");

// Writes changed units if the directory version is still ARGV[1].
const LuaScript kSaveScript(R"lua(
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
if current ~= tonumber(ARGV[1]) then return -1 end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return redis.call('INCR', KEYS[2])
)lua");

// Adds a field unless its code is taken. ARGV: code, json.
const LuaScript kDefineFieldScript(R"lua(
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('INCR', KEYS[2])
return 1
)lua");

std::string ToJson(const AgencyUnit& u) {
  nlohmann::json j{{"id", u.id},       {"name", u.name},
                   {"kind", u.kind},   {"parent_id", u.parent_id},
                   {"merged_into", u.merged_into}, {"former_names", u.former_names},
                   {"version", u.version}};
  return j.dump();
}

AgencyUnit FromJson(const nlohmann::json& j) {
  AgencyUnit u;
  u.id = j.value("id", "");
  u.name = j.value("name", "");
  u.kind = j.value("kind", "");
  u.parent_id = j.value("parent_id", "");
  u.merged_into = j.value("merged_into", "");
  u.former_names = j.value("former_names", std::vector<std::string>{});
  u.version = j.value("version", 1LL);
  return u;
}

}  // namespace

AgencyDirectory::AgencyDirectory(RedisClient& redis) : redis_(redis) {}

Status AgencyDirectory::Initialize(const AgencyTree& seed) {
  RedisArgs args;
  for (const AgencyUnit* u : seed.AllParentsFirst()) {
    args.push_back(u->id);
    args.push_back(ToJson(*u));
  }
  auto reply = redis_.Eval(kSeedScript, {kUnitsKey, kVersionKey}, args);
  if (!reply.ok()) return reply.status();
  return Reload();
}

Status AgencyDirectory::Reload() {
  std::lock_guard<std::mutex> reload_lock(reload_mutex_);
  auto replies = redis_.Pipeline({{"GET", kVersionKey}, {"HGETALL", kUnitsKey}, {"HGETALL", kFieldsKey}});
  if (!replies.ok()) return replies.status();
  long long version = (*replies)[0].is_nil() ? 0 : std::stoll((*replies)[0].str);
  // Parents must be added before children: collect, then add in passes.
  std::vector<AgencyUnit> pending;
  const auto& units = (*replies)[1].elements;
  for (size_t i = 0; i + 1 < units.size(); i += 2) {
    auto j = nlohmann::json::parse(units[i + 1].str, nullptr, false);
    if (!j.is_discarded()) pending.push_back(FromJson(j));
  }
  auto tree = std::make_shared<AgencyTree>();
  while (!pending.empty()) {
    std::vector<AgencyUnit> next;
    for (auto& u : pending) {
      if (u.parent_id.empty() || tree->Find(u.parent_id)) {
        tree->Add(u);
      } else {
        next.push_back(std::move(u));
      }
    }
    if (next.size() == pending.size()) {
      return Status::Internal("agency hierarchy in Redis has units whose parent is missing");
    }
    pending = std::move(next);
  }
  // Merged units are stored with merged_into set; AgencyTree::Add keeps it.
  auto fields = std::make_shared<std::vector<CustomField>>();
  const auto& f = (*replies)[2].elements;
  for (size_t i = 0; i + 1 < f.size(); i += 2) {
    auto j = nlohmann::json::parse(f[i + 1].str, nullptr, false);
    if (!j.is_discarded()) fields->push_back({f[i].str, j.value("name", ""), j.value("agency", "")});
  }
  std::lock_guard<std::mutex> lock(mutex_);
  tree_ = std::move(tree);
  fields_ = std::move(fields);
  loaded_version_ = version;
  last_check_ = std::chrono::steady_clock::now();
  return Status::Ok();
}

Status AgencyDirectory::RefreshIfStale() {
  long long loaded;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = std::chrono::steady_clock::now();
    if (now - last_check_ < std::chrono::seconds(1)) return Status::Ok();
    last_check_ = now;
    loaded = loaded_version_;
  }
  auto reply = redis_.Command({"GET", kVersionKey});
  if (!reply.ok()) return reply.status();
  long long version = reply->is_nil() ? 0 : std::stoll(reply->str);
  return version == loaded ? Status::Ok() : Reload();
}

std::shared_ptr<const AgencyTree> AgencyDirectory::Tree() {
  RefreshIfStale();  // On failure keep serving the last known hierarchy.
  std::lock_guard<std::mutex> lock(mutex_);
  return tree_;
}

AgencyDirectory::VersionedTree AgencyDirectory::TreeWithVersion() {
  RefreshIfStale();  // As Tree(): on failure, the last known hierarchy.
  std::lock_guard<std::mutex> lock(mutex_);
  return {tree_, loaded_version_};
}

std::vector<CustomField> AgencyDirectory::CustomFields() {
  RefreshIfStale();
  std::lock_guard<std::mutex> lock(mutex_);
  return fields_ ? *fields_ : std::vector<CustomField>{};
}

bool AgencyDirectory::FieldKnown(const std::string& code, const std::string& agency) {
  if (IsNationalField(code)) return true;
  auto tree = Tree();
  for (const auto& f : CustomFields()) {
    if (f.code == code && tree->IsWithin(f.agency, agency)) return true;
  }
  return false;
}

Result<std::shared_ptr<const AgencyTree>> AgencyDirectory::Mutate(
    const std::function<Status(AgencyTree&)>& change) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::shared_ptr<const AgencyTree> base;
    long long version;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      base = tree_;
      version = loaded_version_;
    }
    auto next = std::make_shared<AgencyTree>(*base);
    TDKT_RETURN_IF_ERROR(change(*next));
    RedisArgs args{std::to_string(version)};
    for (const AgencyUnit* u : next->AllParentsFirst()) {
      const AgencyUnit* old = base->Find(u->id);
      if (!old || old->version != u->version) {
        args.push_back(u->id);
        args.push_back(ToJson(*u));
      }
    }
    auto reply = redis_.Eval(kSaveScript, {kUnitsKey, kVersionKey}, args);
    if (!reply.ok()) return reply.status();
    if (reply->integer >= 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      tree_ = next;
      loaded_version_ = reply->integer;
      return std::shared_ptr<const AgencyTree>(next);
    }
    TDKT_RETURN_IF_ERROR(Reload());  // Someone else changed the hierarchy: redo on theirs.
  }
  return Status::Aborted("the agency hierarchy is being changed by someone else; try again");
}

Result<CustomField> AgencyDirectory::DefineField(const std::string& agency, const std::string& slug,
                                                 const std::string& name) {
  CustomField field{"custom:" + slug, name, agency};
  nlohmann::json j{{"name", name}, {"agency", agency}};
  auto reply = redis_.Eval(kDefineFieldScript, {kFieldsKey, kVersionKey}, {field.code, j.dump()});
  if (!reply.ok()) return reply.status();
  if (reply->integer == 0) return Status::AlreadyExists("a field with the code '" + field.code + "' already exists");
  TDKT_RETURN_IF_ERROR(Reload());
  return field;
}

}  // namespace tdkt::nomination
