#include "services/campaign_media/storage/campaign_store.h"

#include <algorithm>
#include <set>

#include "services/campaign_media/domain/campaign_rules.h"

namespace tdkt::campaign_media {
namespace {

constexpr int kPage = 500;

std::string CampaignKey(const std::string& id) { return "cm:campaign:" + id; }
std::string CampaignsKey(const std::string& agency) { return "cm:campaigns:" + agency; }
std::string YearKey(const std::string& agency, int year) {
  return CampaignsKey(agency) + ":y" + std::to_string(year);
}
std::string AnniversaryKey(const std::string& id) { return "cm:anniversary:" + id; }
std::string AnniversariesKey(const std::string& agency) { return "cm:anniversaries:" + agency; }

}  // namespace

Status CampaignStore::IndexYears(const cv1::Campaign& c, const std::vector<int>& add,
                                 const std::vector<int>& remove, int64_t score) {
  if (add.empty() && remove.empty()) return Status::Ok();
  std::vector<RedisArgs> commands{{"MULTI"}};
  for (int y : add) commands.push_back({"ZADD", YearKey(c.agency_id(), y), std::to_string(score), c.id()});
  for (int y : remove) commands.push_back({"ZREM", YearKey(c.agency_id(), y), c.id()});
  commands.push_back({"EXEC"});
  auto replies = store_.redis().Pipeline(commands);
  if (!replies.ok()) return replies.status();
  for (const auto& r : *replies) {
    if (r.is_error()) return Status::Internal("indexing campaign " + c.id() + ": " + r.str);
  }
  return Status::Ok();
}

Status CampaignStore::Create(cv1::Campaign& c) {
  auto n = store_.Next("campaign");
  if (!n.ok()) return n.status();
  c.set_id("camp-" + c.agency_id() + "-" + std::to_string(*n));
  c.set_version(1);
  TDKT_RETURN_IF_ERROR(store_.Store(CampaignKey(c.id()), 0, c, CampaignsKey(c.agency_id()), c.id(), *n));
  return IndexYears(c, YearsTouched(c), {}, *n);
}

Result<cv1::Campaign> CampaignStore::Get(const std::string& id) {
  cv1::Campaign c;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(CampaignKey(id), "campaign " + id, &c, &version));
  c.set_version(version);
  return c;
}

Status CampaignStore::Update(cv1::Campaign& c, const cv1::Campaign& before) {
  const int64_t read = before.version();
  c.set_version(read + 1);
  Status s = store_.Store(CampaignKey(c.id()), read, c);
  if (!s.ok()) {
    c.set_version(read);
    return s;
  }
  auto score = store_.redis().Command({"ZSCORE", CampaignsKey(c.agency_id()), c.id()});
  if (!score.ok()) return score.status();
  const int64_t order = score->is_nil() ? 0 : std::stoll(score->str);
  const std::vector<int> now = YearsTouched(c);
  std::vector<int> gone;
  for (int y : YearsTouched(before)) {
    if (std::find(now.begin(), now.end(), y) == now.end()) gone.push_back(y);
  }
  return IndexYears(c, now, gone, order);
}

Result<std::vector<cv1::Campaign>> CampaignStore::List(const std::string& agency, int year, int64_t before,
                                                       int limit, std::vector<int64_t>* cursors) {
  auto ids = store_.Newest(year > 0 ? YearKey(agency, year) : CampaignsKey(agency), before, limit);
  if (!ids.ok()) return ids.status();
  std::vector<cv1::Campaign> out;
  for (const auto& [id, score] : *ids) {
    auto c = Get(id);
    if (!c.ok()) return c.status();
    if (year > 0 && !PeriodTouchesYear(*c, year)) continue;
    out.push_back(std::move(*c));
    cursors->push_back(score);
  }
  return out;
}

Result<std::vector<cv1::Campaign>> CampaignStore::TouchingYear(const std::string& agency, int year) {
  std::vector<cv1::Campaign> all;
  int64_t before = 0;
  while (true) {
    auto ids = store_.Newest(YearKey(agency, year), before, kPage);
    if (!ids.ok()) return ids.status();
    for (const auto& [id, score] : *ids) {
      auto c = Get(id);
      if (!c.ok()) return c.status();
      if (PeriodTouchesYear(*c, year)) all.push_back(std::move(*c));
      before = score;
    }
    if (static_cast<int>(ids->size()) < kPage) break;
  }
  return all;
}

Status CampaignStore::AddAnniversary(cv1::Anniversary& a) {
  auto n = store_.Next("anniversary");
  if (!n.ok()) return n.status();
  a.set_id("anniv-" + a.agency_id() + "-" + std::to_string(*n));
  a.set_national(false);
  return store_.Store(AnniversaryKey(a.id()), 0, a, AnniversariesKey(a.agency_id()), a.id(), *n);
}

Result<cv1::Anniversary> CampaignStore::GetAnniversary(const std::string& id) {
  cv1::Anniversary a;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(AnniversaryKey(id), "anniversary " + id, &a, &version));
  return a;
}

Result<std::vector<cv1::Anniversary>> CampaignStore::AnniversariesOf(const std::string& agency) {
  std::vector<cv1::Anniversary> out;
  int64_t before = 0;
  while (true) {
    auto ids = store_.Newest(AnniversariesKey(agency), before, kPage);
    if (!ids.ok()) return ids.status();
    for (const auto& [id, score] : *ids) {
      auto a = GetAnniversary(id);
      if (!a.ok()) return a.status();
      out.push_back(std::move(*a));
      before = score;
    }
    if (static_cast<int>(ids->size()) < kPage) break;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace tdkt::campaign_media
