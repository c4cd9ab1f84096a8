#include "services/reporting/storage/activity_store.h"

#include "common/request_fingerprint.h"

namespace tdkt::reporting {

namespace {

std::string Tag(const std::string& agency) { return "rep:{" + agency + "}:"; }

// KEYS: memo, list. ARGV: bytes, fingerprint.
// Returns {1, position} when appended, {0, memo} when the request id is taken.
// The memo is "<fingerprint>\n<position>".
const LuaScript kAppend(R"lua(
local memo = redis.call('GET', KEYS[1])
if memo then return {0, memo} end
local n = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('SET', KEYS[1], ARGV[2] .. '\n' .. n, 'EX', 604800)
return {1, tostring(n)}
)lua");

}  // namespace

Result<int64_t> ActivityStore::Append(const std::string& agency, const std::string& kind,
                                      const std::string& request_id, const std::string& bytes) {
  const std::string fingerprint = RequestFingerprint(kind, bytes);
  auto reply = redis_.Eval(kAppend, {Tag(agency) + "act:req:" + kind + ":" + request_id, Tag(agency) + "act:" + kind},
                           {bytes, fingerprint});
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Unavailable("redis: " + reply->str);
  if (reply->elements.size() != 2) return Status::Internal("unexpected answer from the activity write script");
  const std::string& answer = reply->elements[1].str;
  if (reply->elements[0].integer == 1) return static_cast<int64_t>(std::stoll(answer));
  // A replay: the first record, if it was this request.
  const size_t cut = answer.find('\n');
  if (cut == std::string::npos || answer.compare(0, cut, fingerprint) != 0) {
    return Status::InvalidArgument("request_id", "was already used for another request; use a new id");
  }
  return static_cast<int64_t>(std::stoll(answer.substr(cut + 1)));
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
