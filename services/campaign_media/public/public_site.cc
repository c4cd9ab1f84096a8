#include "services/campaign_media/public/public_site.h"

#include <algorithm>
#include <set>

#include "common/agency_tree.h"
#include "common/log.h"
#include "services/campaign_media/public/atom_feed.h"
#include "services/campaign_media/public/epublication.h"
#include "services/campaign_media/public/json_feed.h"
#include "services/campaign_media/public/reader_page.h"

namespace tdkt::campaign_media {

namespace {

constexpr int kFeedEntries = 50;
constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;
constexpr auto kNameTtl = std::chrono::seconds(60);

http::Response Text(int status, const std::string& message) {
  http::Response r;
  r.status = status;
  r.body = message + "\n";
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response Ok(std::string content_type, std::string body) {
  http::Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "public, max-age=60");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return r;
}

// A failure of the stores behind the site: bad input is the caller's,
// anything else is ours to retry.
http::Response Failure(const Status& st) {
  if (st.code() == Code::kInvalidArgument) return Text(400, "Yêu cầu không hợp lệ: " + st.message());
  if (st.code() == Code::kNotFound) return Text(404, "Không tìm thấy.");
  log::Warn("public site: store unavailable", {{"error", st.ToString()}});
  return Text(503, "Hệ thống tạm thời chưa phục vụ được, xin thử lại sau.");
}

bool AllDigits(const std::string& s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string BaseUrl(const http::Request& request) {
  const std::string host = request.Header("Host");
  return host.empty() ? "" : "http://" + host;
}

}  // namespace

PublicSiteComponent::PublicSiteComponent(CampaignMediaContext& ctx, PublishedItems& items, std::string host,
                                         int port, prometheus::Registry* registry)
    : ctx_(ctx), items_(items), host_(std::move(host)), port_(port), registry_(registry) {}

PublicSiteComponent::~PublicSiteComponent() { Stop(); }

Status PublicSiteComponent::Start() {
  if (server_) return Status::Ok();
  auto server = std::make_unique<http::HttpServer>(registry_);
  server->Get("/healthz", [](const http::Request&) { return Ok("text/plain; charset=utf-8", "ok\n"); });
  server->Get("/public/{agency}/feed.atom", [this](const http::Request& r) { return Feed(r); });
  server->Get("/public/{agency}/items.json", [this](const http::Request& r) { return Items(r); });
  server->Get("/public/{agency}/reader.html", [this](const http::Request& r) { return Reader(r); });
  server->Get("/public/{agency}/epublication/{year}.html", [this](const http::Request& r) { return Epublication(r); });
  TDKT_RETURN_IF_ERROR(server->Start(host_, port_));
  log::Info("public site listening", {{"host", host_}, {"port", std::to_string(server->port())}});
  server_ = std::move(server);
  return Status::Ok();
}

void PublicSiteComponent::Stop() {
  if (server_) server_->Stop();
}

int PublicSiteComponent::port() const { return server_ ? server_->port() : -1; }

bool PublicSiteComponent::FindAgency(const http::Request& request, Agency* agency, http::Response* error) {
  const std::string id = request.Param("agency");
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) {
    *error = Failure(tree.status());
    return false;
  }
  const AgencyUnit* unit = AgencyTree::IsValidId(id) ? (*tree)->Find(id) : nullptr;
  if (unit == nullptr || !(*tree)->IsWithin(ctx_.node_agency, id)) {
    *error = Text(404, "Không có trang công khai của đơn vị '" + (AgencyTree::IsValidId(id) ? id : "?") + "'.");
    return false;
  }
  agency->id = unit->id;
  agency->name = unit->name;
  return true;
}

Result<std::vector<v1::MediaItem>> PublicSiteComponent::Latest(const std::string& agency, int limit) {
  auto items = items_.LatestPublished(agency, limit);
  if (!items.ok()) return items.status();
  std::vector<v1::MediaItem> published;
  for (auto& item : *items) {
    if (item.state() == v1::PUBLISHED) published.push_back(std::move(item));
  }
  return published;
}

http::Response PublicSiteComponent::Feed(const http::Request& request) {
  Agency agency;
  http::Response error;
  if (!FindAgency(request, &agency, &error)) return error;
  auto items = Latest(agency.id, kFeedEntries);
  if (!items.ok()) return Failure(items.status());
  pub::FeedInfo info;
  info.agency_id = agency.id;
  info.agency_name = agency.name;
  info.base_url = BaseUrl(request);
  info.generated_at = ctx_.Now();
  return Ok("application/atom+xml; charset=utf-8", pub::RenderAtomFeed(info, *items));
}

http::Response PublicSiteComponent::Items(const http::Request& request) {
  int limit = kDefaultLimit;
  std::string raw;
  if (request.Query("limit", &raw)) {
    limit = AllDigits(raw, 3) ? std::stoi(raw) : 0;
    if (limit < 1 || limit > kMaxLimit) {
      http::Response r = Text(400, "");
      r.content_type = "application/json; charset=utf-8";
      r.body = pub::JsonError("limit", "Tham số limit phải là số nguyên từ 1 đến 100.");
      return r;
    }
  }
  Agency agency;
  http::Response error;
  if (!FindAgency(request, &agency, &error)) {
    error.content_type = "application/json; charset=utf-8";
    error.body = pub::JsonError("agency", error.status == 404 ? "Không có đơn vị này." : "Tạm thời chưa phục vụ được.");
    return error;
  }
  auto items = Latest(agency.id, limit);
  if (!items.ok()) return Failure(items.status());
  pub::JsonFeedInfo info;
  info.agency_id = agency.id;
  info.agency_name = agency.name;
  info.generated_at = ctx_.Now();
  info.exemplar_names = ExemplarNames(*items);
  return Ok("application/json; charset=utf-8", pub::RenderJsonFeed(info, *items));
}

http::Response PublicSiteComponent::Reader(const http::Request& request) {
  Agency agency;
  http::Response error;
  if (!FindAgency(request, &agency, &error)) return error;
  return Ok("text/html; charset=utf-8", pub::RenderReaderPage(agency.name, "feed.atom"));
}

http::Response PublicSiteComponent::Epublication(const http::Request& request) {
  const std::string year_text = request.Param("year");
  const int year = AllDigits(year_text, 4) ? std::stoi(year_text) : 0;
  if (year < 2000 || year > 2100) return Text(400, "Năm không hợp lệ: phải là năm từ 2000 đến 2100, ví dụ 2025.");
  Agency agency;
  http::Response error;
  if (!FindAgency(request, &agency, &error)) return error;
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return Failure(tree.status());
  auto exemplars = RecognisedIn(agency.id, year);
  if (!exemplars.ok()) return Failure(exemplars.status());
  auto items = items_.PublishedInYear(agency.id, year);
  if (!items.ok()) return Failure(items.status());

  pub::EpublicationInput input;
  input.agency_id = agency.id;
  input.agency_name = agency.name;
  input.year = year;
  input.generated_at = ctx_.Now();
  std::map<std::string, size_t> index;
  for (auto& record : *exemplars) {
    pub::EpubExemplar ex;
    const AgencyUnit* unit = (*tree)->Find(record.details().agency_id());
    ex.unit_name = unit ? unit->name : record.details().agency_id();
    index[record.id()] = input.exemplars.size();
    ex.record = std::move(record);
    input.exemplars.push_back(std::move(ex));
  }
  for (const auto& item : *items) {
    if (item.state() != v1::PUBLISHED) continue;
    bool placed = false;
    for (const auto& id : item.exemplar_ids()) {
      auto it = index.find(id);
      if (it == index.end()) continue;
      input.exemplars[it->second].items.push_back(item);
      placed = true;
    }
    if (!placed) input.other_items.push_back(item);
  }
  return Ok("text/html; charset=utf-8", pub::RenderEpublication(input));
}

Result<std::vector<nv1::Nomination>> PublicSiteComponent::RecognisedIn(const std::string& agency, int year) {
  std::vector<nv1::Nomination> found;
  for (nv1::NominationState state : {nv1::RECOGNISED, nv1::REPLICATING}) {
    nv1::ListNominationsRequest request;
    request.set_agency_id(agency);
    request.set_state(state);
    request.set_page_size(200);
    for (int page = 0; page < 100; ++page) {
      auto response = ctx_.nominations.List(request);
      if (!response.ok()) return response.status();
      for (const auto& record : response->nominations()) {
        const std::string& date = record.recognition().decision_date();
        if (date.size() >= 4 && date.compare(0, 4, std::to_string(year)) == 0) found.push_back(record);
      }
      if (response->next_page_token().empty()) break;
      request.set_page_token(response->next_page_token());
    }
  }
  std::sort(found.begin(), found.end(), [](const nv1::Nomination& a, const nv1::Nomination& b) {
    if (a.recognition().decision_date() != b.recognition().decision_date()) {
      return a.recognition().decision_date() < b.recognition().decision_date();
    }
    return a.details().name() < b.details().name();
  });
  return found;
}

std::map<std::string, std::string> PublicSiteComponent::ExemplarNames(const std::vector<v1::MediaItem>& items) {
  std::set<std::string> wanted;
  for (const auto& item : items) wanted.insert(item.exemplar_ids().begin(), item.exemplar_ids().end());
  std::map<std::string, std::string> names;
  const auto now = std::chrono::steady_clock::now();
  std::vector<std::string> missing;
  {
    std::lock_guard<std::mutex> lock(names_mutex_);
    for (const auto& id : wanted) {
      auto it = names_.find(id);
      if (it != names_.end() && it->second.expires > now) {
        names[id] = it->second.name;
      } else {
        missing.push_back(id);
      }
    }
  }
  for (const auto& id : missing) {
    auto record = ctx_.nominations.Get(id);
    if (!record.ok()) continue;  // Listed without a name rather than failing the page.
    names[id] = record->details().name();
    std::lock_guard<std::mutex> lock(names_mutex_);
    names_[id] = CachedName{record->details().name(), now + kNameTtl};
  }
  return names;
}

}  // namespace tdkt::campaign_media
