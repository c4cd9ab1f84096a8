#include "services/reporting/storage/activity_store.h"

namespace tdkt::reporting {

namespace {

std::string Tag(const std::string& agency) { return "rep:{" + agency + "}:"; }

// KEYS: memo, list. ARGV: bytes.
const LuaScript kAppend(R"lua(
local memo = redis.call('GET', KEYS[1])
if memo then return tonumber(memo) end
local n = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('SET', KEYS[1], n, 'EX', 604800)
return n
)lua");

}  // namespace

Result<int64_t> ActivityStore::Append(const std::string& agency, const std::string& kind,
                                      const std::string& request_id, const std::string& bytes) {
  auto reply = redis_.Eval(kAppend, {Tag(agency) + "act:req:" + kind + ":" + request_id, Tag(agency) + "act:" + kind},
                           {bytes});
  if (!reply.ok()) return reply.status();
  return static_cast<int64_t>(reply->integer);
}

Result<std::vector<std::pair<int64_t, std::string>>> ActivityStore::Range(const std::string& agency,
                                                                          const std::string& kind, int64_t offset,
                                                                          int64_t limit) {
  auto reply = redis_.Command({"LRANGE", Tag(agency) + "act:" + kind, std::to_string(offset),
                               std::to_string(offset + limit - 1)});
  if (!reply.ok()) return reply.status();
  std::vector<std::pair<int64_t, std::string>> out;
  int64_t position = offset + 1;
  for (auto& e : reply->elements) out.emplace_back(position++, std::move(e.str));
  return out;
}

Result<std::string> ActivityStore::At(const std::string& agency, const std::string& kind, int64_t position) {
  auto reply = redis_.Command({"LINDEX", Tag(agency) + "act:" + kind, std::to_string(position - 1)});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return Status::Internal("activity record vanished");
  return reply->str;
}

}  // namespace tdkt::reporting
