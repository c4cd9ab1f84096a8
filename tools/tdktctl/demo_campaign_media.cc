#include "tools/tdktctl/demo_campaign_media.h"

#include <ctime>

#include "common/vn_time.h"
#include "tdkt/campaign_media/v1/campaign.grpc.pb.h"
#include "tdkt/campaign_media/v1/contest.grpc.pb.h"
#include "tdkt/campaign_media/v1/media_item.grpc.pb.h"
#include "tdkt/campaign_media/v1/outreach.grpc.pb.h"
#include "tools/tdktctl/token.h"

namespace tdkt::ctl {
namespace {

namespace cv1 = ::tdkt::campaign_media::v1;
namespace nv1 = ::tdkt::nomination::v1;

constexpr char kIdPrefix[] = "demo-v1-cm-";
constexpr long kTokenTtlSeconds = 3600;

template <typename Service>
std::string Method(const char* name) {
  return std::string(Service::service_full_name()) + "/" + name;
}

grpc::Status WithContext(const grpc::Status& status, const std::string& context) {
  return grpc::Status(status.error_code(), context + ": " + status.error_message());
}

// A claim the record supports: its first achievement line, else its
// recognition decision.
void AddClaim(const nv1::Nomination& exemplar, const std::string& text, cv1::MediaItem* item) {
  auto* claim = item->add_claims();
  claim->set_exemplar_id(exemplar.id());
  claim->set_text(text);
  claim->set_achievement_ref(exemplar.details().achievements().empty() ? "recognition" : "achievement/1");
}

struct DemoItem {
  std::string key, kind, channel, title, body, claim;
};

class Loader {
 public:
  Loader(const CampaignMediaDemo& demo, RpcClient& officer, RpcClient& editor, int year)
      : demo_(demo), officer_(officer), editor_(editor), year_(std::to_string(year)) {}

  std::string Rid(const std::string& key) const { return std::string(kIdPrefix) + key + "-" + year_; }

  grpc::Status Campaign(Json* out) {
    cv1::CreateCampaignRequest r;
    r.set_request_id(Rid("campaign-11-6"));
    auto* c = r.mutable_campaign();
    c->set_agency_id(demo_.agency);
    c->set_name("Tuyên truyền điển hình tiên tiến nhân Ngày 11/6 năm " + year_);
    c->set_goal("Lan tỏa gương người tốt, việc tốt nhân kỷ niệm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc");
    c->set_start_date(year_ + "-06-01");
    c->set_end_date(year_ + "-06-30");
    for (const auto& e : demo_.exemplars) c->add_exemplar_ids(e.id());
    c->add_channels("portal");
    c->add_channels("loudspeaker");
    auto* planned = c->add_planned_items();
    planned->set_title("Phóng sự về điển hình tiên tiến phát trên loa truyền thanh cơ sở");
    planned->set_channel("loudspeaker");
    planned->set_kind("reportage");
    planned->set_planned_date(year_ + "-06-11");
    planned->set_anniversary_id("national-06-11");
    c->set_budget_vnd(120000000);
    cv1::Campaign created;
    grpc::Status st = officer_.Call(Method<cv1::CampaignService>("CreateCampaign"), r, &created);
    if (st.ok()) *out = Json{{"id", created.id()}, {"name", created.name()}};
    return st;
  }

  // Created by the editor, then moved on from wherever it is now.
  grpc::Status Item(const DemoItem& d, const nv1::Nomination& exemplar, Json* out) {
    cv1::CreateItemRequest r;
    r.set_request_id(Rid("item-" + d.key));
    auto* item = r.mutable_item();
    item->set_agency_id(demo_.agency);
    item->set_kind(d.kind);
    item->set_channel(d.channel);
    item->set_title(d.title);
    item->set_body(d.body);
    item->add_exemplar_ids(exemplar.id());
    AddClaim(exemplar, d.claim, item);
    cv1::MediaItem current;
    grpc::Status st = editor_.Call(Method<cv1::MediaItemService>("CreateItem"), r, &current);
    if (!st.ok()) return st;
    cv1::GetItemRequest get;
    get.set_id(current.id());
    st = editor_.Call(Method<cv1::MediaItemService>("GetItem"), get, &current);
    if (!st.ok()) return st;
    struct Step {
      cv1::MediaItemState from, to;
      RpcClient* who;
    };
    const Step steps[] = {{cv1::DRAFT, cv1::IN_REVIEW, &editor_},
                          {cv1::IN_REVIEW, cv1::APPROVED, &officer_},
                          {cv1::APPROVED, cv1::PUBLISHED, &editor_}};
    for (const auto& step : steps) {
      if (current.state() != step.from) continue;
      cv1::TransitionItemRequest t;
      t.set_request_id(Rid("item-" + d.key + "-" + cv1::MediaItemState_Name(step.to)));
      t.set_id(current.id());
      t.set_expected_version(current.version());
      t.set_to_state(step.to);
      st = step.who->Call(Method<cv1::MediaItemService>("TransitionItem"), t, &current);
      if (!st.ok()) return st;
    }
    *out = Json{{"id", current.id()}, {"title", current.title()}, {"state", cv1::MediaItemState_Name(current.state())}};
    return grpc::Status::OK;
  }

