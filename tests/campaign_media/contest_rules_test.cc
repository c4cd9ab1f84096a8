// Contest rules: what organisers and entrants must write, when entries
// close, jurors' sheets in Vietnamese, and the ranking (ties, prizes,
// unscored entries, normalisation through common scoring).
#include "services/campaign_media/domain/contest_rules.h"

#include <gtest/gtest.h>

namespace tdkt::campaign_media {
namespace {

cv1::Contest Good() {
  cv1::Contest c;
  c.set_kind(cv1::WRITING);
  c.set_title("  Cuộc thi viết về gương người tốt, việc tốt ");
  c.set_rules("Bài viết không quá 3.000 chữ.");
  c.set_entry_deadline("2026-06-30");
  auto* a = c.add_criteria();
  a->set_code("chan-thuc");
  a->set_name("Tính chân thực");
  a->set_weight(2);
  a->set_max_score(10);
  a->set_required(true);
  auto* b = c.add_criteria();
  b->set_code("van-phong");
  b->set_name("Văn phong");
  b->set_weight(1);
  b->set_max_score(20);
  c.add_jury("gk1");
  c.add_jury("gk2");
  c.set_prizes(1);
  return c;
}

TEST(ContestRulesTest, AGoodContestIsTrimmed) {
  cv1::Contest c = Good();
  ASSERT_TRUE(NormalizeContest(c).ok());
  EXPECT_EQ(c.title(), "Cuộc thi viết về gương người tốt, việc tốt");
}

TEST(ContestRulesTest, BadContestsNameTheField) {
  auto field = [](auto change) {
    cv1::Contest c = Good();
    change(c);
    Status st = NormalizeContest(c);
    EXPECT_EQ(st.code(), Code::kInvalidArgument);
    return st.field();
  };
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_kind(cv1::CONTEST_KIND_UNSPECIFIED); }), "contest.kind");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_title("Thi <script>alert(1)</script>"); }), "contest.title");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_title("hai\ndòng"); }), "contest.title");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_title(std::string(301, 'a')); }), "contest.title");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_rules(" "); }), "contest.rules");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_entry_deadline("2026-02-30"); }), "contest.entry_deadline");
  EXPECT_EQ(field([](cv1::Contest& c) { c.clear_criteria(); }), "contest.criteria");
  EXPECT_EQ(field([](cv1::Contest& c) { c.mutable_criteria(1)->set_code("Van Phong"); }), "contest.criteria[1].code");
  EXPECT_EQ(field([](cv1::Contest& c) { c.mutable_criteria(1)->set_code("chan-thuc"); }), "contest.criteria[1].code");
  EXPECT_EQ(field([](cv1::Contest& c) { c.mutable_criteria(0)->set_weight(0); }), "contest.criteria[0].weight");
  EXPECT_EQ(field([](cv1::Contest& c) { c.mutable_criteria(0)->set_max_score(101); }),
            "contest.criteria[0].max_score");
  EXPECT_EQ(field([](cv1::Contest& c) { c.mutable_criteria(0)->set_name(""); }), "contest.criteria[0].name");
  EXPECT_EQ(field([](cv1::Contest& c) { c.clear_jury(); }), "contest.jury");
  EXPECT_EQ(field([](cv1::Contest& c) { c.add_jury("gk1"); }), "contest.jury[2]");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_prizes(-1); }), "contest.prizes");
  EXPECT_EQ(field([](cv1::Contest& c) { c.set_title("\xff\xfe"); }), "contest.title");
}

TEST(ContestRulesTest, EntriesNeedTitleAuthorAndBody) {
  cv1::ContestEntry e;
  e.set_title("Người giữ rừng");
  e.set_author_name("Nguyễn Văn A");
  e.set_body("...");
  EXPECT_TRUE(NormalizeEntry(e).ok());
  cv1::ContestEntry no_author = e;
  no_author.clear_author_name();
  EXPECT_EQ(NormalizeEntry(no_author).field(), "entry.author_name");
  cv1::ContestEntry markup = e;
  markup.set_title("<b>Người</b>");
  EXPECT_EQ(NormalizeEntry(markup).field(), "entry.title");
  cv1::ContestEntry no_body = e;
  no_body.clear_body();
  EXPECT_EQ(NormalizeEntry(no_body).field(), "entry.body");
}

TEST(ContestRulesTest, EntriesCloseAtMidnightVietnamTime) {
  // 2026-06-30 24:00 +07:00 = 2026-06-30 17:00 UTC = 1782838800.
  EXPECT_EQ(EntriesCloseAt("2026-06-30"), 1782838800);
  EXPECT_EQ(EntriesCloseAt("2026-07-01") - EntriesCloseAt("2026-06-30"), 86400);
  EXPECT_EQ(EntriesCloseAt("2028-03-01") - EntriesCloseAt("2028-02-28"), 2 * 86400);  // Leap year.
}

