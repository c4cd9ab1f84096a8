#include "services/evaluation/domain/council_rules.h"

#include <gtest/gtest.h>

namespace tdkt::evaluation {
namespace {

v1::CouncilMember Member(const std::string& subject, const std::string& name, v1::MemberPosition position) {
  v1::CouncilMember m;
  m.set_subject(subject);
  m.set_full_name(name);
  m.set_position(position);
  return m;
}

v1::Council ValidCouncil() {
  v1::Council c;
  c.set_agency_id("56");
  c.set_name("Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa");
  *c.add_members() = Member("chu-tich", "Nguyễn Văn An", v1::CHAIR);
  *c.add_members() = Member("thu-ky", "Trần Thị Bình", v1::SECRETARY);
  *c.add_members() = Member("uy-vien-1", "Lê Văn Cường", v1::MEMBER);
  c.set_term_start("2026-01-01");
  c.set_term_end("2030-12-31");
  return c;
}

Status Normalized(v1::Council c) { return NormalizeCouncil(c); }

TEST(CouncilRulesTest, AValidCouncilGetsTheDefaults) {
  v1::Council c = ValidCouncil();
  ASSERT_TRUE(NormalizeCouncil(c).ok()) << NormalizeCouncil(c).ToString();
  EXPECT_EQ(c.quorum_percent(), 67);
  EXPECT_EQ(c.disclosure_working_days(), 10);
  EXPECT_NE(c.rules_source().find("Điều 47 Nghị định 98/2023/NĐ-CP"), std::string::npos);
  EXPECT_NE(c.rules_source().find("khoản 2 Điều 46 Nghị định 98/2023/NĐ-CP"), std::string::npos);
  ASSERT_EQ(c.thresholds_size(), static_cast<int>(DefaultThresholds().size()));
  EXPECT_EQ(c.thresholds(c.thresholds_size() - 1).title_code(), "*");
}

TEST(CouncilRulesTest, ItsOwnRulesAreKept) {
  v1::Council c = ValidCouncil();
  c.set_quorum_percent(50);
  c.set_disclosure_working_days(5);
  c.set_rules_source("Quy chế 12/QC-HĐTĐKT");
  v1::VoteThreshold* t = c.add_thresholds();
  t->set_title_code("*");
  t->set_percent(70);
  t->set_basis(v1::PARTICIPATING_MEMBERS);
  t->set_legal_source("Quy chế 12/QC-HĐTĐKT, Điều 5");
  ASSERT_TRUE(NormalizeCouncil(c).ok());
  EXPECT_EQ(c.quorum_percent(), 50);
  EXPECT_EQ(c.disclosure_working_days(), 5);
  EXPECT_EQ(c.rules_source(), "Quy chế 12/QC-HĐTĐKT");
  ASSERT_EQ(c.thresholds_size(), 1);
  EXPECT_EQ(c.thresholds(0).percent(), 70);
}

TEST(CouncilRulesTest, DefaultThresholdsSayWhereTheyComeFrom) {
  std::vector<v1::VoteThreshold> ts = DefaultThresholds();
  bool any = false;
  for (const v1::VoteThreshold& t : ts) {
    EXPECT_EQ(t.percent(), 90) << t.title_code();
    EXPECT_EQ(t.basis(), v1::ALL_MEMBERS) << t.title_code();
    EXPECT_NE(t.legal_source().find("91/2017/NĐ-CP"), std::string::npos) << t.title_code();
    if (t.title_code() == "*") {
      any = true;
      EXPECT_NE(t.legal_source().find("Chưa xác nhận"), std::string::npos);
      EXPECT_NE(t.legal_source().find("quy chế"), std::string::npos);
    } else {
      EXPECT_NE(t.legal_source().find("khoản 8 Điều 45"), std::string::npos);
      EXPECT_NE(t.legal_source().find("98/2023/NĐ-CP"), std::string::npos);
    }
  }
  EXPECT_TRUE(any);
  for (const char* title : {"chien-si-thi-dua-toan-quoc", "chien-si-thi-dua-tinh", "anh-hung-lao-dong"}) {
    EXPECT_EQ(ThresholdFor(ts, title).title_code(), title);
  }
}

TEST(CouncilRulesTest, MembersAreChecked) {
  v1::Council c = ValidCouncil();
  c.mutable_members()->RemoveLast();
  Status st = Normalized(c);
  EXPECT_EQ(st.field(), "council.members");
  EXPECT_NE(st.message().find("at least 3"), std::string::npos);

  c = ValidCouncil();
  c.mutable_members(2)->set_subject("  ");
  st = Normalized(c);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_EQ(st.field(), "council.members[2].subject");
  EXPECT_EQ(st.message(), "each member needs the login they sign in with");

  c = ValidCouncil();
  c.mutable_members(1)->set_full_name("");
  EXPECT_EQ(Normalized(c).field(), "council.members[1].full_name");

  c = ValidCouncil();
  c.mutable_members(2)->set_subject("thu-ky");
  EXPECT_EQ(Normalized(c).field(), "council.members[2].subject");

  c = ValidCouncil();
  c.mutable_members(2)->set_position(v1::MEMBER_POSITION_UNSPECIFIED);
  EXPECT_EQ(Normalized(c).field(), "council.members[2].position");
}

TEST(CouncilRulesTest, ExactlyOneChair) {
  v1::Council c = ValidCouncil();
  c.mutable_members(0)->set_position(v1::VICE_CHAIR);
  Status st = Normalized(c);
  EXPECT_EQ(st.field(), "council.members");
  EXPECT_NE(st.message().find("chair"), std::string::npos);

  c = ValidCouncil();
  c.mutable_members(2)->set_position(v1::CHAIR);
  st = Normalized(c);
  EXPECT_EQ(st.field(), "council.members");
  EXPECT_NE(st.message().find("2 members are named chair"), std::string::npos);
}

TEST(CouncilRulesTest, TermDates) {
  v1::Council c = ValidCouncil();
  c.set_term_start("2026-02-30");
  EXPECT_EQ(Normalized(c).field(), "council.term_start");
  c = ValidCouncil();
  c.set_term_end("");
  EXPECT_EQ(Normalized(c).field(), "council.term_end");
  c = ValidCouncil();
  c.set_term_end("2025-12-31");
  EXPECT_EQ(Normalized(c).field(), "council.term_end");
  c = ValidCouncil();
  c.set_term_end("2026-01-01");  // One-day term.
  EXPECT_TRUE(Normalized(c).ok());
}

TEST(CouncilRulesTest, QuorumAndDisclosureRanges) {
  for (int q : {1, 100}) {
    v1::Council c = ValidCouncil();
    c.set_quorum_percent(q);
    EXPECT_TRUE(Normalized(c).ok()) << q;
  }
  for (int q : {-1, 101}) {
    v1::Council c = ValidCouncil();
    c.set_quorum_percent(q);
    EXPECT_EQ(Normalized(c).field(), "council.quorum_percent") << q;
  }
  for (int d : {1, 60}) {
    v1::Council c = ValidCouncil();
    c.set_disclosure_working_days(d);
    EXPECT_TRUE(Normalized(c).ok()) << d;
  }
  for (int d : {-1, 61}) {
    v1::Council c = ValidCouncil();
    c.set_disclosure_working_days(d);
    EXPECT_EQ(Normalized(c).field(), "council.disclosure_working_days") << d;
  }
}

TEST(CouncilRulesTest, ThresholdsAreChecked) {
  auto with = [](int percent, v1::ThresholdBasis basis, const std::string& title, const std::string& source) {
    v1::Council c = ValidCouncil();
    v1::VoteThreshold* t = c.add_thresholds();
    t->set_title_code(title);
    t->set_percent(percent);
    t->set_basis(basis);
    t->set_legal_source(source);
    return c;
  };
  EXPECT_TRUE(Normalized(with(1, v1::ALL_MEMBERS, "*", "Quy chế")).ok());
  EXPECT_TRUE(Normalized(with(100, v1::ALL_MEMBERS, "*", "Quy chế")).ok());
  EXPECT_EQ(Normalized(with(0, v1::ALL_MEMBERS, "*", "Quy chế")).field(), "council.thresholds[0].percent");
  EXPECT_EQ(Normalized(with(101, v1::ALL_MEMBERS, "*", "Quy chế")).field(), "council.thresholds[0].percent");
  EXPECT_EQ(Normalized(with(90, v1::THRESHOLD_BASIS_UNSPECIFIED, "*", "Quy chế")).field(),
            "council.thresholds[0].basis");
  EXPECT_EQ(Normalized(with(90, v1::ALL_MEMBERS, "*", " ")).field(), "council.thresholds[0].legal_source");
  EXPECT_EQ(Normalized(with(90, v1::ALL_MEMBERS, "Chiến sĩ", "Quy chế")).field(),
            "council.thresholds[0].title_code");
  Status st = Normalized(with(90, v1::ALL_MEMBERS, "anh-hung-lao-dong", "Quy chế"));
  EXPECT_EQ(st.field(), "council.thresholds");
  EXPECT_NE(st.message().find("\"*\""), std::string::npos);

  v1::Council c = with(90, v1::ALL_MEMBERS, "*", "Quy chế");
  *c.add_thresholds() = c.thresholds(0);
  EXPECT_EQ(Normalized(c).field(), "council.thresholds[1].title_code");
}

TEST(CouncilRulesTest, TextIsNfc) {
  v1::Council c = ValidCouncil();
  c.mutable_members(0)->set_full_name("Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An");  // NFD "Nguyễn Văn An"
  ASSERT_TRUE(NormalizeCouncil(c).ok());
  EXPECT_EQ(c.members(0).full_name(), "Nguyễn Văn An");
}

TEST(CouncilRulesTest, ThresholdForFallsBackToTheStarEntry) {
  v1::VoteThreshold own, any;
  own.set_title_code("anh-hung-lao-dong");
  own.set_percent(95);
  any.set_title_code("*");
  any.set_percent(60);
  EXPECT_EQ(ThresholdFor({own, any}, "anh-hung-lao-dong").percent(), 95);
  EXPECT_EQ(ThresholdFor({own, any}, "chien-si-thi-dua-co-so").percent(), 60);
  EXPECT_EQ(ThresholdFor({any, own}, "anh-hung-lao-dong").percent(), 95);
  // Without a "*" entry the national default applies, never 0%.
  EXPECT_EQ(ThresholdFor({own}, "chien-si-thi-dua-co-so").percent(), 90);
  EXPECT_EQ(ThresholdFor({}, "chien-si-thi-dua-co-so").title_code(), "*");
}

TEST(CouncilRulesTest, QuorumEdges) {
  // 67% of 10 is 6.7: 7 members open the session, 6 do not.
  EXPECT_TRUE(CheckQuorum(7, 10, 67).ok());
  Status st = CheckQuorum(6, 10, 67);
  EXPECT_EQ(st.code(), Code::kFailedPrecondition);
  EXPECT_EQ(st.message(), "quorum not met: 6 of 10 members attend, at least 7 (67%) must");
  EXPECT_EQ(CheckQuorum(5, 9, 67).message(), "quorum not met: 5 of 9 members attend, at least 6 (67%) must");
  EXPECT_TRUE(CheckQuorum(6, 9, 67).ok()) << "two thirds";
  EXPECT_TRUE(CheckQuorum(2, 3, 67).ok());
  EXPECT_FALSE(CheckQuorum(66, 100, 67).ok());
  // Exactly at the share.
  EXPECT_TRUE(CheckQuorum(5, 10, 50).ok());
  EXPECT_FALSE(CheckQuorum(4, 10, 50).ok());
  EXPECT_TRUE(CheckQuorum(3, 3, 100).ok());
  EXPECT_FALSE(CheckQuorum(2, 3, 100).ok());
  EXPECT_TRUE(CheckQuorum(1, 100, 1).ok());
  EXPECT_FALSE(CheckQuorum(0, 100, 1).ok());
  EXPECT_EQ(CheckQuorum(0, 0, 67).code(), Code::kFailedPrecondition);
}

TEST(CouncilRulesTest, WithinTermIncludesBothEnds) {
  v1::Council c = ValidCouncil();
  EXPECT_TRUE(WithinTerm(c, "2026-01-01"));
  EXPECT_TRUE(WithinTerm(c, "2030-12-31"));
  EXPECT_FALSE(WithinTerm(c, "2025-12-31"));
  EXPECT_FALSE(WithinTerm(c, "2031-01-01"));
  EXPECT_FALSE(WithinTerm(c, "2026-13-01"));
}

}  // namespace
}  // namespace tdkt::evaluation
