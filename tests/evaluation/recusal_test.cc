#include "services/evaluation/domain/recusal.h"

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

namespace nv1 = ::tdkt::nomination::v1;

v1::CouncilMember Member(const std::string& subject, const std::string& name, const std::string& agency,
                         const std::string& code = "") {
  v1::CouncilMember m;
  m.set_subject(subject);
  m.set_full_name(name);
  m.set_position(v1::MEMBER);
  m.set_agency_id(agency);
  m.set_personnel_code(code);
  return m;
}

nv1::NominationDetails Nominee(nv1::NominationKind kind, const std::string& name, const std::string& agency,
                               const std::string& code = "") {
  nv1::NominationDetails d;
  d.set_kind(kind);
  d.set_name(name);
  d.set_agency_id(agency);
  d.set_nominee_code(code);
  return d;
}

TEST(RecusalTest, EqualCodesMakeTheMemberTheNominee) {
  auto r = AutomaticRecusal(Member("an", "Nguyễn Văn An", "22333", "CB-0042"),
                            Nominee(nv1::INDIVIDUAL, "Nguyễn Văn An", "22345", "CB-0042"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::IS_NOMINEE);
  EXPECT_EQ(r->subject(), "an");
  EXPECT_EQ(r->full_name(), "Nguyễn Văn An");
}

TEST(RecusalTest, DifferentCodesAreDifferentPeopleEvenWithTheSameName) {
  auto r = AutomaticRecusal(Member("an", "Nguyễn Văn An", "22333", "CB-0042"),
                            Nominee(nv1::INDIVIDUAL, "Nguyễn Văn An", "22333", "CB-0099"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::SAME_UNIT);
}

TEST(RecusalTest, WithoutCodesTheFoldedNameInTheSameUnitIsTheNominee) {
  auto r = AutomaticRecusal(Member("an", "Nguyễn Văn An", "22333"),
                            Nominee(nv1::INDIVIDUAL, "nguyen  VAN an", "22333"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::IS_NOMINEE);  // Takes precedence over SAME_UNIT.
  EXPECT_EQ(r->full_name(), "Nguyễn Văn An");

  // One code missing: names stand in.
  r = AutomaticRecusal(Member("an", "Nguyễn Văn An", "22333", "CB-0042"),
                       Nominee(nv1::INDIVIDUAL, "Nguyễn Văn An", "22333"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::IS_NOMINEE);
}

TEST(RecusalTest, TheSameNameInAnotherUnitIsNoConflict) {
  EXPECT_FALSE(AutomaticRecusal(Member("an", "Nguyễn Văn An", "22333"),
                                Nominee(nv1::INDIVIDUAL, "Nguyễn Văn An", "22345"))
                   .has_value());
}

TEST(RecusalTest, CollectivesAndHouseholdsAreNomineesOnlyByCode) {
  auto r = AutomaticRecusal(Member("an", "Tổ Y tế", "22333"), Nominee(nv1::COLLECTIVE, "Tổ Y tế", "22333"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::SAME_UNIT);
  r = AutomaticRecusal(Member("an", "Hộ Nguyễn Văn An", "22333"),
                       Nominee(nv1::HOUSEHOLD, "Hộ Nguyễn Văn An", "22333"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::SAME_UNIT);
  r = AutomaticRecusal(Member("an", "Nguyễn Văn An", "1", "ORG-7"),
                       Nominee(nv1::COLLECTIVE, "Tổ Y tế", "22333", "ORG-7"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::IS_NOMINEE);
}

TEST(RecusalTest, SameUnitNeedsAKnownUnit) {
  auto r = AutomaticRecusal(Member("b", "Trần Thị Bình", "22333"), Nominee(nv1::INDIVIDUAL, "Lê Văn Cường", "22333"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->reason(), v1::SAME_UNIT);
  EXPECT_FALSE(
      AutomaticRecusal(Member("b", "Trần Thị Bình", ""), Nominee(nv1::INDIVIDUAL, "Lê Văn Cường", "")).has_value());
  EXPECT_FALSE(AutomaticRecusal(Member("b", "Lê Văn Cường", ""), Nominee(nv1::INDIVIDUAL, "Lê Văn Cường", ""))
                   .has_value());
}

TEST(RecusalTest, EveryMemberInOrder) {
  std::vector<v1::CouncilMember> members = {
      Member("a", "Nguyễn Văn An", "22333"), Member("b", "Trần Thị Bình", "56"),
      Member("c", "Lê Văn Cường", "22333"), Member("d", "Phạm Thị Dung", "", "CB-7")};
  std::vector<v1::Recusal> rs = AutomaticRecusals(members, Nominee(nv1::INDIVIDUAL, "Phạm Thị Dung", "22333", "CB-7"));
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].subject(), "a");
  EXPECT_EQ(rs[0].reason(), v1::SAME_UNIT);
  EXPECT_EQ(rs[1].subject(), "c");
  EXPECT_EQ(rs[2].subject(), "d");
  EXPECT_EQ(rs[2].reason(), v1::IS_NOMINEE);
}

TEST(RecusalTest, IsRecusedLooksAtTheItem) {
  v1::AgendaItem item;
  v1::Recusal* r = item.add_recusals();
  r->set_subject("b");
  r->set_reason(v1::DECLARED_CONFLICT);
  EXPECT_TRUE(IsRecused(item, "b"));
  EXPECT_FALSE(IsRecused(item, "a"));
  EXPECT_FALSE(IsRecused(v1::AgendaItem(), "b"));
}

}  // namespace
}  // namespace tdkt::evaluation
