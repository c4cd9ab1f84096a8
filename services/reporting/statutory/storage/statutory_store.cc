#include "services/reporting/statutory/storage/statutory_store.h"

#include <algorithm>
#include <map>

namespace tdkt::reporting::statutory {
namespace {

constexpr const char* kMemoSeconds = "604800";  // 7 days, as the nomination service keeps its memos.

std::string Prefix(const std::string& agency) { return "rep:{" + agency + "}:stat:"; }
std::string OrgKey(const std::string& agency, int year) { return Prefix(agency) + "org:" + std::to_string(year); }
std::string StaffKey(const std::string& agency, int year) { return Prefix(agency) + "staff:" + std::to_string(year); }
std::string MemoKey(const std::string& agency, const std::string& rid) { return Prefix(agency) + "req:" + rid; }

// KEYS: record hash, memo. ARGV: field, value, fingerprint, memo ttl.
// Returns {1} when written, {0, fingerprint, answer} for a replay.
const LuaScript& PutScript() {
  static const LuaScript script(R"(
local memo = redis.call('HMGET', KEYS[2], 'f', 'a')
if memo[1] then return {0, memo[1], memo[2]} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], 'f', ARGV[3], 'a', ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return {1}
)");
  return script;
}

template <typename Message>
Status ParseHash(const RedisReply& reply, const std::string& what, std::vector<Message>* out) {
  if (reply.is_error()) return Status::Unavailable("redis: " + reply.str);
  std::map<std::string, Message> sorted;
  for (size_t i = 0; i + 1 < reply.elements.size(); i += 2) {
    Message m;
    if (!m.ParseFromString(reply.elements[i + 1].str)) return Status::Internal("unreadable " + what + " record");
    sorted.emplace(reply.elements[i].str, std::move(m));
  }
  for (auto& [key, m] : sorted) out->push_back(std::move(m));
  return Status::Ok();
}

}  // namespace

Result<std::string> StatutoryStore::Put(const std::string& hash, const std::string& field, const std::string& value,
                                        const std::string& memo, const std::string& fingerprint) {
  auto reply = redis_.Eval(PutScript(), {hash, memo}, {field, value, fingerprint, kMemoSeconds});
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Unavailable("redis: " + reply->str);
  if (reply->elements.empty()) return Status::Internal("unexpected answer from the statutory write script");
  if (reply->elements[0].integer == 1) return value;
  if (reply->elements.size() < 3 || reply->elements[1].str != fingerprint) {
    return Status::InvalidArgument("request_id", "was already used for a different request; use a new id");
  }
  return reply->elements[2].str;
}

Result<v1::StatOrganisation> StatutoryStore::PutOrganisation(const v1::StatOrganisation& o, const std::string& name_key,
                                                             const std::string& request_id,
                                                             const std::string& fingerprint) {
  auto stored = Put(OrgKey(o.agency_id(), o.year()), name_key, o.SerializeAsString(), MemoKey(o.agency_id(), request_id),
                    fingerprint);
  if (!stored.ok()) return stored.status();
  v1::StatOrganisation out;
  if (!out.ParseFromString(*stored)) return Status::Internal("unreadable organisation record");
  return out;
}

Result<v1::StatStaff> StatutoryStore::PutStaff(const v1::StatStaff& s, const std::string& request_id,
                                               const std::string& fingerprint) {
  auto stored = Put(StaffKey(s.agency_id(), s.year()), s.person_code(), s.SerializeAsString(),
                    MemoKey(s.agency_id(), request_id), fingerprint);
  if (!stored.ok()) return stored.status();
  v1::StatStaff out;
  if (!out.ParseFromString(*stored)) return Status::Internal("unreadable staff record");
  return out;
}

Result<std::vector<v1::StatOrganisation>> StatutoryStore::Organisations(const std::string& agency, int year) {
  auto reply = redis_.Command({"HGETALL", OrgKey(agency, year)});
  if (!reply.ok()) return reply.status();
  std::vector<v1::StatOrganisation> out;
  TDKT_RETURN_IF_ERROR(ParseHash(*reply, "organisation", &out));
  return out;
}

Result<std::vector<v1::StatStaff>> StatutoryStore::Staff(const std::string& agency, int year) {
  auto reply = redis_.Command({"HGETALL", StaffKey(agency, year)});
  if (!reply.ok()) return reply.status();
  std::vector<v1::StatStaff> out;
  TDKT_RETURN_IF_ERROR(ParseHash(*reply, "staff", &out));
  return out;
}

Status StatutoryStore::LoadUnits(const std::vector<std::string>& agencies, int year,
                                 std::vector<v1::StatOrganisation>* organisations, std::vector<v1::StatStaff>* staff) {
  constexpr size_t kBatch = 256;  // Units per pipeline: bounded replies even for the root's 3,000+ units.
  for (size_t start = 0; start < agencies.size(); start += kBatch) {
    std::vector<RedisArgs> commands;
    const size_t end = std::min(agencies.size(), start + kBatch);
    for (size_t i = start; i < end; ++i) {
      commands.push_back({"HGETALL", OrgKey(agencies[i], year)});
      commands.push_back({"HGETALL", StaffKey(agencies[i], year)});
    }
    auto replies = redis_.Pipeline(commands);
    if (!replies.ok()) return replies.status();
    for (size_t i = 0; i + 1 < replies->size(); i += 2) {
      TDKT_RETURN_IF_ERROR(ParseHash((*replies)[i], "organisation", organisations));
      TDKT_RETURN_IF_ERROR(ParseHash((*replies)[i + 1], "staff", staff));
    }
  }
  return Status::Ok();
}

}  // namespace tdkt::reporting::statutory
