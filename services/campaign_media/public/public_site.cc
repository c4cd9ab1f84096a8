#include "services/campaign_media/public/public_site.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
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
constexpr size_t kMaxCachedPages = 2000;  // Host is the client's: bound the map.

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

// A strong validator of the body: FNV-1a 64.
std::string ETagOf(const std::string& body) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : body) h = (h ^ c) * 1099511628211ULL;
  char out[24];
  std::snprintf(out, sizeof out, "\"%016llx\"", static_cast<unsigned long long>(h));
  return out;
}

// RFC 7231 IMF-fixdate, e.g. "Tue, 01 Dec 2026 22:03:43 GMT".
std::string HttpDate(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[40];
  std::strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return out;
}

bool Matches(const http::Request& request, const std::string& etag) {
  const std::string wanted = request.Header("If-None-Match");
  return !wanted.empty() && (wanted == "*" || wanted.find(etag) != std::string::npos);
}

http::Response NotModified(const http::Response& page) {
  http::Response r;
  r.status = 304;
  r.content_type = page.content_type;
  r.headers = page.headers;
  return r;
}

}  // namespace

PublicSiteComponent::PublicSiteComponent(CampaignMediaContext& ctx, PublishedItems& items, std::string host,
                                         int port, prometheus::Registry* registry, PublicSiteOptions options)
    : ctx_(ctx),
      items_(items),
      host_(std::move(host)),
      port_(port),
      registry_(registry),
      options_(options),
      versions_(ctx.redis) {}

http::Response PublicSiteComponent::Cached(const http::Request& request, const std::string& agency,
                                           bool exemplar_data, const std::function<http::Response()>& render) {
  if (!options_.cache) return render();
  // The version is read BEFORE rendering: a change after this read bumps
  // it, so the page stored under it is never newer-than-claimed stale.
  auto version = versions_.Get(agency);
  if (!version.ok()) return Failure(version.status());
  std::string limit;
  request.Query("limit", &limit);
  const std::string key = request.path + "?" + limit + "|" + request.Header("Host");
  int64_t max_age = options_.max_age_s;
  if (exemplar_data) max_age = std::min<int64_t>(max_age, options_.exemplar_max_age_s);
  if (!version->has_value()) max_age = std::min<int64_t>(max_age, options_.unversioned_max_age_s);
  const int64_t now = ctx_.clock.NowSeconds();
  {
    std::lock_guard<std::mutex> lock(pages_mutex_);
    auto it = pages_.find(key);
    if (it != pages_.end() && it->second.version == *version && now - it->second.rendered_at < max_age &&
        now >= it->second.rendered_at) {
      const http::Response& page = it->second.response;
      if (Matches(request, ETagOf(page.body))) return NotModified(page);
      return page;
    }
  }
  http::Response page = render();
  if (page.status != 200) return page;
  const std::string etag = ETagOf(page.body);
  page.headers.emplace_back("ETag", etag);
  page.headers.emplace_back("Last-Modified", HttpDate(now));
  {
    std::lock_guard<std::mutex> lock(pages_mutex_);
    if (pages_.size() >= kMaxCachedPages) pages_.clear();
    pages_[key] = CachedPage{*version, now, page};
  }
  if (Matches(request, etag)) return NotModified(page);
  return page;
}

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
  return Cached(request, agency.id, false, [&] {
    auto items = Latest(agency.id, kFeedEntries);
    if (!items.ok()) return Failure(items.status());
    pub::FeedInfo info;
    info.agency_id = agency.id;
    info.agency_name = agency.name;
    info.base_url = BaseUrl(request);
    info.generated_at = ctx_.Now();
    return Ok("application/atom+xml; charset=utf-8", pub::RenderAtomFeed(info, *items));
  });
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
  return Cached(request, agency.id, true, [&] {
    auto items = Latest(agency.id, limit);
    if (!items.ok()) return Failure(items.status());
    pub::JsonFeedInfo info;
    info.agency_id = agency.id;
    info.agency_name = agency.name;
    info.generated_at = ctx_.Now();
    info.exemplar_names = ExemplarNames(*items);
    return Ok("application/json; charset=utf-8", pub::RenderJsonFeed(info, *items));
  });
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
  return Cached(request, agency.id, true, [&] { return RenderEpublication(agency.id, agency.name, year); });
}

http::Response PublicSiteComponent::RenderEpublication(const std::string& agency_id, const std::string& agency_name,
                                                       int year) {
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return Failure(tree.status());
  auto exemplars = RecognisedIn(agency_id, year);
  if (!exemplars.ok()) return Failure(exemplars.status());
  auto items = items_.PublishedInYear(agency_id, year);
  if (!items.ok()) return Failure(items.status());

  pub::EpublicationInput input;
  input.agency_id = agency_id;
  input.agency_name = agency_name;
  input.year = year;
  input.generated_at = ctx_.Now();
  // Field names by exemplar agency: national ones plus those its agency and
  // ancestors defined, one ListFields per agency of this page.
  std::map<std::string, std::map<std::string, std::string>> fields_of;
  std::map<std::string, size_t> index;
  for (auto& record : *exemplars) {
    pub::EpubExemplar ex;
    const std::string& unit_id = record.details().agency_id();
    const AgencyUnit* unit = (*tree)->Find(unit_id);
    ex.unit_name = unit ? unit->name : unit_id;
    auto known = fields_of.find(unit_id);
    if (known == fields_of.end()) {
      auto fields = ctx_.nominations.ListFields(unit_id);
      if (!fields.ok()) return Failure(fields.status());
      known = fields_of.emplace(unit_id, std::map<std::string, std::string>()).first;
      for (const auto& f : *fields) known->second[f.code()] = f.name();
    }
    ex.field_names = known->second;
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