TEST(ContestRulesTest, JurorSheetsInVietnamese) {
  cv1::Contest c = Good();
  EXPECT_TRUE(CheckJurorSheet(c, {{"chan-thuc", 10}, {"van-phong", 20}}).ok());
  EXPECT_TRUE(CheckJurorSheet(c, {{"chan-thuc", 0}}).ok());  // van-phong is optional.
  Status st = CheckJurorSheet(c, {{"chan-thuc", 5}, {"van-phong", 21}});
  EXPECT_EQ(st.field(), "scores[1].score");
  EXPECT_EQ(st.message(), "điểm 21 của tiêu chí van-phong phải từ 0 đến 20");
  EXPECT_EQ(CheckJurorSheet(c, {{"chan-thuc", 5}, {"bo-cuc", 1}}).field(), "scores[1].code");
  EXPECT_EQ(CheckJurorSheet(c, {{"chan-thuc", 5}, {"chan-thuc", 1}}).field(), "scores[1].code");
  st = CheckJurorSheet(c, {{"van-phong", 5}});
  EXPECT_EQ(st.field(), "scores");
  EXPECT_NE(st.message().find("chan-thuc"), std::string::npos);
  EXPECT_EQ(CheckJurorSheet(c, {}).field(), "scores");
}

std::vector<cv1::ContestEntry> Entries(int n) {
  std::vector<cv1::ContestEntry> out;
  for (int i = 1; i <= n; ++i) {
    cv1::ContestEntry e;
    e.set_id("e" + std::to_string(i));
    e.set_title("Bài " + std::to_string(i));
    out.push_back(e);
  }
  return out;
}

TEST(ContestRulesTest, TiesShareARankAndUnscoredEntriesComeLast) {
  cv1::Contest c = Good();
  c.set_prizes(2);
  scoring::Sheets sheets;
  sheets["e1"]["gk1"] = {{"chan-thuc", 6}};
  sheets["e2"]["gk1"] = {{"chan-thuc", 9}};
  sheets["e3"]["gk1"] = {{"chan-thuc", 9}};
  sheets["e4"]["gk1"] = {{"chan-thuc", 3}};
  auto r = RankEntries(c, Entries(5), sheets);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].entry_id(), "e2");
  EXPECT_EQ(r[1].entry_id(), "e3");
  EXPECT_EQ(r[0].rank(), 1);
  EXPECT_EQ(r[1].rank(), 1);
  EXPECT_EQ(r[2].entry_id(), "e1");
  EXPECT_EQ(r[2].rank(), 3);
  EXPECT_EQ(r[3].rank(), 4);
  EXPECT_EQ(r[4].entry_id(), "e5");
  EXPECT_EQ(r[4].jurors(), 0);
  EXPECT_EQ(r[4].rank(), 5);
  EXPECT_FALSE(r[4].requirements_met());
  EXPECT_TRUE(r[0].prize());
  EXPECT_TRUE(r[1].prize());
  EXPECT_FALSE(r[2].prize());
  EXPECT_DOUBLE_EQ(r[0].mean_total(), 9.0);
}

TEST(ContestRulesTest, NormalisedRankingFollowsCommonScoring) {
  cv1::Contest c = Good();
  c.set_normalise(true);
  scoring::Sheets sheets;
  // gk1 is strict with a wide spread, gk2 lenient with a narrow one.
  sheets["e1"]["gk1"] = {{"chan-thuc", 1}};
  sheets["e2"]["gk1"] = {{"chan-thuc", 7}};
  sheets["e1"]["gk2"] = {{"chan-thuc", 10}};
  sheets["e2"]["gk2"] = {{"chan-thuc", 9}};
  auto raw = c;
  raw.set_normalise(false);
  EXPECT_EQ(RankEntries(raw, Entries(2), sheets)[0].entry_id(), "e2");  // 8 against 5.5.
  auto r = RankEntries(c, Entries(2), sheets);
  // Each juror puts the other entry first by one standard deviation: a tie.
  EXPECT_EQ(r[0].rank(), 1);
  EXPECT_EQ(r[1].rank(), 1);
  std::map<std::string, scoring::Rubric> rubrics{{"e1", {RubricOf(c), 0}}, {"e2", {RubricOf(c), 0}}};
  auto expected = scoring::Summarise(sheets, rubrics, true);
  EXPECT_DOUBLE_EQ(r[0].normalised_total(), expected.at(r[0].entry_id()).normalised_total);
}

}  // namespace
}  // namespace tdkt::campaign_media
