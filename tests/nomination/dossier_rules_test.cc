#include "services/nomination/domain/dossier_rules.h"

#include <functional>

#include <gtest/gtest.h>

#include "services/nomination/domain/lifecycle.h"

namespace tdkt::nomination {
namespace {

namespace v1 = ::tdkt::nomination::v1;

const AgencyLookup kAgencies = [](const std::string& a) { return a == "56" || a == "22333"; };

v1::Attachment ValidAttachment() {
  v1::Attachment a;
  a.set_title(" Biên bản họp Hội đồng phiên ses-7 ");
  a.set_uri("tdkt://evaluation/sessions/ses-7/minutes");
  a.set_kind("minutes");
  return a;
}

TEST(DossierRulesTest, AttachmentIsTrimmedAndKindDefaultsToOther) {
  v1::Attachment a = ValidAttachment();
  ASSERT_TRUE(NormalizeAttachment(a).ok());
  EXPECT_EQ(a.title(), "Biên bản họp Hội đồng phiên ses-7");
  EXPECT_EQ(a.kind(), "minutes");
  a.clear_kind();
  ASSERT_TRUE(NormalizeAttachment(a).ok());
  EXPECT_EQ(a.kind(), "other");
  for (const char* kind : {"appraisal", "decision", "other"}) {
    a.set_kind(kind);
    EXPECT_TRUE(NormalizeAttachment(a).ok()) << kind;
  }
}

TEST(DossierRulesTest, EachAttachmentProblemNamesItsField) {
  struct Case {
    const char* what;
    std::function<void(v1::Attachment&)> spoil;
    const char* field;
  };
  std::vector<Case> cases = {
      {"no title", [](auto& a) { a.set_title("  "); }, "attachment.title"},
      {"long title", [](auto& a) { a.set_title(std::string(201, 'a')); }, "attachment.title"},
      {"title on two lines", [](auto& a) { a.set_title("Biên bản\nphiên 7"); }, "attachment.title"},
      {"no uri", [](auto& a) { a.clear_uri(); }, "attachment.uri"},
      {"long uri", [](auto& a) { a.set_uri(std::string(501, 'u')); }, "attachment.uri"},
      {"unknown kind", [](auto& a) { a.set_kind("photo"); }, "attachment.kind"},
      {"upper-case kind", [](auto& a) { a.set_kind("Minutes"); }, "attachment.kind"},
  };
  for (const auto& c : cases) {
    v1::Attachment a = ValidAttachment();
    c.spoil(a);
    Status st = NormalizeAttachment(a);
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << c.what;
    EXPECT_EQ(st.field(), c.field) << c.what << ": " << st.ToString();
  }
  v1::Attachment longest = ValidAttachment();
  longest.set_title(std::string(200, 'a'));
  longest.set_uri(std::string(500, 'u'));
  EXPECT_TRUE(NormalizeAttachment(longest).ok());
}

TEST(DossierRulesTest, HistoryNotes) {
  for (const char* kind : {"objection_lodged", "objection_resolved", "appraisal", "disclosure"}) {
    std::string text = " Ông A phản ánh thành tích chưa đúng.\nĐề nghị xác minh. ";
    ASSERT_TRUE(NormalizeHistoryNote(kind, text).ok()) << kind;
    EXPECT_EQ(text, "Ông A phản ánh thành tích chưa đúng.\nĐề nghị xác minh.");
  }
  // The actions of changes are not note kinds: a note must never pass for one.
  for (const char* kind : {"", "create", "transition", "attach", "Appraisal", "objection"}) {
    std::string text = "Ghi chú";
    EXPECT_EQ(NormalizeHistoryNote(kind, text).field(), "kind") << kind;
  }
  std::string empty = " \n ";
  EXPECT_EQ(NormalizeHistoryNote("appraisal", empty).field(), "text");
  std::string too_long(2001, 'x');
  EXPECT_EQ(NormalizeHistoryNote("appraisal", too_long).field(), "text");
  std::string longest(2000, 'x');
  EXPECT_TRUE(NormalizeHistoryNote("appraisal", longest).ok());
}

v1::Recognition ValidRecognition() {
  v1::Recognition r;
  r.set_decision_number("125/QĐ-UBND");
  r.set_decision_date("2026-12-15");
  r.set_form("Chiến sĩ thi đua cơ sở");
  r.set_title_code("chien-si-thi-dua-co-so");
  return r;
}

TEST(DossierRulesTest, RecognitionOnlyWithRecognitionOrProposal) {
  v1::Recognition r = ValidRecognition();
  EXPECT_TRUE(NormalizeRecognition(r, v1::RECOGNISED, kAgencies).ok());
  EXPECT_TRUE(NormalizeRecognition(r, v1::PROPOSED, kAgencies).ok());
  for (auto to : {v1::RETURNED, v1::REJECTED, v1::SUBMITTED, v1::REPLICATING, v1::REVOKED,
                  v1::NOMINATION_STATE_UNSPECIFIED}) {
    Status st = NormalizeRecognition(r, to, kAgencies);
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << StateName(to);
    EXPECT_EQ(st.field(), "recognition") << StateName(to);
  }
}

TEST(DossierRulesTest, RecognisingNeedsNumberAndDateProposingDoesNot) {
  v1::Recognition r;
  r.set_form("Tập thể lao động xuất sắc");
  EXPECT_TRUE(NormalizeRecognition(r, v1::PROPOSED, kAgencies).ok());
  EXPECT_EQ(NormalizeRecognition(r, v1::RECOGNISED, kAgencies).field(), "recognition.decision_number");
  r.set_decision_number("  125/QĐ-UBND ");
  EXPECT_EQ(NormalizeRecognition(r, v1::RECOGNISED, kAgencies).field(), "recognition.decision_date");
  r.set_decision_date("2026-12-15");
  ASSERT_TRUE(NormalizeRecognition(r, v1::RECOGNISED, kAgencies).ok());
  EXPECT_EQ(r.decision_number(), "125/QĐ-UBND");
  EXPECT_EQ(r.decided_by_agency(), "");  // Filled by the use case, from the caller.
}

TEST(DossierRulesTest, EachRecognitionProblemNamesItsField) {
  struct Case {
    const char* what;
    std::function<void(v1::Recognition&)> spoil;
    const char* field;
  };
  std::vector<Case> cases = {
      {"impossible date", [](auto& r) { r.set_decision_date("2026-02-30"); }, "recognition.decision_date"},
      {"date in another order", [](auto& r) { r.set_decision_date("15/12/2026"); }, "recognition.decision_date"},
      {"long form", [](auto& r) { r.set_form(std::string(201, 'f')); }, "recognition.form"},
      {"upper-case title code", [](auto& r) { r.set_title_code("Chien-si"); }, "recognition.title_code"},
      {"title code with diacritics", [](auto& r) { r.set_title_code("chiến-sĩ"); }, "recognition.title_code"},
      {"title code with underscore", [](auto& r) { r.set_title_code("chien_si"); }, "recognition.title_code"},
      {"unknown deciding agency", [](auto& r) { r.set_decided_by_agency("99999"); }, "recognition.decided_by_agency"},
      {"long decision number", [](auto& r) { r.set_decision_number(std::string(101, '1')); },
       "recognition.decision_number"},
  };
  for (const auto& c : cases) {
    v1::Recognition r = ValidRecognition();
    c.spoil(r);
    Status st = NormalizeRecognition(r, v1::RECOGNISED, kAgencies);
    EXPECT_EQ(st.code(), Code::kInvalidArgument) << c.what;
    EXPECT_EQ(st.field(), c.field) << c.what << ": " << st.ToString();
  }
  // A proposal with a date gives a valid one too.
  v1::Recognition proposal;
  proposal.set_decision_date("2026-13-01");
  EXPECT_EQ(NormalizeRecognition(proposal, v1::PROPOSED, kAgencies).field(), "recognition.decision_date");
}

TEST(DossierRulesTest, TitleCodes) {
  EXPECT_TRUE(IsTitleCode("chien-si-thi-dua-co-so"));
  EXPECT_TRUE(IsTitleCode("bang-khen-2026"));
  EXPECT_FALSE(IsTitleCode(""));
  EXPECT_FALSE(IsTitleCode("chien si"));
  EXPECT_FALSE(IsTitleCode(std::string(101, 'a')));
}

}  // namespace
}  // namespace tdkt::nomination