  grpc::Status Event(const nv1::Nomination& exemplar, Json* out) {
    cv1::RecordExchangeEventRequest r;
    r.set_request_id(Rid("exchange"));
    auto* e = r.mutable_event();
    e->set_agency_id(demo_.agency);
    e->set_kind(cv1::EXCHANGE);
    e->set_title("Giao lưu điển hình tiên tiến nhân Ngày 11/6");
    e->set_date(year_ + "-06-11");
    e->set_mode(cv1::IN_PERSON);
    e->add_audience("youth");
    e->add_exemplar_ids(exemplar.id());
    e->set_attendance(150);
    e->set_place("Hội trường Ủy ban nhân dân");
    cv1::ExchangeEvent recorded;
    grpc::Status st = officer_.Call(Method<cv1::OutreachService>("RecordExchangeEvent"), r, &recorded);
    if (st.ok()) *out = Json{{"id", recorded.id()}, {"date", recorded.date()}};
    return st;
  }

  grpc::Status Replication(const nv1::Nomination& exemplar, const std::string& adopting, Json* out) {
    cv1::RecordReplicationRequest r;
    r.set_request_id(Rid("replication"));
    auto* rep = r.mutable_replication();
    rep->set_agency_id(demo_.agency);
    rep->set_exemplar_id(exemplar.id());
    rep->set_adopting_agency_id(adopting);
    rep->set_adopted_date(year_ + "-05-01");
    rep->set_evidence_title("Báo cáo kết quả nhân rộng mô hình năm " + year_);
    cv1::Replication recorded;
    grpc::Status st = officer_.Call(Method<cv1::OutreachService>("RecordReplication"), r, &recorded);
    if (st.ok()) *out = Json{{"id", recorded.id()}, {"adopting_agency_id", recorded.adopting_agency_id()}};
    return st;
  }

  grpc::Status Contest(int entries, Json* out) {
    cv1::CreateContestRequest r;
    r.set_request_id(Rid("contest"));
    auto* c = r.mutable_contest();
    c->set_kind(cv1::WRITING);
    c->set_title("Cuộc thi viết về người tốt, việc tốt năm " + year_);
    c->set_rules("Mỗi tác giả gửi tối đa hai bài, không quá 3.000 chữ.");
    c->set_entry_deadline(year_ + "-12-31");
    auto* a = c->add_criteria();
    a->set_code("chan-thuc");
    a->set_name("Tính chân thực");
    a->set_weight(3);
    a->set_max_score(10);
    a->set_required(true);
    auto* b = c->add_criteria();
    b->set_code("van-phong");
    b->set_name("Văn phong");
    b->set_weight(1);
    b->set_max_score(10);
    for (const char* j : {"demo-giam-khao-1", "demo-giam-khao-2"}) c->add_jury(j);
    c->set_prizes(1);
    cv1::Contest contest;
    grpc::Status st = editor_.Call(Method<cv1::ContestService>("CreateContest"), r, &contest);
    if (!st.ok()) return st;
    static const char* kAuthors[][3] = {
        {"Trần Thị Mai", "Báo địa phương", "Người y sĩ ở xã đảo"},
        {"Lê Văn Nam", "Đài Phát thanh - Truyền hình", "Chuyện người hiến đất làm đường"},
        {"Phạm Thu Hà", "Trường Trung học phổ thông", "Cô giáo gieo chữ vùng cao"}};
    Json ids = Json::array();
    for (int i = 0; i < entries && i < 3; ++i) {
      cv1::SubmitEntryRequest er;
      er.set_request_id(Rid("contest-entry-" + std::to_string(i + 1)));
      auto* e = er.mutable_entry();
      e->set_contest_id(contest.id());
      e->set_author_name(kAuthors[i][0]);
      e->set_author_unit(kAuthors[i][1]);
      e->set_title(kAuthors[i][2]);
      e->set_body(std::string(kAuthors[i][2]) + ": bài viết dự thi (nội dung minh họa).");
      cv1::ContestEntry entry;
      st = officer_.Call(Method<cv1::ContestService>("SubmitEntry"), er, &entry);
      if (!st.ok()) return WithContext(st, "entry '" + std::string(kAuthors[i][2]) + "'");
      ids.push_back(entry.id());
    }
    *out = Json{{"id", contest.id()}, {"entries", ids}};
    return grpc::Status::OK;
  }

