#include "services/campaign_media/storage/contest_store.h"

namespace tdkt::campaign_media {

namespace {

std::string Key(const std::string& id) { return "cm:contest:" + id; }
std::string Key(const std::string& id, const char* part) { return "cm:contest:" + id + ":" + part; }
std::string EntryKey(const std::string& id) { return "cm:contest-entry:" + id; }

// KEYS: closed marker, sheets hash, [memo]. ARGV: field, sheet, memo flag
// ('1' with a memo key), memo value, memo seconds.
const LuaScript kSheetScript(R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ARGV[3] == '1' then redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5]) end
return 1
)lua");

// KEYS: contest record, results record, [memo]. ARGV: version read, closed
// contest, results, memo flag, memo value, memo seconds. Results exist only
// with the CLOSED record, in RecordStore's {v, d} layout.
const LuaScript kCloseScript(R"lua(
local current = redis.call('HGET', KEYS[1], 'v') or '0'
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'd', ARGV[2])
redis.call('HSET', KEYS[2], 'v', '1', 'd', ARGV[3])
if ARGV[4] == '1' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[6]) end
return 1
)lua");

}  // namespace

Result<std::string> ContestStore::NewContestId(const std::string& agency) {
  auto n = store_.Next("contest");
  if (!n.ok()) return n.status();
  return "contest-" + agency + "-" + std::to_string(*n);
}

Status ContestStore::Create(cv1::Contest& contest, const MemoWriter& memo) {
  auto n = store_.Next("contest-order");
  if (!n.ok()) return n.status();
  contest.set_version(1);
  return store_.Store(Key(contest.id()), 0, contest,
                      {IndexOp::Add("cm:contests:" + contest.agency_id(), contest.id(), *n)}, memo.For(contest));
}

Result<cv1::Contest> ContestStore::Get(const std::string& id) {
  cv1::Contest contest;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(Key(id), "contest " + id, &contest, &version));
  contest.set_version(version);
  return contest;
}

Status ContestStore::Close(const cv1::Contest& closed, int64_t read_version, const cv1::GetResultsResponse& results,
                           const MemoWrite& memo) {
  RedisArgs keys{Key(closed.id()), Key(closed.id(), "results")};
  RedisArgs args{std::to_string(read_version), closed.SerializeAsString(), results.SerializeAsString()};
  AppendMemoArgs(memo, &keys, &args);
  auto reply = store_.redis().Eval(kCloseScript, keys, args);
  if (!reply.ok()) return reply.status();
  if (reply->integer != 1) {
    return Status::Aborted("cuộc thi vừa được người khác thay đổi; đọc lại rồi thử lại");
  }
  return Status::Ok();
}

Result<std::vector<cv1::Contest>> ContestStore::ListByAgency(const std::string& agency, int64_t before, int limit,
                                                             std::vector<int64_t>* cursors) {
  auto ids = store_.Newest("cm:contests:" + agency, before, limit);
  if (!ids.ok()) return ids.status();
  std::vector<cv1::Contest> out;
  for (const auto& [id, score] : *ids) {
    auto c = Get(id);
    if (!c.ok()) return c.status();
    out.push_back(std::move(*c));
    cursors->push_back(score);
  }
  return out;
}

Status ContestStore::AddEntry(cv1::ContestEntry& entry, const MemoWriter& memo) {
  auto n = store_.Next("contest-entry:" + entry.contest_id());
  if (!n.ok()) return n.status();
  entry.set_id("entry-" + entry.contest_id() + "-" + std::to_string(*n));
  return store_.Store(EntryKey(entry.id()), 0, entry,
                      {IndexOp::Add(Key(entry.contest_id(), "entries"), entry.id(), *n)}, memo.For(entry));
}

Result<cv1::ContestEntry> ContestStore::GetEntry(const std::string& id) {
  cv1::ContestEntry entry;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(EntryKey(id), "contest entry " + id, &entry, &version));
  return entry;
}

Result<std::vector<cv1::ContestEntry>> ContestStore::Entries(const std::string& contest_id, int64_t after, int limit,
                                                             std::vector<int64_t>* cursors) {
  auto reply = store_.redis().Command({"ZRANGEBYSCORE", Key(contest_id, "entries"), "(" + std::to_string(after),
                                       "+inf", "WITHSCORES", "LIMIT", "0", std::to_string(limit)});
  if (!reply.ok()) return reply.status();
  std::vector<cv1::ContestEntry> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    auto entry = GetEntry(reply->elements[i].str);
    if (!entry.ok()) return entry.status();
    out.push_back(std::move(*entry));
    cursors->push_back(std::stoll(reply->elements[i + 1].str));
  }
  return out;
}

Result<int64_t> ContestStore::EntryCount(const std::string& contest_id) {
  auto reply = store_.redis().Command({"ZCARD", Key(contest_id, "entries")});
  if (!reply.ok()) return reply.status();
  return reply->integer;
}

Result<bool> ContestStore::PutSheet(const cv1::ScoreEntryRequest& sheet, const std::string& juror,
                                    const MemoWrite& memo) {
  RedisArgs keys{Key(sheet.contest_id(), "closed"), Key(sheet.contest_id(), "sheets")};
  RedisArgs args{sheet.entry_id() + " " + juror, sheet.SerializeAsString()};
  AppendMemoArgs(memo, &keys, &args);
  auto reply = store_.redis().Eval(kSheetScript, keys, args);
  if (!reply.ok()) return reply.status();
  return reply->integer == 1;
}

Result<std::map<std::string, std::map<std::string, cv1::ScoreEntryRequest>>> ContestStore::Sheets(
    const std::string& contest_id) {
  auto reply = store_.redis().Command({"HGETALL", Key(contest_id, "sheets")});
  if (!reply.ok()) return reply.status();
  std::map<std::string, std::map<std::string, cv1::ScoreEntryRequest>> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    const std::string& field = reply->elements[i].str;
    const size_t space = field.find(' ');
    cv1::ScoreEntryRequest sheet;
    if (space == std::string::npos || !sheet.ParseFromString(reply->elements[i + 1].str)) {
      return Status::Internal("stored contest sheet is unreadable");
    }
    out[field.substr(0, space)][field.substr(space + 1)] = std::move(sheet);
  }
  return out;
}

Status ContestStore::MarkClosing(const std::string& contest_id) {
  auto reply = store_.redis().Command({"SET", Key(contest_id, "closed"), "1"});
  return reply.ok() ? Status::Ok() : reply.status();
}

Status ContestStore::UnmarkClosing(const std::string& contest_id) {
  auto reply = store_.redis().Command({"DEL", Key(contest_id, "closed")});
  return reply.ok() ? Status::Ok() : reply.status();
}

Result<cv1::GetResultsResponse> ContestStore::GetResults(const std::string& contest_id) {
  cv1::GetResultsResponse results;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(Key(contest_id, "results"), "results of contest " + contest_id, &results, &version));
  return results;
}

}  // namespace tdkt::campaign_media
