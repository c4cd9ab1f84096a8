#include "services/evaluation/domain/minutes.h"

#include <regex>

#include <gtest/gtest.h>

#include "services/evaluation/domain/ballot_code.h"

namespace tdkt::evaluation {
namespace {

const char kEvilName[] = "<script>alert('x')</script> & \"Bình\"";

v1::CouncilMember Member(const std::string& subject, const std::string& name, v1::MemberPosition position) {
  v1::CouncilMember m;
  m.set_subject(subject);
  m.set_full_name(name);
  m.set_position(position);
  return m;
}

MinutesInput Input(v1::SessionState state) {
  MinutesInput in;
  in.council_name = "Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa";
  v1::Session& s = in.session;
  s.set_id("ses-56-4");
  s.set_title("Phiên bình xét năm 2026");
  s.set_state(state);
  s.set_quorum_percent(67);
  *s.add_members() = Member("chu-tich", "Nguyễn Văn An", v1::CHAIR);
  *s.add_members() = Member("thu-ky", "Trần Thị Bình", v1::SECRETARY);
  *s.add_members() = Member("uy-vien-1", "Lê Văn Cường", v1::MEMBER);
  *s.add_members() = Member("uy-vien-2", "Phạm Thị Dung", v1::VICE_CHAIR);
  s.add_present("chu-tich");
  s.add_present("thu-ky");
  s.add_present("uy-vien-1");
  s.mutable_opened_at()->set_seconds(1795138200);  // 2026-11-20 08:30 Vietnam time.

  v1::AgendaItem* item = s.add_agenda();
  item->set_nomination_id("nom-22333-1");
  item->set_nominee_name("Nguyễn Thị Huệ");
  item->set_title_code("chien-si-thi-dua-tinh");
  item->set_title_name("Chiến sĩ thi đua cấp tỉnh");
  v1::Recusal* r = item->add_recusals();
  r->set_subject("uy-vien-1");
  r->set_full_name("Lê Văn Cường");
  r->set_reason(v1::SAME_UNIT);
  item->set_ballots_cast(3);

  item = s.add_agenda();
  item->set_nomination_id("nom-22333-2");
  item->set_nominee_name(kEvilName);
  item->set_title_code("chien-si-thi-dua-co-so");
  item->set_title_name("Chiến sĩ thi đua cơ sở");
  r = item->add_recusals();
  r->set_subject("uy-vien-2");
  r->set_full_name("Phạm Thị Dung");
  r->set_reason(v1::DECLARED_CONFLICT);
  r->set_note("Là người thân");

  if (state == v1::CLOSED) {
    s.mutable_closed_at()->set_seconds(1795149000);  // 11:30.
    in.results.set_session_id("ses-56-4");
    in.results.set_state(v1::CLOSED);
    in.results.set_frozen(true);
    v1::ItemResult* res = in.results.add_items();
    res->set_nomination_id("nom-22333-1");
    v1::Tally* t = res->mutable_tally();
    t->set_agree(7);
    t->set_disagree(1);
    t->set_abstain(1);
    t->set_not_voted(0);
    t->set_eligible(9);
    t->set_denominator(9);
    t->set_percent_needed(90);
    t->set_basis(v1::ALL_MEMBERS);
    t->set_legal_source("khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP");
    t->set_passed(false);
    res = in.results.add_items();
    res->set_nomination_id("nom-22333-2");
    t = res->mutable_tally();
    t->set_agree(3);
    t->set_denominator(3);
    t->set_eligible(3);
    t->set_percent_needed(60);
    t->set_basis(v1::PARTICIPATING_MEMBERS);
    t->set_legal_source("Quy chế <Hội đồng>");
    t->set_passed(true);
    res->mutable_scores()->set_members_scored(3);
    res->mutable_scores()->set_weighted_total(8.25);

    v1::Decision d;
    d.set_nomination_id("nom-22333-2");
    d.set_outcome(v1::RECOGNISE);
    d.set_decision_number("125/QĐ-UBND");
    d.set_decision_date("2026-12-10");
    in.decisions.push_back(d);
    d = v1::Decision();
    d.set_nomination_id("nom-22333-1");
    d.set_outcome(v1::RETURN);
    d.set_reason("Chưa đạt ngưỡng");
    in.decisions.push_back(d);
  }
  return in;
}

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST(MinutesTest, TextHasEverySection) {
  std::string text = RenderMinutesText(Input(v1::CLOSED));
  for (const char* heading : {"BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "Thành phần tham dự", "Vắng mặt",
                              "Thành viên không tham gia (xung đột lợi ích)", "Kết quả bỏ phiếu kín",
                              "Quyết định"}) {
    EXPECT_TRUE(Has(text, heading)) << heading;
  }
  EXPECT_TRUE(Has(text, "Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa"));
  EXPECT_TRUE(Has(text, "Phiên bình xét năm 2026"));
  EXPECT_TRUE(Has(text, "3/4 thành viên có mặt"));
  EXPECT_TRUE(Has(text, "Nguyễn Văn An, Chủ tịch Hội đồng"));
  EXPECT_TRUE(Has(text, "Phạm Thị Dung, Phó Chủ tịch Hội đồng"));
  EXPECT_TRUE(Has(text, "08:30 ngày 20/11/2026"));
  EXPECT_TRUE(Has(text, "Lê Văn Cường đối với Nguyễn Thị Huệ: cùng đơn vị công tác"));
  EXPECT_TRUE(Has(text, "tự khai báo xung đột lợi ích: Là người thân"));
  EXPECT_TRUE(Has(text, "Đồng ý 7/9 (77.8%), không đồng ý 1, phiếu trắng 1, chưa bỏ phiếu 0; ngưỡng 90% tổng số "
                        "thành viên (khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP) — Không đạt"));
  EXPECT_TRUE(Has(text, "Đồng ý 3/3 (100.0%)"));
  EXPECT_TRUE(Has(text, "— Đạt"));
  EXPECT_TRUE(Has(text, "Điểm bình quân có trọng số 8.25 (3 thành viên chấm)"));
  EXPECT_TRUE(Has(text, "Công nhận, khen thưởng: Chiến sĩ thi đua cơ sở; Quyết định số 125/QĐ-UBND ngày 10/12/2026"));
  EXPECT_TRUE(Has(text, "Trả lại đơn vị; lý do: Chưa đạt ngưỡng"));
  // Logins are not names: the minutes show people.
  EXPECT_FALSE(Has(text, "uy-vien-1"));
}

TEST(MinutesTest, NoTallyBeforeTheSessionCloses) {
  std::string text = RenderMinutesText(Input(v1::IN_PROGRESS));
  EXPECT_TRUE(Has(text, "Đang bỏ phiếu"));
  EXPECT_FALSE(Has(text, "Đồng ý"));
  EXPECT_FALSE(Has(text, "Đạt"));
  EXPECT_TRUE(Has(text, "Chưa có quyết định"));
  // Even with results passed in by mistake, nothing is shown before close.
  MinutesInput in = Input(v1::CLOSED);
  in.session.set_state(v1::IN_PROGRESS);
  text = RenderMinutesText(in);
  EXPECT_FALSE(Has(text, "Đồng ý 7/9"));
  std::string html = RenderMinutesHtml(in);
  EXPECT_FALSE(Has(html, "7/9"));
}

TEST(MinutesTest, HtmlIsAWholePageWithEveryValueEscaped) {
  std::string html = RenderMinutesHtml(Input(v1::CLOSED));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(Has(html, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(Has(html, "<table>"));
  EXPECT_TRUE(Has(html, "</html>"));
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(Has(html, "<Hội đồng>"));
  EXPECT_TRUE(Has(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bình&quot;"));
  EXPECT_TRUE(Has(html, "Quy chế &lt;Hội đồng&gt;"));
  for (const char* heading : {"Thành phần tham dự", "Vắng mặt", "Thành viên không tham gia (xung đột lợi ích)",
                              "Kết quả bỏ phiếu kín", "Quyết định"}) {
    EXPECT_TRUE(Has(html, heading)) << heading;
  }
  EXPECT_TRUE(Has(html, "7/9 (77.8%)"));
}

TEST(MinutesTest, EscapesTheCouncilAndSessionToo) {
  MinutesInput in = Input(v1::CLOSED);
  in.council_name = "<b>HĐ</b>";
  in.session.set_title("\"'&");
  in.session.mutable_members(0)->set_full_name("<img src=x onerror=alert(1)>");
  std::string html = RenderMinutesHtml(in);
  EXPECT_FALSE(Has(html, "<b>HĐ"));
  EXPECT_FALSE(Has(html, "<img"));
  EXPECT_TRUE(Has(html, "&lt;b&gt;HĐ&lt;/b&gt;"));
  EXPECT_TRUE(Has(html, "&quot;&#39;&amp;"));
}

TEST(MinutesTest, NeverABallotCode) {
  MinutesInput in = Input(v1::CLOSED);
  Result<BallotSecret> secret = NewBallotSecret();
  ASSERT_TRUE(secret.ok());
  const std::regex hex32("[0-9a-f]{32}");
  for (const std::string& out : {RenderMinutesText(in), RenderMinutesHtml(in)}) {
    EXPECT_FALSE(std::regex_search(out, hex32));
    EXPECT_FALSE(Has(out, secret->code));
    EXPECT_FALSE(Has(out, "ballot"));
  }
}

TEST(MinutesTest, AnEmptySessionStillRenders) {
  MinutesInput in;
  in.session.set_state(v1::SCHEDULED);
  std::string text = RenderMinutesText(in);
  EXPECT_TRUE(Has(text, "Không có người được đề nghị"));
  EXPECT_TRUE(Has(RenderMinutesHtml(in), "</html>"));
}

}  // namespace
}  // namespace tdkt::evaluation
