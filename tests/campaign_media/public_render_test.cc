// The public renderers (Atom, JSON, e-publication, reader page): structure,
// escaping of markup in every text, Vietnamese kept in NFC. Pure.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "services/campaign_media/public/atom_feed.h"
#include "services/campaign_media/public/epublication.h"
#include "services/campaign_media/public/json_feed.h"
#include "services/campaign_media/public/reader_page.h"

namespace tdkt::campaign_media::pub {
namespace {

namespace v1 = ::tdkt::campaign_media::v1;
namespace nv1 = ::tdkt::nomination::v1;

const std::string kScript = "<script>alert('x')</script>";
// "Nguyễn Thị Hương" precomposed (NFC) and decomposed (NFD: e + circumflex + tilde ...).
const std::string kNfcName = "Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B H\xC6\xB0\xC6\xA1ng";
const std::string kNfdName = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Hu\xCC\x9Bo\xCC\x9Bng";

v1::MediaItem Item(const std::string& id, const std::string& title, v1::MediaItemState state = v1::PUBLISHED) {
  v1::MediaItem item;
  item.set_id(id);
  item.set_agency_id("56");
  item.set_kind("article");
  item.set_channel("portal");
  item.set_title(title);
  item.set_summary("Tóm tắt " + title);
  item.set_body("Đoạn một.\n\nĐoạn hai.");
  item.set_author("Ban Thi đua – Khen thưởng");
  item.add_exemplar_ids("nom-56-1");
  item.set_state(state);
  item.mutable_published_at()->set_seconds(1767225600);  // 2026-01-01T07:00:00+07:00
  item.mutable_updated_at()->set_seconds(1767225600);
  return item;
}

// A small well-formedness check: tags nest and close, every & starts an entity.
bool WellFormedXml(const std::string& xml, std::string* why) {
  std::vector<std::string> open;
  size_t i = xml.find("?>");
  if (xml.rfind("<?xml", 0) != 0 || i == std::string::npos) return *why = "no declaration", false;
  for (i += 2; i < xml.size(); ++i) {
    if (xml[i] == '&') {
      size_t semi = xml.find(';', i);
      const std::string entity = xml.substr(i, semi == std::string::npos ? 0 : semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" && entity != "&apos;") {
        return *why = "bad entity at " + std::to_string(i), false;
      }
    }
    if (xml[i] == '>') return *why = "stray > at " + std::to_string(i), false;
    if (xml[i] != '<') continue;
    size_t end = xml.find('>', i);
    if (end == std::string::npos) return *why = "unclosed tag", false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos) return *why = "< inside a tag: " + tag, false;
    i = end;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return *why = "mismatched </" + tag + ">", false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find_first_of(" \n")));
    }
  }
  if (!open.empty()) return *why = "unclosed <" + open.back() + ">", false;
  return true;
}

int Count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

FeedInfo Info() {
  FeedInfo info;
  info.agency_id = "56";
  info.agency_name = "Tỉnh Khánh Hòa";
  info.base_url = "http://127.0.0.1:8080";
  info.generated_at.set_seconds(1767225600);
  return info;
}

TEST(AtomFeedTest, IsAtomWithFeedAndEntryElements) {
  const std::string xml = RenderAtomFeed(Info(), {Item("item-56-1", "Gương sáng"), Item("item-56-2", "Bài hai")});
  std::string why;
  EXPECT_TRUE(WellFormedXml(xml, &why)) << why << "\n" << xml;
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(xml.find("<id>tag:tdkt.gov.vn,2025:cm/feed/56</id>"), std::string::npos);
  EXPECT_NE(xml.find("Tỉnh Khánh Hòa</title>"), std::string::npos);
  EXPECT_NE(xml.find("<updated>2026-01-01T07:00:00+07:00</updated>"), std::string::npos);
  EXPECT_NE(xml.find("rel=\"self\" type=\"application/atom+xml\" href=\"http://127.0.0.1:8080/public/56/feed.atom\""),
            std::string::npos);
  EXPECT_NE(xml.find("rel=\"alternate\""), std::string::npos);
  EXPECT_EQ(Count(xml, "<entry>"), 2);
  EXPECT_NE(xml.find("<id>tag:tdkt.gov.vn,2025:cm/item/item-56-1</id>"), std::string::npos);
  EXPECT_NE(xml.find("<published>2026-01-01T07:00:00+07:00</published>"), std::string::npos);
  EXPECT_NE(xml.find("<category term=\"portal\" label=\"Chuyên mục trên cổng thông tin điện tử\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<content type=\"text\">Đoạn một."), std::string::npos);
  EXPECT_NE(xml.find("<author><name>Ban Thi đua – Khen thưởng</name></author>"), std::string::npos);
}

