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

Status CampaignStore::Create(cv1::Campaign& c, const MemoWriter& memo) {
  auto n = store_.Next("campaign");
  if (!n.ok()) return n.status();
  c.set_id("camp-" + c.agency_id() + "-" + std::to_string(*n));
  c.set_version(1);
  std::vector<IndexOp> indexes{IndexOp::Add(CampaignsKey(c.agency_id()), c.id(), *n)};
  for (int y : YearsTouched(c)) indexes.push_back(IndexOp::Add(YearKey(c.agency_id(), y), c.id(), *n));
  return store_.Store(CampaignKey(c.id()), 0, c, indexes, memo.For(c));
}

Result<cv1::Campaign> CampaignStore::Get(const std::string& id) {
  cv1::Campaign c;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(CampaignKey(id), "campaign " + id, &c, &version));
  c.set_version(version);
  return c;
}

Status CampaignStore::Update(cv1::Campaign& c, const cv1::Campaign& before, const MemoWriter& memo) {
  const int64_t read = before.version();
  // The creation order, fixed at create: read outside the step.
  auto score = store_.redis().Command({"ZSCORE", CampaignsKey(c.agency_id()), c.id()});
  if (!score.ok()) return score.status();
  const int64_t order = score->is_nil() ? 0 : std::stoll(score->str);
  const std::vector<int> now = YearsTouched(c);
  std::vector<IndexOp> indexes;
  for (int y : now) indexes.push_back(IndexOp::Add(YearKey(c.agency_id(), y), c.id(), order));
  for (int y : YearsTouched(before)) {
    if (std::find(now.begin(), now.end(), y) == now.end()) {
      indexes.push_back(IndexOp::Remove(YearKey(c.agency_id(), y), c.id()));
    }
  }
  c.set_version(read + 1);
  Status s = store_.Store(CampaignKey(c.id()), read, c, indexes, memo.For(c));
  if (!s.ok()) c.set_version(read);
  return s;
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

Status CampaignStore::AddAnniversary(cv1::Anniversary& a, const MemoWriter& memo) {
  auto n = store_.Next("anniversary");
  if (!n.ok()) return n.status();
  a.set_id("anniv-" + a.agency_id() + "-" + std::to_string(*n));
  a.set_national(false);
  return store_.Store(AnniversaryKey(a.id()), 0, a, {IndexOp::Add(AnniversariesKey(a.agency_id()), a.id(), *n)},
                      memo.For(a));
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