 private:
  const CampaignMediaDemo& demo_;
  RpcClient& officer_;
  RpcClient& editor_;
  std::string year_;
};

}  // namespace

grpc::Status LoadCampaignMediaDemo(const CampaignMediaDemo& demo, Json* summary) {
  if (demo.exemplars.empty()) {
    *summary = "skipped (no recognised exemplar)";
    return grpc::Status::OK;
  }
  auto officer_token = MintToken(demo.secret_file, "officer", demo.agency, "demo-officer", kTokenTtlSeconds);
  if (!officer_token.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, officer_token.status().ToString());
  auto editor_token =
      MintToken(demo.secret_file, "media_editor", demo.agency, "demo-media-editor", kTokenTtlSeconds);
  if (!editor_token.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, editor_token.status().ToString());
  Endpoint as_officer = demo.endpoint, as_editor = demo.endpoint;
  as_officer.token = *officer_token;
  as_editor.token = *editor_token;
  RpcClient officer(as_officer), editor(as_editor);

  // The campaign, the event and the replication are dated around 11 June:
  // this year once it has passed, else last year (nothing in the future).
  const std::time_t now = std::time(nullptr);
  const int this_year = VietnamYear(now);
  const bool june_passed = FormatVietnamTime(now, "%m-%d") > "06-30";
  Loader loader(demo, officer, editor, june_passed ? this_year : this_year - 1);
  Loader current(demo, officer, editor, this_year);  // Items and the contest: now.

  const nv1::Nomination& first = demo.exemplars.front();
  const nv1::Nomination& second = demo.exemplars.size() > 1 ? demo.exemplars[1] : first;
  Json campaign, event, replication, contest;
  Json items = Json::array();
  grpc::Status st = loader.Campaign(&campaign);
  if (!st.ok()) return WithContext(st, "campaign");
  const DemoItem kItems[] = {
      {"article", "article", "portal", "Gương sáng " + first.details().name(),
       "Bài viết giới thiệu điển hình tiên tiến " + first.details().name() + ".\n\nNhững việc làm cụ thể.",
       "Thành tích được ghi nhận trong hồ sơ điển hình"},
      {"reportage", "reportage", "loudspeaker", "Phóng sự: " + second.details().name(),
       "Phóng sự phát trên loa truyền thanh cơ sở về " + second.details().name() + ".",
       "Thành tích được ghi nhận trong hồ sơ điển hình"}};
  for (size_t i = 0; i < 2; ++i) {
    Json item;
    st = current.Item(kItems[i], i == 0 ? first : second, &item);
    if (!st.ok()) return WithContext(st, "media item '" + kItems[i].title + "'");
    items.push_back(item);
  }
  st = loader.Event(first, &event);
  if (!st.ok()) return WithContext(st, "exchange event");
  // Adopted by another unit: the second exemplar's, else the node itself.
  std::string adopting = demo.agency;
  for (const auto& e : demo.exemplars) {
    const std::string unit = e.current_agency_id().empty() ? e.details().agency_id() : e.current_agency_id();
    const std::string first_unit =
        first.current_agency_id().empty() ? first.details().agency_id() : first.current_agency_id();
    if (unit != first_unit) {
      adopting = unit;
      break;
    }
  }
  st = loader.Replication(first, adopting, &replication);
  if (!st.ok()) return WithContext(st, "replication");
  st = current.Contest(3, &contest);
  if (!st.ok()) return WithContext(st, "contest");
  *summary = Json{{"campaign", campaign},
                  {"items", items},
                  {"exchange_event", event},
                  {"replication", replication},
                  {"contest", contest}};
  return grpc::Status::OK;
}

}  // namespace tdkt::ctl
