// CollectPage over an in-memory index: pages, filters, tokens, deadline.
#include "services/nomination/app/paging.h"

#include <gtest/gtest.h>

#include "tdkt/nomination/v1/movement.pb.h"

namespace tdkt::nomination {
namespace {

// Movements "mov-56-1" .. "mov-56-25", walked newest first.
struct FakeIndex {
  int size = 25;
  int scans = 0;
  Result<std::vector<IndexedId>> Scan(int64_t before, size_t limit) {
    ++scans;
    std::vector<IndexedId> out;
    for (int64_t s = std::min<int64_t>(before - 1, size); s >= 1 && out.size() < limit; --s) {
      out.push_back({s, MakeRecordId("mov", "56", s)});
    }
    return out;
  }
  Result<std::vector<v1::Movement>> Load(const std::vector<IndexedId>& ids) {
    std::vector<v1::Movement> out;
    for (const auto& id : ids) {
      v1::Movement m;
      m.set_id(id.id);
      out.push_back(m);
    }
    return out;
  }
};

const auto kLater = std::chrono::system_clock::now() + std::chrono::hours(1);

Result<Page<v1::Movement>> Collect(FakeIndex& index, int64_t cursor, int page_size,
                                   std::function<bool(const v1::Movement&)> keep,
                                   std::chrono::system_clock::time_point deadline = kLater) {
  return CollectPage<v1::Movement>(
      cursor, page_size, "mov", deadline, [&](int64_t b, size_t l) { return index.Scan(b, l); },
      [&](const std::vector<IndexedId>& ids) { return index.Load(ids); }, keep);
}

TEST(PagingTest, PagesFollowEachOtherWithoutGapsOrRepeats) {
  FakeIndex index;
  auto all = [](const v1::Movement&) { return true; };
  auto first = Collect(index, INT64_MAX, 10, all);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->records.front().id(), "mov-56-25");
  EXPECT_EQ(first->next_page_token, "16");
  auto second = Collect(index, 16, 10, all);
  EXPECT_EQ(second->records.front().id(), "mov-56-15");
  auto third = Collect(index, std::stoll(second->next_page_token), 10, all);
  EXPECT_EQ(third->records.size(), 5u);
  EXPECT_EQ(third->records.back().id(), "mov-56-1");
  EXPECT_TRUE(third->next_page_token.empty());
}

TEST(PagingTest, FiltersKeepWalkingUntilThePageIsFull) {
  FakeIndex index;
  index.size = 1000;
  // Only every 100th record matches: several index rounds for one page.
  auto rare = [](const v1::Movement& m) { return m.id().size() > 8 && m.id().substr(m.id().size() - 2) == "00"; };
  auto page = Collect(index, INT64_MAX, 3, rare);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 3u);
  EXPECT_EQ(page->records[0].id(), "mov-56-1000");
  EXPECT_EQ(page->records[2].id(), "mov-56-800");
  EXPECT_EQ(page->next_page_token, "800");
  EXPECT_GT(index.scans, 1);
}

TEST(PagingTest, GivesUpWhenTheDeadlinePasses) {
  FakeIndex index;
  auto page = Collect(index, INT64_MAX, 10, [](const v1::Movement&) { return true; },
                      std::chrono::system_clock::now() - std::chrono::seconds(1));
  EXPECT_EQ(page.status().code(), Code::kDeadlineExceeded);
}

}  // namespace
}  // namespace tdkt::nomination
