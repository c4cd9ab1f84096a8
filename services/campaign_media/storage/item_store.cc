#include "services/campaign_media/storage/item_store.h"

#include <map>

#include "common/vn_time.h"
#include "services/campaign_media/storage/publication_version.h"

namespace tdkt::campaign_media {
namespace {

constexpr char kCursorKey[] = "cm:watch:cursor";

// KEYS: record, history, [memo], then one key per operation.
// ARGV: expected_version, new_version, record, history entry, memo flag
// ('1' with a memo key), memo value, memo seconds, then per operation:
// op ('Z+' score member | 'Z-' member - | 'H+' field amount).
const LuaScript kSaveScript(R"lua(
local current = redis.call('HGET', KEYS[1], 'v') or '0'
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
redis.call('RPUSH', KEYS[2], ARGV[4])
local first = 3
if ARGV[5] == '1' then
  redis.call('SET', KEYS[3], ARGV[6], 'EX', ARGV[7])
  first = 4
end
local a = 8
for k = first, #KEYS do
  local op = ARGV[a]
  if op == 'Z+' then redis.call('ZADD', KEYS[k], ARGV[a + 1], ARGV[a + 2])
  elseif op == 'Z-' then redis.call('ZREM', KEYS[k], ARGV[a + 1])
  elseif op == 'H+' then redis.call('HINCRBY', KEYS[k], ARGV[a + 1], ARGV[a + 2]) end
  a = a + 3
end
return 1
)lua");

std::string RecordKey(const std::string& id) { return "cm:item:" + id; }

// Every index `item` belongs to, with its score there.
std::map<std::string, int64_t> IndexesOf(const v1::MediaItem& item) {
  std::map<std::string, int64_t> out;
  std::string agency;
  int64_t seq = 0;
  ItemStore::ParseId(item.id(), &agency, &seq);
  out[ItemStore::AgencyIndex(item.agency_id())] = seq;
  out[ItemStore::StateIndex(item.agency_id(), item.state())] = seq;
  if (!item.campaign_id().empty()) out[ItemStore::CampaignIndex(item.campaign_id())] = seq;
  for (const auto& e : item.exemplar_ids()) out[ItemStore::ExemplarIndex(e)] = seq;
  if (item.has_published_at()) {
    out[ItemStore::EverPublishedIndex(item.agency_id())] = item.published_at().seconds();
    if (item.state() == v1::PUBLISHED) out[ItemStore::PublishedIndex(item.agency_id())] = item.published_at().seconds();
  }
  return out;
}

}  // namespace

Result<std::string> ItemStore::NewId(const std::string& agency) {
  auto n = store_.Next("item");
  if (!n.ok()) return n.status();
  return "item-" + agency + "-" + std::to_string(*n);
}

bool ItemStore::ParseId(const std::string& id, std::string* agency, int64_t* sequence) {
  if (id.size() > 80 || id.rfind("item-", 0) != 0) return false;
  const size_t dash = id.rfind('-');
  if (dash <= 5 || dash + 1 >= id.size()) return false;
  const std::string digits = id.substr(dash + 1);
  if (digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
  *agency = id.substr(5, dash - 5);
  *sequence = std::stoll(digits);
  return true;
}

Result<v1::MediaItem> ItemStore::Get(const std::string& id) {
  v1::MediaItem item;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(RecordKey(id), "media item '" + id + "'", &item, &version));
  return item;
}

Result<std::vector<v1::MediaItem>> ItemStore::GetMany(const std::vector<std::string>& ids) {
  std::vector<std::string> keys;
  for (const auto& id : ids) keys.push_back(RecordKey(id));
  auto blobs = store_.LoadMany(keys);
  if (!blobs.ok()) return blobs.status();
  std::vector<v1::MediaItem> out;
  for (const auto& blob : *blobs) {
    v1::MediaItem item;
    if (item.ParseFromString(blob)) out.push_back(std::move(item));
  }
  return out;
}

Status ItemStore::Save(const v1::MediaItem* previous, const v1::MediaItem& next, const v1::ItemHistoryEntry& history,
                       const v1::Reach* reach, int reach_year, const MemoWrite& memo) {
  RedisArgs keys{RecordKey(next.id()), RecordKey(next.id()) + ":history"};
  RedisArgs args{std::to_string(previous ? previous->version() : 0), std::to_string(next.version()),
                 next.SerializeAsString(), history.SerializeAsString()};
  AppendMemoArgs(memo, &keys, &args);
  auto op = [&](const std::string& key, const std::string& code, const std::string& a, const std::string& b) {
    keys.push_back(key);
    args.insert(args.end(), {code, a, b});
  };
  const auto after = IndexesOf(next);
  if (previous) {
    for (const auto& [key, score] : IndexesOf(*previous)) {
      if (!after.count(key)) op(key, "Z-", next.id(), "-");
    }
  }
  for (const auto& [key, score] : after) op(key, "Z+", std::to_string(score), next.id());
  // Any change of an item moves its agency's publication version, so the
  // public site never serves a page rendered before a publish or retract.
  op(PublicationVersion::Key(next.agency_id()), "H+", PublicationVersion::kField, "1");
  if (reach) {
    const std::string key = "cm:items:reach:" + next.agency_id() + ":" + std::to_string(reach_year);
    const std::pair<const char*, int64_t> measures[] = {{"views", reach->views()},
                                                        {"listeners", reach->listeners()},
                                                        {"viewers", reach->viewers()},
                                                        {"broadcasts", reach->broadcasts()},
                                                        {"copies", reach->copies()}};
    for (const auto& [name, amount] : measures) {
      if (amount != 0) op(key, "H+", name, std::to_string(amount));
    }
  }
  auto reply = store_.redis().Eval(kSaveScript, keys, args);
  if (!reply.ok()) return reply.status();
  if (reply->is_error()) return Status::Internal("Redis error: " + reply->str);
  if (reply->integer != 1) {
    return Status::Aborted("tác phẩm " + next.id() + " vừa được người khác thay đổi; hãy tải lại rồi làm lại");
  }
  return Status::Ok();
}

Result<std::vector<v1::ItemHistoryEntry>> ItemStore::History(const std::string& id, int64_t offset, int64_t limit) {
  auto reply = store_.redis().Command(
      {"LRANGE", RecordKey(id) + ":history", std::to_string(offset), std::to_string(offset + limit - 1)});
  if (!reply.ok()) return reply.status();
  std::vector<v1::ItemHistoryEntry> out;
  for (const auto& e : reply->elements) {
    v1::ItemHistoryEntry entry;
    if (!entry.ParseFromString(e.str)) return Status::Internal("history of " + id + " is unreadable");
    out.push_back(std::move(entry));
  }
  return out;
}

std::string ItemStore::AgencyIndex(const std::string& agency) { return "cm:items:agency:" + agency; }
std::string ItemStore::StateIndex(const std::string& agency, v1::MediaItemState state) {
  return "cm:items:state:" + agency + ":" + std::to_string(state);
}
std::string ItemStore::CampaignIndex(const std::string& campaign) { return "cm:items:campaign:" + campaign; }
std::string ItemStore::ExemplarIndex(const std::string& exemplar) { return "cm:items:exemplar:" + exemplar; }
std::string ItemStore::PublishedIndex(const std::string& agency) { return "cm:items:published:" + agency; }
std::string ItemStore::EverPublishedIndex(const std::string& agency) { return "cm:items:everpub:" + agency; }

Result<std::vector<std::pair<std::string, int64_t>>> ItemStore::Newest(const std::string& index, int64_t before,
                                                                       int limit) {
  return store_.Newest(index, before, limit);
}

Result<std::vector<std::string>> ItemStore::Between(const std::string& index, int64_t from, int64_t to) {
  auto reply = store_.redis().Command({"ZRANGEBYSCORE", index, std::to_string(from), "(" + std::to_string(to)});
  if (!reply.ok()) return reply.status();
  std::vector<std::string> out;
  for (const auto& e : reply->elements) out.push_back(e.str);
  return out;
}

Result<v1::Reach> ItemStore::YearReach(const std::string& agency, int year) {
  auto reply = store_.redis().Command({"HGETALL", "cm:items:reach:" + agency + ":" + std::to_string(year)});
  if (!reply.ok()) return reply.status();
  v1::Reach reach;
  const auto& e = reply->elements;
  for (size_t i = 0; i + 1 < e.size(); i += 2) {
    const int64_t n = std::atoll(e[i + 1].str.c_str());
    if (e[i].str == "views") reach.set_views(n);
    if (e[i].str == "listeners") reach.set_listeners(n);
    if (e[i].str == "viewers") reach.set_viewers(n);
    if (e[i].str == "broadcasts") reach.set_broadcasts(n);
    if (e[i].str == "copies") reach.set_copies(n);
  }
  return reach;
}

Result<std::string> ItemStore::WatchCursor() {
  auto reply = store_.redis().Command({"GET", kCursorKey});
  if (!reply.ok()) return reply.status();
  return reply->is_nil() ? std::string() : reply->str;
}

Status ItemStore::SaveWatchCursor(const std::string& cursor) {
  auto reply = store_.redis().Command({"SET", kCursorKey, cursor});
  return reply.ok() ? Status::Ok() : reply.status();
}

}  // namespace tdkt::campaign_media