TEST(AtomFeedTest, EmptyFeedIsStillValid) {
  const std::string xml = RenderAtomFeed(Info(), {});
  std::string why;
  EXPECT_TRUE(WellFormedXml(xml, &why)) << why;
  EXPECT_EQ(Count(xml, "<entry>"), 0);
  EXPECT_NE(xml.find("<updated>2026-01-01T07:00:00+07:00</updated>"), std::string::npos);
}

TEST(AtomFeedTest, EscapesMarkupInEveryText) {
  v1::MediaItem item = Item("item-56-1", kScript);
  item.set_summary(kScript + " & <b>");
  item.set_body(kScript);
  item.set_author("<i>x</i>");
  FeedInfo info = Info();
  info.agency_name = "A & B <c>";
  const std::string xml = RenderAtomFeed(info, {item});
  std::string why;
  EXPECT_TRUE(WellFormedXml(xml, &why)) << why << "\n" << xml;
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
  EXPECT_EQ(xml.find("<i>"), std::string::npos);
  EXPECT_EQ(Count(xml, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"), 3);
  EXPECT_NE(xml.find("A &amp; B &lt;c&gt;"), std::string::npos);
}

TEST(AtomFeedTest, DropsControlCharactersAndRepairsUtf8) {
  const std::string xml = RenderAtomFeed(Info(), {Item("item-56-1", std::string("a\x01") + "b\xFF" + "c")});
  EXPECT_NE(xml.find("<title type=\"text\">ab\xEF\xBF\xBD" "c</title>"), std::string::npos) << xml;
}

TEST(AtomFeedTest, VietnameseComesOutInNfc) {
  const std::string xml = RenderAtomFeed(Info(), {Item("item-56-1", kNfdName)});
  EXPECT_NE(xml.find("<title type=\"text\">" + kNfcName + "</title>"), std::string::npos);
  EXPECT_EQ(xml.find(kNfdName), std::string::npos);
}

TEST(AtomFeedTest, RendersWhatItIsGiven) {
  // The renderer does not filter: the site passes only PUBLISHED items
  // (public_site_test checks that drafts and retracted items never show).
  const std::string xml = RenderAtomFeed(Info(), {Item("item-56-9", "Bản nháp", v1::DRAFT)});
  EXPECT_EQ(Count(xml, "<entry>"), 1);
}

JsonFeedInfo JInfo() {
  JsonFeedInfo info;
  info.agency_id = "56";
  info.agency_name = "Tỉnh Khánh Hòa";
  info.generated_at.set_seconds(1767225600);
  info.exemplar_names["nom-56-1"] = kNfdName;
  return info;
}

TEST(JsonFeedTest, ListsItemsWithLabelsExemplarsAndDates) {
  v1::MediaItem item = Item("item-56-1", "Gương sáng");
  item.add_exemplar_ids("nom-56-404");
  item.set_channel("loudspeaker");
  item.set_kind("reportage");
  const auto doc = nlohmann::json::parse(RenderJsonFeed(JInfo(), {item}));
  EXPECT_EQ(doc["agency"]["id"], "56");
  EXPECT_EQ(doc["agency"]["name"], "Tỉnh Khánh Hòa");
  ASSERT_EQ(doc["items"].size(), 1u);
  const auto& j = doc["items"][0];
  EXPECT_EQ(j["id"], "item-56-1");
  EXPECT_EQ(j["title"], "Gương sáng");
  EXPECT_EQ(j["summary"], "Tóm tắt Gương sáng");
  EXPECT_EQ(j["body"], "Đoạn một.\n\nĐoạn hai.");
  EXPECT_EQ(j["channel"], "loudspeaker");
  EXPECT_EQ(j["channel_label"], "Loa truyền thanh cơ sở");
  EXPECT_EQ(j["kind"], "reportage");
  EXPECT_EQ(j["kind_label"], "Phóng sự");
  EXPECT_EQ(j["published_at"], "2026-01-01T07:00:00+07:00");
  EXPECT_EQ(j["author"], "Ban Thi đua – Khen thưởng");
  ASSERT_EQ(j["exemplars"].size(), 2u);
  EXPECT_EQ(j["exemplars"][0]["id"], "nom-56-1");
  EXPECT_EQ(j["exemplars"][0]["name"], kNfcName);  // NFC
  EXPECT_EQ(j["exemplars"][1]["name"], "");
}

TEST(JsonFeedTest, EscapesMarkupSoItIsSafeInHtml) {
  v1::MediaItem item = Item("item-56-1", kScript);
  item.set_summary(kScript);
  item.set_body(kScript + " & more");
  const std::string text = RenderJsonFeed(JInfo(), {item});
  EXPECT_EQ(text.find('<'), std::string::npos);
  EXPECT_EQ(text.find('>'), std::string::npos);
  EXPECT_EQ(text.find('&'), std::string::npos);
  const auto doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["items"][0]["title"], kScript);  // The value itself is intact.
  EXPECT_EQ(doc["items"][0]["body"], kScript + " & more");
}

TEST(JsonFeedTest, ErrorNamesTheField) {
  const auto doc = nlohmann::json::parse(JsonError("limit", "Tham số limit phải là số <100>"));
  EXPECT_EQ(doc["error"]["field"], "limit");
  EXPECT_EQ(doc["error"]["message"], "Tham số limit phải là số <100>");
}

EpublicationInput Epub() {
  EpublicationInput input;
  input.agency_id = "56";
  input.agency_name = "Tỉnh Khánh Hòa";
  input.year = 2026;
  input.generated_at.set_seconds(1767225600);
  EpubExemplar ex;
  ex.record.set_id("nom-56-1");
  auto* d = ex.record.mutable_details();
  d->set_name(kNfdName);
  d->set_kind(nv1::INDIVIDUAL);
  d->set_agency_id("22333");
  d->add_fields("health");
  d->add_fields("custom:unknown");
  ex.field_names = {{"health", "Y tế"}, {"education", "Giáo dục và đào tạo"}};
  d->set_achievements("Cứu chữa 300 ca bệnh.\nHiến máu 20 lần.");
  auto* ini = d->add_initiatives();
  ini->set_title("Sổ khám bệnh điện tử");
  ini->set_description("Giảm thời gian chờ.");
  ini->set_recognised(true);
  ini->set_recognition_ref("12/QĐ-SYT");
  ex.record.mutable_recognition()->set_decision_number("125/QĐ-UBND");
  ex.record.mutable_recognition()->set_decision_date("2026-03-05");
  ex.record.mutable_recognition()->set_form("Bằng khen");
  ex.unit_name = "Phường Bắc Nha Trang";
  ex.items.push_back(Item("item-56-1", "Người thầy thuốc tận tụy"));
  input.exemplars.push_back(ex);
  EpubExemplar second;
  second.record.set_id("nom-56-2");
  second.record.mutable_details()->set_name("Hợp tác xã Ninh Hòa");
  second.record.mutable_details()->set_kind(nv1::COLLECTIVE);
  input.exemplars.push_back(second);
  return input;
}

TEST(EpublicationTest, IsOnePrintableHtmlFileWithCoverTocAndSections) {
  const std::string html = RenderEpublication(Epub());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("page-break-before: always"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);  // Self-contained.
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_NE(html.find("<div class=\"agency\">Tỉnh Khánh Hòa</div>"), std::string::npos);
  EXPECT_NE(html.find("Năm 2026"), std::string::npos);
  EXPECT_NE(html.find("<h2>Mục lục</h2>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#ex-1\">" + kNfcName + "</a> – Phường Bắc Nha Trang"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#ex-2\">Hợp tác xã Ninh Hòa</a>"), std::string::npos);
  EXPECT_EQ(Count(html, "<section class=\"exemplar\""), 2);
  EXPECT_NE(html.find("125/QĐ-UBND ngày 05/03/2026"), std::string::npos);
  EXPECT_NE(html.find("Bằng khen"), std::string::npos);
  EXPECT_NE(html.find("Cá nhân"), std::string::npos);
  EXPECT_NE(html.find("Tập thể"), std::string::npos);
  EXPECT_NE(html.find("<dd>Y tế, custom:unknown</dd>"), std::string::npos);  // Field names, not codes.
  EXPECT_NE(html.find("Cứu chữa 300 ca bệnh.<br>Hiến máu 20 lần."), std::string::npos);
  EXPECT_NE(html.find("<strong>Sổ khám bệnh điện tử</strong>: Giảm thời gian chờ. (đã được công nhận, 12/QĐ-SYT)"),
            std::string::npos);
  // The exemplar's item follows its section, before the next exemplar.
  const size_t item_at = html.find("<h3>Người thầy thuốc tận tụy</h3>");
  ASSERT_NE(item_at, std::string::npos);
  EXPECT_GT(item_at, html.find("id=\"ex-1\""));
  EXPECT_LT(item_at, html.find("id=\"ex-2\""));
  EXPECT_NE(html.find("<p>Đoạn một.</p>\n<p>Đoạn hai.</p>"), std::string::npos);
  EXPECT_EQ(html.find(kNfdName), std::string::npos);
}

TEST(EpublicationTest, EscapesMarkupEverywhere) {
  EpublicationInput input = Epub();
  input.agency_name = kScript;
  auto& ex = input.exemplars[0];
  ex.record.mutable_details()->set_name(kScript);
  ex.record.mutable_details()->set_achievements(kScript);
  ex.record.mutable_details()->mutable_initiatives(0)->set_title(kScript);
  ex.record.mutable_recognition()->set_form(kScript);
  ex.unit_name = kScript;
  ex.items[0].set_title(kScript);
  ex.items[0].set_summary(kScript);
  ex.items[0].set_body(kScript);
  ex.items[0].set_author(kScript);
  input.other_items.push_back(ex.items[0]);
  const std::string html = RenderEpublication(input);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_GE(Count(html, "&lt;script&gt;"), 12);
}

TEST(EpublicationTest, FieldsShowTheirVietnameseNames) {
  const std::string html = RenderEpublication(Epub());
  // A code without a known name is printed as it is rather than dropped.
  EXPECT_NE(html.find("<dt>Lĩnh vực</dt><dd>Y tế, custom:unknown</dd>"), std::string::npos) << html;
}

TEST(EpublicationTest, AYearWithoutExemplarsSaysSo) {
  EpublicationInput input = Epub();
  input.exemplars.clear();
  const std::string html = RenderEpublication(input);
  EXPECT_NE(html.find("chưa có điển hình nào được công nhận"), std::string::npos);
  EXPECT_EQ(Count(html, "<section"), 0);
}

TEST(ReaderPageTest, FetchesTheFeedAndWritesTextOnly) {
  const std::string html = RenderReaderPage("Tỉnh Khánh Hòa", "feed.atom");
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html.find("data-feed=\"feed.atom\""), std::string::npos);
  EXPECT_NE(html.find("fetch(feedUrl"), std::string::npos);
  EXPECT_NE(html.find("DOMParser"), std::string::npos);
  EXPECT_NE(html.find("textContent"), std::string::npos);
  EXPECT_EQ(html.find("innerHTML"), std::string::npos);
  EXPECT_EQ(html.find("outerHTML"), std::string::npos);
  EXPECT_EQ(html.find("xsl"), std::string::npos);
  EXPECT_NE(html.find("Tỉnh Khánh Hòa"), std::string::npos);
}

TEST(ReaderPageTest, EscapesTheAgencyName) {
  const std::string html = RenderReaderPage(kScript, "feed.atom");
  EXPECT_EQ(Count(html, "<script>"), 1);  // Only the page's own script.
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace tdkt::campaign_media::pub
