// Pure rules of media items: achievement references, claim checking, item
// content and the lifecycle table.
#include <gtest/gtest.h>

#include "services/campaign_media/domain/achievements.h"
#include "services/campaign_media/domain/item_rules.h"

namespace tdkt::campaign_media {
namespace {

namespace nv1 = ::tdkt::nomination::v1;

nv1::Nomination Record() {
  nv1::Nomination n;
  n.set_id("nom-56-3");
  n.mutable_details()->set_name("Nguyễn Thị Huệ");
  n.mutable_details()->set_achievements("Cứu 12 người trong lũ 2025\n\n  Hiến 300 m2 đất làm đường  \n");
  auto* i = n.mutable_details()->add_initiatives();
  i->set_title("Mô hình tổ vay vốn");
  i->set_description("Giúp 40 hộ thoát nghèo");
  n.mutable_details()->add_evidence()->set_title("Giấy khen của UBND phường");
  n.mutable_recognition()->set_decision_number("125/QĐ-UBND");
  n.mutable_recognition()->set_form("Chiến sĩ thi đua cơ sở");
  return n;
}

v1::MediaItem Item() {
  v1::MediaItem item;
  item.set_kind("article");
  item.set_channel("portal");
  item.set_title("Người phụ nữ cứu 12 người trong lũ");
  item.add_exemplar_ids("nom-56-3");
  return item;
}

TEST(Achievements, RefsFollowTheRecord) {
  auto list = AchievementsOf(Record());
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[0].ref(), "achievement/1");
  EXPECT_EQ(list[0].text(), "Cứu 12 người trong lũ 2025");
  EXPECT_EQ(list[1].ref(), "achievement/2");  // blank lines do not count
  EXPECT_EQ(list[1].text(), "Hiến 300 m2 đất làm đường");
  EXPECT_EQ(list[2].ref(), "initiative/1");
  EXPECT_EQ(list[2].text(), "Mô hình tổ vay vốn: Giúp 40 hộ thoát nghèo");
  EXPECT_EQ(list[3].ref(), "evidence/1");
  EXPECT_EQ(list[4].ref(), "recognition");
  EXPECT_NE(list[4].text().find("125/QĐ-UBND"), std::string::npos);
  nv1::Nomination bare;
  EXPECT_TRUE(AchievementsOf(bare).empty());
}

TEST(CheckClaims, EachClaimMustCiteARecordedAchievement) {
  v1::MediaItem item = Item();
  auto add = [&](const std::string& exemplar, const std::string& ref) {
    auto* c = item.add_claims();
    c->set_exemplar_id(exemplar);
    c->set_text("Nhận định");
    c->set_achievement_ref(ref);
  };
  add("nom-56-3", "achievement/1");  // supported
  add("nom-56-3", "");               // no citation
  add("nom-56-3", "achievement/9");  // not in the record
  add("nom-56-4", "achievement/1");  // record not available
  add("nom-56-3", "recognition");    // supported
  std::map<std::string, nv1::Nomination> records{{"nom-56-3", Record()}};
  ClaimChecks out = CheckClaims(item, records);
  ASSERT_EQ(out.checks.size(), 5u);
  EXPECT_EQ(out.unsupported, 3);
  EXPECT_TRUE(out.checks[0].supported());
  EXPECT_EQ(out.checks[0].cited().text(), "Cứu 12 người trong lũ 2025");
  EXPECT_FALSE(out.checks[1].supported());
  EXPECT_EQ(out.checks[1].problem(), "chưa dẫn thành tích");
  EXPECT_FALSE(out.checks[2].supported());
  EXPECT_NE(out.checks[2].problem().find("achievement/9"), std::string::npos);
  EXPECT_FALSE(out.checks[2].has_cited());
  EXPECT_FALSE(out.checks[3].supported());
  EXPECT_TRUE(out.checks[4].supported());
  EXPECT_EQ(out.checks[4].index(), 4);
}

TEST(ItemContent, BadInputNamesTheField) {
  auto field_of = [](v1::MediaItem item) {
    Status st = NormalizeItemContent(item, "item");
    return st.ok() ? std::string("ok") : st.field();
  };
  EXPECT_EQ(field_of(Item()), "ok");
  auto item = Item();
  item.set_title("Bài <script>alert(1)</script>");
  EXPECT_EQ(field_of(item), "item.title");
  item = Item();
  item.set_title("Hai\ndòng");
  EXPECT_EQ(field_of(item), "item.title");
  item = Item();
  item.set_title(std::string(301, 'a'));
  EXPECT_EQ(field_of(item), "item.title");
  item = Item();
  item.set_channel("tiktok");
  EXPECT_EQ(field_of(item), "item.channel");
  item = Item();
  item.set_kind("novel");
  EXPECT_EQ(field_of(item), "item.kind");
  item = Item();
  item.clear_exemplar_ids();
  EXPECT_EQ(field_of(item), "item.exemplar_ids");
  item = Item();
  item.add_exemplar_ids("nom-56-3");
  EXPECT_EQ(field_of(item), "item.exemplar_ids[1]");
  item = Item();
  item.add_claims()->set_exemplar_id("nom-56-9");
  item.mutable_claims(0)->set_text("x");
  EXPECT_EQ(field_of(item), "item.claims[0].exemplar_id");
  item = Item();
  item.add_claims()->set_exemplar_id("nom-56-3");
  EXPECT_EQ(field_of(item), "item.claims[0].text");
  item = Item();
  item.set_planned_date("2026-02-30");
  EXPECT_EQ(field_of(item), "item.planned_date");
  item = Item();
  item.set_title("  Tiêu đề  ");
  ASSERT_TRUE(NormalizeItemContent(item, "item").ok());
  EXPECT_EQ(item.title(), "Tiêu đề");
}

TEST(ItemLifecycle, TheTableOfMoves) {
  const std::string why = "lý do";
  EXPECT_TRUE(CheckItemTransition(v1::DRAFT, v1::IN_REVIEW, Role::kMediaEditor, "").ok());
  EXPECT_TRUE(CheckItemTransition(v1::DRAFT, v1::IN_REVIEW, Role::kOfficer, "").ok());
  EXPECT_EQ(CheckItemTransition(v1::DRAFT, v1::IN_REVIEW, Role::kInspector, "").code(), Code::kPermissionDenied);
  EXPECT_EQ(CheckItemTransition(v1::IN_REVIEW, v1::DRAFT, Role::kOfficer, "").code(), Code::kInvalidArgument);
  EXPECT_TRUE(CheckItemTransition(v1::IN_REVIEW, v1::DRAFT, Role::kOfficer, why).ok());
  EXPECT_TRUE(CheckItemTransition(v1::IN_REVIEW, v1::APPROVED, Role::kOfficer, "").ok());
  EXPECT_TRUE(CheckItemTransition(v1::IN_REVIEW, v1::APPROVED, Role::kAdmin, "").ok());
  EXPECT_EQ(CheckItemTransition(v1::IN_REVIEW, v1::APPROVED, Role::kMediaEditor, "").code(),
            Code::kPermissionDenied);
  EXPECT_EQ(CheckItemTransition(v1::DRAFT, v1::APPROVED, Role::kOfficer, "").code(), Code::kFailedPrecondition);
  EXPECT_EQ(CheckItemTransition(v1::DRAFT, v1::PUBLISHED, Role::kOfficer, "").code(), Code::kFailedPrecondition);
  EXPECT_TRUE(CheckItemTransition(v1::APPROVED, v1::PUBLISHED, Role::kMediaEditor, "").ok());
  for (auto from : {v1::DRAFT, v1::IN_REVIEW, v1::APPROVED, v1::PUBLISHED}) {
    EXPECT_TRUE(CheckItemTransition(from, v1::RETRACTED, Role::kOfficer, why).ok()) << from;
    EXPECT_EQ(CheckItemTransition(from, v1::RETRACTED, Role::kOfficer, "").code(), Code::kInvalidArgument) << from;
  }
  for (auto to : {v1::DRAFT, v1::IN_REVIEW, v1::APPROVED, v1::PUBLISHED, v1::RETRACTED}) {
    EXPECT_EQ(CheckItemTransition(v1::RETRACTED, to, Role::kAdmin, why).code(), Code::kFailedPrecondition) << to;
  }
  EXPECT_EQ(CheckItemTransition(v1::DRAFT, v1::MEDIA_ITEM_STATE_UNSPECIFIED, Role::kOfficer, "").code(),
            Code::kInvalidArgument);
}

}  // namespace
}  // namespace tdkt::campaign_media
