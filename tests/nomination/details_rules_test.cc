#include "services/nomination/domain/details_rules.h"

#include <gtest/gtest.h>

#include "services/nomination/domain/fields.h"

namespace tdkt::nomination {
namespace {

namespace v1 = ::tdkt::nomination::v1;

const AgencyLookup kAgencies = [](const std::string& a) { return a == "56" || a == "22333"; };
const FieldLookup kFields = [](const std::string& code, const std::string&) {
  return IsNationalField(code) || code == "custom:khi-tuong-thuy-van";
};

v1::NominationDetails Valid() {
  v1::NominationDetails d;
  d.set_kind(v1::INDIVIDUAL);
  d.set_name("  Nguyễn Thị Huệ ");
  d.set_agency_id("22333");
  d.add_fields("health");
  d.set_achievements("Ba năm liền hoàn thành xuất sắc nhiệm vụ");
  return d;
}

TEST(DetailsRulesTest, NormalisesAndFillsDiscoveryTime) {
  v1::NominationDetails d = Valid();
  ASSERT_TRUE(NormalizeDetails(d, kAgencies, kFields, 1700000000).ok());
  EXPECT_EQ(d.name(), "Nguyễn Thị Huệ");
  EXPECT_EQ(d.discovered_at().seconds(), 1700000000);
}

TEST(DetailsRulesTest, AgencyDefinedFieldIsAccepted) {
  v1::NominationDetails d = Valid();
  d.add_fields("custom:khi-tuong-thuy-van");
  EXPECT_TRUE(NormalizeDetails(d, kAgencies, kFields, 1700000000).ok());
}

struct BadCase {
  const char* what;
  std::function<void(v1::NominationDetails&)> spoil;
  const char* field;
};

TEST(DetailsRulesTest, EachProblemNamesItsField) {
  std::vector<BadCase> cases = {
      {"no kind", [](auto& d) { d.set_kind(v1::NOMINATION_KIND_UNSPECIFIED); }, "details.kind"},
      {"empty name", [](auto& d) { d.set_name("   "); }, "details.name"},
      {"long name", [](auto& d) { d.set_name(std::string(301, 'a')); }, "details.name"},
      {"line break in name", [](auto& d) { d.set_name("Nguyễn\nVăn A"); }, "details.name"},
      {"bad utf8", [](auto& d) { d.set_name("Hu\xE1\xBB"); }, "details.name"},
      {"unknown agency", [](auto& d) { d.set_agency_id("99999"); }, "details.agency_id"},
      {"no field", [](auto& d) { d.clear_fields(); }, "details.fields"},
      {"unknown field", [](auto& d) { d.add_fields("astrology"); }, "details.fields[1]"},
      {"field twice", [](auto& d) { d.add_fields("health"); }, "details.fields[1]"},
      {"huge achievements", [](auto& d) { d.set_achievements(std::string(10 << 20, 'x')); }, "details.achievements"},
      {"untitled initiative", [](auto& d) { d.add_initiatives(); }, "details.initiatives[0].title"},
      {"untitled evidence", [](auto& d) { d.add_evidence()->set_uri("x"); }, "details.evidence[0].title"},
      {"future discovery", [](auto& d) { d.mutable_discovered_at()->set_seconds(1800000000); }, "details.discovered_at"},
      {"nominee code with a space", [](auto& d) { d.set_nominee_code("CB 0042"); }, "details.nominee_code"},
      {"nominee code with diacritics", [](auto& d) { d.set_nominee_code("ĐV-0042"); }, "details.nominee_code"},
      {"long nominee code", [](auto& d) { d.set_nominee_code(std::string(65, 'a')); }, "details.nominee_code"},
  };
  for (const auto& c : cases) {
    v1::NominationDetails d = Valid();
    c.spoil(d);
    Status st = NormalizeDetails(d, kAgencies, kFields, 1700000000);
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << c.what;
    EXPECT_EQ(st.field(), c.field) << c.what << ": " << st.ToString();
  }
}

TEST(DetailsRulesTest, NomineeCodeIsOptionalAndTrimmed) {
  v1::NominationDetails d = Valid();
  ASSERT_TRUE(NormalizeDetails(d, kAgencies, kFields, 1700000000).ok());
  EXPECT_EQ(d.nominee_code(), "");
  d.set_nominee_code("  CB-2026/0042_a.b ");
  ASSERT_TRUE(NormalizeDetails(d, kAgencies, kFields, 1700000000).ok());
  EXPECT_EQ(d.nominee_code(), "CB-2026/0042_a.b");
  d.set_nominee_code(std::string(64, '7'));
  EXPECT_TRUE(NormalizeDetails(d, kAgencies, kFields, 1700000000).ok());
  EXPECT_TRUE(IsValidNomineeCode(""));
  EXPECT_FALSE(IsValidNomineeCode("a,b"));
  EXPECT_FALSE(IsValidNomineeCode("a\\b"));
}

TEST(DetailsRulesTest, MovementPeriodMustBeOrdered) {
  v1::Movement m;
  m.set_name("Phong trào thi đua Dân vận khéo");
  m.set_agency_id("56");
  m.set_period_start("2025-01-01");
  m.set_period_end("2024-12-31");
  EXPECT_EQ(NormalizeMovement(m, kAgencies).field(), "movement.period_end");
  m.set_period_end("2025-02-30");
  EXPECT_EQ(NormalizeMovement(m, kAgencies).field(), "movement.period_end");
  m.set_period_end("2025-12-31");
  EXPECT_TRUE(NormalizeMovement(m, kAgencies).ok());
}

TEST(DetailsRulesTest, RequestIds) {
  EXPECT_EQ(CheckRequestId("").field(), "request_id");
  EXPECT_EQ(CheckRequestId("has space").field(), "request_id");
  EXPECT_EQ(CheckRequestId(std::string(129, 'a')).field(), "request_id");
  EXPECT_TRUE(CheckRequestId("3f2b-11ee-a9").ok());
}

}  // namespace
}  // namespace tdkt::nomination
