#include "services/evaluation/domain/criteria_rules.h"

#include <gtest/gtest.h>

#include "services/nomination/domain/fields.h"

namespace tdkt::evaluation {
namespace {

v1::CriteriaSet SmallSet() {
  v1::CriteriaSet set;
  set.set_agency_id("56");
  set.set_title("Tiêu chí điển hình tiên tiến tỉnh Khánh Hòa");
  set.set_legal_source("Kế hoạch 123/KH-UBND");
  v1::Criterion* c = set.add_criteria();
  c->set_code("general-1");
  c->set_text("Hoàn thành xuất sắc nhiệm vụ");
  c->set_weight(60);
  c->set_required(true);
  c = set.add_criteria();
  c->set_code("field-health");
  c->set_text("Thành tích trong lĩnh vực y tế");
  c->set_weight(40);
  c->set_field("health");
  return set;
}

Status Normalized(v1::CriteriaSet set) { return NormalizeCriteriaSet(set); }

TEST(CriteriaRulesTest, NationalSetHasTheGeneralAndFieldCriteria) {
  v1::CriteriaSet set = NationalCriteriaSet();
  EXPECT_EQ(set.title(), "Bộ tiêu chí chung toàn quốc");
  EXPECT_EQ(set.agency_id(), "");
  EXPECT_EQ(set.movement_id(), "");
  EXPECT_EQ(set.version(), 1);
  EXPECT_EQ(set.in_force_from().seconds(), 0);
  EXPECT_EQ(set.published_by(), "system");
  EXPECT_EQ(set.max_score(), 10);
  EXPECT_EQ(set.pass_score(), 5);
  EXPECT_NE(set.legal_source().find("1526/QĐ-TTg"), std::string::npos);
  const auto& fields = ::tdkt::nomination::NationalFields();
  ASSERT_EQ(set.criteria_size(), 4 + static_cast<int>(fields.size()));
  const int weights[] = {25, 25, 30, 20};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(set.criteria(i).code(), "general-" + std::to_string(i + 1));
    EXPECT_TRUE(set.criteria(i).required());
    EXPECT_EQ(set.criteria(i).weight(), weights[i]);
    EXPECT_EQ(set.criteria(i).field(), "");
    EXPECT_FALSE(set.criteria(i).evidence().empty());
  }
  EXPECT_NE(set.criteria(1).text().find("Hoàn thành xuất sắc nhiệm vụ được giao"), std::string::npos);
  for (size_t i = 0; i < fields.size(); ++i) {
    const v1::Criterion& c = set.criteria(4 + static_cast<int>(i));
    EXPECT_EQ(c.field(), fields[i].code);
    EXPECT_FALSE(c.required());
    EXPECT_EQ(c.weight(), 10);
    EXPECT_NE(c.text().find(fields[i].name), std::string::npos);
  }
  EXPECT_EQ(set.criteria(4).code(), "field-party-building");
  // The national set passes the rules every published set must pass.
  v1::CriteriaSet copy = set;
  EXPECT_TRUE(NormalizeCriteriaSet(copy).ok()) << NormalizeCriteriaSet(copy).ToString();
}

TEST(CriteriaRulesTest, ScaleDefaults) {
  v1::CriteriaSet set = SmallSet();
  ASSERT_TRUE(NormalizeCriteriaSet(set).ok());
  EXPECT_EQ(set.max_score(), 10);
  EXPECT_EQ(set.pass_score(), 5);
  set = SmallSet();
  set.set_max_score(7);
  ASSERT_TRUE(NormalizeCriteriaSet(set).ok());
  EXPECT_EQ(set.pass_score(), 3);
  set = SmallSet();
  set.set_max_score(100);
  set.set_pass_score(100);
  EXPECT_TRUE(NormalizeCriteriaSet(set).ok());
}

TEST(CriteriaRulesTest, BadSetsNameTheField) {
  v1::CriteriaSet set = SmallSet();
  set.set_title(" ");
  EXPECT_EQ(Normalized(set).field(), "set.title");

  set = SmallSet();
  set.clear_criteria();
  EXPECT_EQ(Normalized(set).field(), "set.criteria");

  set = SmallSet();
  set.mutable_criteria(1)->set_code("Field_Health");
  EXPECT_EQ(Normalized(set).field(), "set.criteria[1].code");

  set = SmallSet();
  set.mutable_criteria(1)->set_code("general-1");
  Status st = Normalized(set);
  EXPECT_EQ(st.field(), "set.criteria[1].code");
  EXPECT_NE(st.message().find("unique"), std::string::npos);

  for (int w : {0, 101}) {
    set = SmallSet();
    set.mutable_criteria(0)->set_weight(w);
    EXPECT_EQ(Normalized(set).field(), "set.criteria[0].weight") << w;
  }
  set = SmallSet();
  set.mutable_criteria(0)->set_text("");
  EXPECT_EQ(Normalized(set).field(), "set.criteria[0].text");

  set = SmallSet();
  set.set_max_score(101);
  EXPECT_EQ(Normalized(set).field(), "set.max_score");
  set = SmallSet();
  set.set_pass_score(11);
  EXPECT_EQ(Normalized(set).field(), "set.pass_score");
  set = SmallSet();
  set.set_pass_score(-1);
  EXPECT_EQ(Normalized(set).field(), "set.pass_score");
}

TEST(CriteriaRulesTest, TextIsNfcAndTrimmed) {
  v1::CriteriaSet set = SmallSet();
  set.set_title("  Tie\xCC\x82u chi\xCC\x81 ");  // NFD "Tiêu chí"
  ASSERT_TRUE(NormalizeCriteriaSet(set).ok());
  EXPECT_EQ(set.title(), "Tiêu chí");
}

v1::CriteriaSet Version(int64_t version, int64_t from) {
  v1::CriteriaSet set = SmallSet();
  set.set_version(version);
  set.mutable_in_force_from()->set_seconds(from);
  return set;
}

TEST(CriteriaRulesTest, VersionInForceBeforeAtAndAfterPublication) {
  std::vector<v1::CriteriaSet> versions = {Version(1, 1000), Version(2, 2000)};
  EXPECT_EQ(VersionInForce(versions, 999), nullptr);
  EXPECT_EQ(VersionInForce(versions, 1000)->version(), 1);
  EXPECT_EQ(VersionInForce(versions, 1999)->version(), 1);
  EXPECT_EQ(VersionInForce(versions, 2000)->version(), 2);
  EXPECT_EQ(VersionInForce(versions, 2001)->version(), 2);
  EXPECT_EQ(VersionInForce({}, 5000), nullptr);
  std::vector<v1::CriteriaSet> national = {NationalCriteriaSet()};
  EXPECT_EQ(VersionInForce(national, 0)->version(), 1);
}

std::vector<std::string> Codes(const std::vector<v1::Criterion>& criteria) {
  std::vector<std::string> out;
  for (const auto& c : criteria) out.push_back(c.code());
  return out;
}

TEST(CriteriaRulesTest, ApplicableCriteriaFollowTheNomineesFields) {
  v1::CriteriaSet set = NationalCriteriaSet();
  EXPECT_EQ(Codes(ApplicableCriteria(set, {})),
            (std::vector<std::string>{"general-1", "general-2", "general-3", "general-4"}));
  EXPECT_EQ(Codes(ApplicableCriteria(set, {"health"})),
            (std::vector<std::string>{"general-1", "general-2", "general-3", "general-4", "field-health"}));
  EXPECT_EQ(ApplicableCriteria(set, {"health", "education"}).size(), 6u);
  EXPECT_EQ(ApplicableCriteria(set, {"custom:khi-tuong-thuy-van"}).size(), 4u);
}

TEST(CriteriaRulesTest, Slugs) {
  EXPECT_TRUE(IsSlug("general-2"));
  EXPECT_TRUE(IsSlug("a"));
  EXPECT_TRUE(IsSlug(std::string(64, 'a')));
  EXPECT_FALSE(IsSlug(std::string(65, 'a')));
  EXPECT_FALSE(IsSlug(""));
  EXPECT_FALSE(IsSlug("General-2"));
  EXPECT_FALSE(IsSlug("field_health"));
  EXPECT_FALSE(IsSlug("chiến-sĩ"));
  EXPECT_FALSE(IsSlug("a b"));
}

}  // namespace
}  // namespace tdkt::evaluation
