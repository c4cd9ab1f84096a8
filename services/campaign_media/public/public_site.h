// The public site of the node's agencies, over HTTP without a token:
//   GET /public/{agency}/feed.atom                Atom feed of published items
//   GET /public/{agency}/items.json?limit=N       JSON list for the portal column (N 1..100, default 20)
//   GET /public/{agency}/reader.html              feed reader view of feed.atom
//   GET /public/{agency}/epublication/{year}.html yearly e-publication of the exemplars
//   GET /healthz
// Only agencies inside the node's agency are served (404 otherwise). Items
// come only through PublishedItems (PUBLISHED and nothing else; the site
// filters again); exemplars from the nomination service. Owns no Redis keys.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/http_server.h"
#include "services/campaign_media/app/campaign_media_context.h"
#include "services/campaign_media/app/published_items.h"
#include "services/campaign_media/component.h"

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace tdkt::campaign_media {

class PublicSiteComponent : public Component {
 public:
  // `port` 0 = a free port (see port()); `registry` may be null.
  PublicSiteComponent(CampaignMediaContext& ctx, PublishedItems& items, std::string host, int port,
                      prometheus::Registry* registry);
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
  // Published items, filtered again to PUBLISHED.
  Result<std::vector<v1::MediaItem>> Latest(const std::string& agency, int limit);
  // Exemplar names by id, cached for a minute.
  std::map<std::string, std::string> ExemplarNames(const std::vector<v1::MediaItem>& items);
  // Exemplars of `agency`'s subtree recognised in `year`.
  Result<std::vector<nv1::Nomination>> RecognisedIn(const std::string& agency, int year);

  CampaignMediaContext& ctx_;
  PublishedItems& items_;
  std::string host_;
  int port_;
  prometheus::Registry* registry_;
  std::unique_ptr<http::HttpServer> server_;

  struct CachedName {
    std::string name;
    std::chrono::steady_clock::time_point expires;
  };
  std::mutex names_mutex_;
  std::map<std::string, CachedName> names_;
};

}  // namespace tdkt::campaign_media
