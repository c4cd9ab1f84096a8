#include "services/reporting/storage/report_store.h"

#include <sstream>

namespace tdkt::reporting {

namespace {

std::string Tag(const std::string& agency) { return "rep:{" + agency + "}:"; }
std::string ReportPrefix(const std::string& a, int y) { return Tag(a) + "report:" + std::to_string(y) + ":"; }
std::string VersionsKey(const std::string& a, int y) { return Tag(a) + "versions:" + std::to_string(y); }
std::string MetaKey(const std::string& a, int y) { return Tag(a) + "meta:" + std::to_string(y); }

// KEYS: memo, meta, versions, uplink. ARGV: year, report key prefix, bytes,
// queue flag, agency. The version key is built from the prefix: it carries
// the same hash tag as KEYS[2], so it lies in the same slot.
const LuaScript kSubmit(R"lua(
local memo = redis.call('GET', KEYS[1])
if memo then return {0, memo} end
local n = redis.call('HINCRBY', KEYS[2], 'head', 1)
redis.call('SET', ARGV[2] .. n, ARGV[3])
redis.call('ZADD', KEYS[3], n, n)
local answer = ARGV[1] .. ' ' .. n
redis.call('SET', KEYS[1], answer, 'EX', 604800)
if ARGV[4] == '1' then
  redis.call('XADD', KEYS[4], '*', 'agency', ARGV[5], 'year', ARGV[1], 'version', tostring(n))
end
return {1, answer}
)lua");

// KEYS: inbox, meta, versions. ARGV: report key prefix, bytes, version,
// received ms, inbox record.
const LuaScript kReceive(R"lua(
local seen = redis.call('GET', KEYS[1])
if seen then return {1, seen} end
redis.call('SET', ARGV[1] .. ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[3], tonumber(ARGV[3]), ARGV[3])
local head = tonumber(redis.call('HGET', KEYS[2], 'head') or '0')
if tonumber(ARGV[3]) > head then redis.call('HSET', KEYS[2], 'head', ARGV[3]) end
redis.call('HSETNX', KEYS[2], 'first_received', ARGV[4])
redis.call('SET', KEYS[1], ARGV[5])
return {0, ARGV[5]}
)lua");

Status Corrupt(const std::string& key) { return Status::Internal("stored report data is unreadable: " + key); }

}  // namespace

Result<rv1::ReportVersion> ReportStore::Submit(const std::string& request_id, rv1::ReportVersion v,
                                               bool queue_upward) {
  const std::string agency = v.agency_id();
  const int year = v.year();
  v.set_version(0);
  auto reply = redis_.Eval(kSubmit,
                           {Tag(agency) + "req:" + request_id, MetaKey(agency, year), VersionsKey(agency, year),
                            kUplinkStream},
                           {std::to_string(year), ReportPrefix(agency, year), v.SerializeAsString(),
                            queue_upward ? "1" : "0", agency});
  if (!reply.ok()) return reply.status();
  if (reply->elements.size() != 2) return Status::Internal("unexpected answer of the submit script");
  std::istringstream answer(reply->elements[1].str);
  int memo_year = 0, version = 0;
  answer >> memo_year >> version;
  if (memo_year != year) {
    return Status::InvalidArgument("request_id", "mã yêu cầu này đã dùng để nộp báo cáo năm " +
                                                     std::to_string(memo_year));
  }
  auto stored = Get(agency, year, version);
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::Internal("submitted version vanished");
  return **stored;
}

Result<std::optional<rv1::ReportVersion>> ReportStore::Get(const std::string& agency, int year, int version) {
  if (version == 0) {
    auto head = redis_.Command({"HGET", MetaKey(agency, year), "head"});
    if (!head.ok()) return head.status();
    if (head->is_nil()) return std::optional<rv1::ReportVersion>();
    version = std::stoi(head->str);
  }
  const std::string key = ReportPrefix(agency, year) + std::to_string(version);
  auto reply = redis_.Command({"GET", key});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<rv1::ReportVersion>();
  rv1::ReportVersion v;
  if (!v.ParseFromString(reply->str)) return Corrupt(key);
  v.set_version(version);
  return std::optional<rv1::ReportVersion>(std::move(v));
}

Result<std::vector<rv1::ReportVersion>> ReportStore::List(const std::string& agency, int year) {
  auto members = redis_.Command({"ZRANGE", VersionsKey(agency, year), "0", "-1"});
  if (!members.ok()) return members.status();
  std::vector<RedisArgs> gets;
  for (const auto& m : members->elements) gets.push_back({"GET", ReportPrefix(agency, year) + m.str});
  std::vector<rv1::ReportVersion> out;
  if (gets.empty()) return out;
  auto replies = redis_.Pipeline(gets);
  if (!replies.ok()) return replies.status();
  for (size_t i = 0; i < replies->size(); ++i) {
    const auto& r = (*replies)[i];
    if (r.is_nil() || r.is_error()) continue;
    rv1::ReportVersion v;
    if (!v.ParseFromString(r.str)) return Corrupt(gets[i][1]);
    v.set_version(std::stoi(members->elements[i].str));
    v.clear_report();
    out.push_back(std::move(v));
  }
  return out;
}

Result<int64_t> ReportStore::FirstReceivedMs(const std::string& agency, int year) {
  auto reply = redis_.Command({"HGET", MetaKey(agency, year), "first_received"});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return int64_t{0};
  return static_cast<int64_t>(std::stoll(reply->str));
}

Result<ReportStore::Received> ReportStore::Receive(const std::string& message_id, const std::string& digest,
                                                   const rv1::ReportVersion& version) {
  const std::string agency = version.agency_id();
  const int year = version.year();
  rv1::ReportVersion stored = version;
  stored.set_version(0);
  const std::string record = std::to_string(year) + " " + std::to_string(version.version()) + " " + digest;
  auto reply = redis_.Eval(kReceive,
                           {Tag(agency) + "inbox:" + message_id, MetaKey(agency, year), VersionsKey(agency, year)},
                           {ReportPrefix(agency, year), stored.SerializeAsString(), std::to_string(version.version()),
                            std::to_string(version.received_at_unix_ms()), record});
  if (!reply.ok()) return reply.status();
  if (reply->elements.size() != 2) return Status::Internal("unexpected answer of the receive script");
  Received out;
  out.duplicate = reply->elements[0].integer == 1;
  std::istringstream in(reply->elements[1].str);
  int y = 0;
  in >> y >> out.version;
  // A resend carries the same frozen version (its bytes may differ: map
  // fields serialize in no fixed order). Another year or version under a
  // used message id is not a resend.
  if (out.duplicate && (y != year || out.version != version.version())) {
    return Status::InvalidArgument("message_id", "message id " + message_id + " was already used for report " +
                                                     std::to_string(y) + " v" + std::to_string(out.version) +
                                                     "; nothing was recorded");
  }
  return out;
}

}  // namespace tdkt::reporting
