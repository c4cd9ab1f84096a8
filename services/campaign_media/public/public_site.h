// The public site of the node's agencies, over HTTP without a token:
//   GET /public/{agency}/feed.atom                Atom feed of published items
//   GET /public/{agency}/items.json?limit=N       JSON list for the portal column (N 1..100, default 20)
//   GET /public/{agency}/reader.html              feed reader view of feed.atom
//   GET /public/{agency}/epublication/{year}.html yearly e-publication of the exemplars
//   GET /healthz
// Only agencies inside the node's agency are served (404 otherwise). Items
// come only through PublishedItems (PUBLISHED and nothing else; the site
// filters again); exemplars from the nomination service. Owns no Redis keys;
// reads cm:items:pubver:<A> (PublicationVersion).
//
// Render cache: feed.atom, items.json and the e-publication are rendered once
// and the bytes reused while the agency's publication version (bumped in the
// item store's save step on every item change) is unchanged, so a request
// costs one Redis HGET. Pages showing exemplar data (names in items.json, the
// e-publication's records) also expire after exemplar_max_age_s, since a
// nomination record changes without touching the version. While the version
// key is absent (item store not bumping it yet) every page expires after
// unversioned_max_age_s. Responses carry ETag / Last-Modified and answer
// If-None-Match with 304.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/http_server.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/published_items.h"
#include "services/campaign_media/component.h"
#include "services/campaign_media/storage/publication_version.h"

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace tdkt::campaign_media {

struct PublicSiteOptions {
  bool cache = true;               // Off for item sources that bypass the item store (tests).
  int unversioned_max_age_s = 2;   // While cm:items:pubver:<A> is absent.
  int exemplar_max_age_s = 5;      // Pages showing exemplar data.
  int max_age_s = 300;             // Any page (agency names come from the hierarchy).
};

class PublicSiteComponent : public Component {
 public:
  // `port` 0 = a free port (see port()); `registry` may be null.
  PublicSiteComponent(CampaignMediaContext& ctx, PublishedItems& items, std::string host, int port,
                      prometheus::Registry* registry, PublicSiteOptions options = {});
  ~PublicSiteComponent() override;

  void Register(ServerHost& host) override {}  // No gRPC services.
  Status Start() override;
  void Stop() override;
  // The port listened on, after Start; -1 before.
  int port() const;

 private:
  struct Agency {
    std::string id;
    std::string name;
  };
  // The agency of the request, or an error response (404/503) in *error.
  bool FindAgency(const http::Request& request, Agency* agency, http::Response* error);
  http::Response Feed(const http::Request& request);
  http::Response Items(const http::Request& request);
  http::Response Reader(const http::Request& request);
  http::Response Epublication(const http::Request& request);
  http::Response RenderEpublication(const std::string& agency_id, const std::string& agency_name, int year);
  // Published items, filtered again to PUBLISHED.
  Result<std::vector<v1::MediaItem>> Latest(const std::string& agency, int limit);
  // Exemplar names by id, cached for a minute.
  std::map<std::string, std::string> ExemplarNames(const std::vector<v1::MediaItem>& items);
  // The cached page for `request` of `agency` when still exact, else
  // render() (cached when 200). `exemplar_data`: the page shows exemplar
  // records, so it also expires after exemplar_max_age_s.
  http::Response Cached(const http::Request& request, const std::string& agency, bool exemplar_data,
                        const std::function<http::Response()>& render);
  // Exemplars of `agency`'s subtree recognised in `year`.
  Result<std::vector<nv1::Nomination>> RecognisedIn(const std::string& agency, int year);

  CampaignMediaContext& ctx_;
  PublishedItems& items_;
  std::string host_;
  int port_;
  prometheus::Registry* registry_;
  PublicSiteOptions options_;
  PublicationVersion versions_;
  std::unique_ptr<http::HttpServer> server_;

  struct CachedPage {
    std::optional<int64_t> version;  // Publication version it was rendered at.
    int64_t rendered_at = 0;         // ctx_.clock seconds.
    http::Response response;         // With ETag and Last-Modified.
  };
  std::mutex pages_mutex_;
  std::map<std::string, CachedPage> pages_;  // By path, query and Host.

  struct CachedName {
    std::string name;
    std::chrono::steady_clock::time_point expires;
  };
  std::mutex names_mutex_;
  std::map<std::string, CachedName> names_;
};

}  // namespace tdkt::campaign_media
