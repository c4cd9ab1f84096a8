#include "tests/campaign_media/public_site_fixture.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "common/vn_time.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {

void FixedPublishedItems::Put(const cmv1::MediaItem& item) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& existing : items_) {
    if (existing.id() == item.id()) {
      existing = item;
      return;
    }
  }
  items_.push_back(item);
}

void FixedPublishedItems::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.clear();
}

Result<std::vector<cmv1::MediaItem>> FixedPublishedItems::LatestPublished(const std::string& agency, int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<cmv1::MediaItem> out;
  for (const auto& item : items_) {
    if (item.agency_id() == agency) out.push_back(item);
  }
  std::sort(out.begin(), out.end(), [](const cmv1::MediaItem& a, const cmv1::MediaItem& b) {
    return a.published_at().seconds() > b.published_at().seconds();
  });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

Result<std::vector<cmv1::MediaItem>> FixedPublishedItems::PublishedInYear(const std::string& agency, int year) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<cmv1::MediaItem> out;
  for (const auto& item : items_) {
    if (item.agency_id() == agency && VietnamYear(item.published_at().seconds()) == year) out.push_back(item);
  }
  std::sort(out.begin(), out.end(), [](const cmv1::MediaItem& a, const cmv1::MediaItem& b) {
    return a.published_at().seconds() < b.published_at().seconds();
  });
  return out;
}

cmv1::MediaItem FixtureItem(const std::string& id, const std::string& agency, const std::string& title,
                            cmv1::MediaItemState state, int64_t published_unix,
                            const std::vector<std::string>& exemplars) {
  cmv1::MediaItem item;
  item.set_id(id);
  item.set_version(1);
  item.set_agency_id(agency);
  item.set_kind("article");
  item.set_channel("portal");
  item.set_title(title);
  item.set_summary("Tóm tắt: " + title);
  item.set_body("Nội dung bài viết về " + title + ".\n\nĐoạn thứ hai.");
  item.set_author("Ban Thi đua – Khen thưởng");
  item.set_state(state);
  for (const auto& e : exemplars) item.add_exemplar_ids(e);
  item.mutable_published_at()->set_seconds(published_unix);
  item.mutable_updated_at()->set_seconds(published_unix);
  return item;
}

nomination::v1::Nomination Recognised(NominationServer& server, const std::string& name, const std::string& unit,
                                      const std::string& decision_number, const std::string& decision_date) {
  namespace nv1 = ::tdkt::nomination::v1;
  auto created = CreateAs(server, Role::kOfficer, unit, Details(name, unit, "health"));
  if (created.id().empty()) return {};
  auto submitted = MoveTo(server, Role::kOfficer, unit, created, nv1::SUBMITTED);
  nv1::TransitionNominationRequest r;
  r.set_request_id(NextRequestId());
  r.set_id(submitted.id());
  r.set_expected_version(submitted.version());
  r.set_to_state(nv1::RECOGNISED);
  r.set_reason("Quyết định của Hội đồng");
  r.mutable_recognition()->set_decision_number(decision_number);
  r.mutable_recognition()->set_decision_date(decision_date);
  r.mutable_recognition()->set_form("Chiến sĩ thi đua cơ sở");
  r.mutable_recognition()->set_title_code("chien-si-thi-dua-co-so");
  nv1::Nomination out;
  auto stub = nv1::NominationService::NewStub(server.channel());
  auto st = stub->TransitionNomination(server.Context(Role::kNode, unit).get(), r, &out);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return st.ok() ? out : nv1::Nomination();
}

}  // namespace tdkt::testing
