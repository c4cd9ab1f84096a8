// tdkt-feed-bench: throughput of the public site's feeds (issue 5), next to
// a baseline measured in the same run on the same server.
//
//   An in-process nomination node and campaign-media node (items and the
//   public site) over the Redis of TDKT_BENCH_REDIS_PORT; --items items of
//   Khánh Hòa created and published through the item use cases (each about
//   a recognised exemplar); then --clients keep-alive HTTP clients GET, for
//   --seconds each: /healthz (the baseline: the same HTTP server, no work),
//   /public/56/feed.atom and /public/56/items.json, on three sites of the
//   same node: without the render cache (every request reads and renders),
//   with it before the item store bumps the publication version (the
//   2-second interim), and with the version key present (as once
//   ItemStore::Save bumps it; the bench bumps it once itself). Prints
//   requests/s and feed / baseline. Exit code 0, or 1 when a response was
//   not 200 or a feed missed an item.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "common/auth.h"
#include "common/config.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "common/vn_time.h"
#include "services/campaign_media/campaign_media_node.h"
#include "services/campaign_media/items_component.h"
#include "services/campaign_media/public/public_site.h"
#include "services/campaign_media/storage/publication_version.h"
#include "services/nomination/nomination_node.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"

#ifndef TDKT_SOURCE_DIR
#define TDKT_SOURCE_DIR "."
#endif

namespace tdkt::bench {
namespace {

namespace nv1 = ::tdkt::nomination::v1;
namespace cv1 = ::tdkt::campaign_media::v1;
using Clock = std::chrono::steady_clock;

constexpr const char* kSecret = "bench-secret-0123456789abcdef0123456789abcdef";
constexpr const char* kProvince = "56";    // Tỉnh Khánh Hòa (deploy/data/agencies-demo.json).
constexpr const char* kWard = "22333";     // Phường Bắc Nha Trang.

void Fail(const std::string& what, const Status& status) {
  std::fprintf(stderr, "feed-bench: %s: %s\n", what.c_str(), status.ToString().c_str());
  std::exit(1);
}

std::unique_ptr<grpc::ClientContext> As(Role role, const std::string& agency) {
  TokenVerifier minter(kSecret);
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + *minter.Mint(Caller{"bench", role, agency}, 3600));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

// One recognised exemplar of the ward, through the nomination API.
std::string RecognisedExemplar(const std::shared_ptr<grpc::Channel>& channel, const std::string& today) {
  auto stub = nv1::NominationService::NewStub(channel);
  nv1::CreateNominationRequest create;
  create.set_request_id("feed-bench-create");
  auto* d = create.mutable_details();
  d->set_kind(nv1::INDIVIDUAL);
  d->set_name("Nguyễn Thị Huệ");
  d->set_agency_id(kWard);
  d->add_fields("health");
  d->set_achievements("Hoàn thành xuất sắc nhiệm vụ ba năm liền.");
  d->set_discovered_by("Phòng Nội vụ");
  nv1::Nomination n;
  grpc::Status st = stub->CreateNomination(As(Role::kOfficer, kWard).get(), create, &n);
  if (!st.ok()) Fail("create exemplar", Status::Internal(st.error_message()));
  for (nv1::NominationState to : {nv1::SUBMITTED, nv1::RECOGNISED}) {
    nv1::TransitionNominationRequest r;
    r.set_request_id("feed-bench-" + std::to_string(to));
    r.set_id(n.id());
    r.set_expected_version(n.version());
    r.set_to_state(to);
    r.set_reason("Quyết định của Hội đồng");
    if (to == nv1::RECOGNISED) {
      r.mutable_recognition()->set_decision_number("15/QĐ-UBND");
      r.mutable_recognition()->set_decision_date(today);
      r.mutable_recognition()->set_form("Chiến sĩ thi đua cơ sở");
      r.mutable_recognition()->set_title_code("chien-si-thi-dua-co-so");
    }
    st = stub->TransitionNomination(As(to == nv1::RECOGNISED ? Role::kNode : Role::kOfficer, kWard).get(), r, &n);
    if (!st.ok()) Fail("recognise exemplar", Status::Internal(st.error_message()));
  }
  return n.id();
}

// Creates and publishes `count` items through the item use cases.
void PublishItems(campaign_media::ItemManager& items, const std::string& exemplar, int count) {
  const Caller editor{"editor@56", Role::kMediaEditor, kProvince};
  const Caller officer{"officer@56", Role::kOfficer, kProvince};
  for (int i = 0; i < count; ++i) {
    cv1::CreateItemRequest create;
    create.set_request_id("feed-bench-item-" + std::to_string(i));
    auto* item = create.mutable_item();
    item->set_agency_id(kProvince);
    item->set_kind(i % 3 == 0 ? "reportage" : "article");
    item->set_channel(i % 2 == 0 ? "portal" : "newspaper");
    item->set_title("Gương sáng Nguyễn Thị Huệ – bài số " + std::to_string(i + 1) + " & \"người thầy thuốc\"");
    item->set_summary("Tấm gương người thầy thuốc tận tụy với người bệnh ở Phường Bắc Nha Trang, Tỉnh Khánh Hòa.");
    std::string body;
    for (int p = 0; p < 6; ++p) body += "Chị Huệ đã cứu chữa hàng trăm ca bệnh nặng, hiến máu nhân đạo nhiều lần. <b>\n\n";
    item->set_body(body);
    item->add_exemplar_ids(exemplar);
    auto made = items.Create(editor, create);
    if (!made.ok()) Fail("create item", made.status());
    cv1::MediaItem current = *made;
    int step = 0;
    for (auto [to, who] : {std::pair{cv1::IN_REVIEW, editor}, std::pair{cv1::APPROVED, officer},
                           std::pair{cv1::PUBLISHED, officer}}) {
      cv1::TransitionItemRequest move;
      move.set_request_id("feed-bench-move-" + std::to_string(i) + "-" + std::to_string(step++));
      move.set_id(current.id());
      move.set_expected_version(current.version());
      move.set_to_state(to);
      auto moved = items.Transition(who, move);
      if (!moved.ok()) Fail("move item", moved.status());
      current = *moved;
    }
  }
}

struct LoadResult {
  double per_second = 0;
  long requests = 0;
  long bad = 0;
  size_t bytes = 0;  // Size of one response.
};

// `clients` keep-alive clients GET `path` as fast as answered for `seconds`.
LoadResult Load(int port, const std::string& path, int clients, double seconds) {
  std::atomic<long> requests{0}, bad{0};
  std::atomic<size_t> bytes{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(30, 0);
      while (!stop.load(std::memory_order_relaxed)) {
        auto res = client.Get(path.c_str());
        if (!res || res->status != 200) {
          ++bad;
        } else {
          bytes = res->body.size();
        }
        ++requests;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  return LoadResult{requests / elapsed, requests.load(), bad.load(), bytes.load()};
}

int Run(int argc, char** argv) {
  Config config;
  config.Declare("items", "200", "published items of the province (the feed shows 50, the list 20)");
  config.Declare("seconds", "3", "seconds of load per URL");
  config.Declare("clients", "8", "concurrent keep-alive HTTP clients");
  config.Declare("agencies-file", TDKT_SOURCE_DIR "/deploy/data/agencies-demo.json", "agency units of the node");
  config.Declare("bench-redis-host", "127.0.0.1", "Redis host");
  config.Declare("bench-redis-port", "", "Redis port (required; make bench sets it to a throwaway Redis)");
  config.Declare("bench-redis-db", "13", "Redis logical database (flushed first)");
  config.Declare("log-level", "warn", "debug, info, warn or error");
  if (int exit_code = config.LoadCommandLine(argc, argv); exit_code >= 0) return exit_code;
  if (config.Get("bench-redis-port").empty()) {
    std::fprintf(stderr, "feed-bench: --bench-redis-port (TDKT_BENCH_REDIS_PORT) is required\n");
    return 2;
  }
  log::SetLevel(config.Get("log-level"));
  const int item_count = config.GetInt("items");
  const int clients = config.GetInt("clients");
  const double seconds = config.GetInt("seconds");

  RedisOptions redis;
  redis.host = config.Get("bench-redis-host");
  redis.port = config.GetInt("bench-redis-port");
  redis.db = config.GetInt("bench-redis-db");
  redis.pool_size = 16;
  redis.timeout_ms = 10000;
  {
    RedisClient flush(redis, nullptr);
    auto reply = flush.Command({"FLUSHDB"});
    if (!reply.ok()) Fail("flush Redis", reply.status());
  }

  nomination::NominationNodeOptions nomination_options;
  nomination_options.redis = redis;
  nomination_options.agencies_file = config.Get("agencies-file");
  nomination_options.jwt_secret = kSecret;
  nomination_options.node_agency = kProvince;
  Metrics nomination_metrics;
  nomination::NominationNode nomination(nomination_options, &nomination_metrics.registry());
  if (Status st = nomination.Initialize(); !st.ok()) Fail("nomination node", st);
  ServerHostOptions host_options;
  host_options.service_name = "nomination";
  ServerHost nomination_host(host_options, nomination_metrics);
  nomination.Register(nomination_host);
  if (Status st = nomination_host.Start(); !st.ok()) Fail("nomination server", st);
  const std::string nomination_address = "127.0.0.1:" + std::to_string(nomination_host.grpc_port());

  campaign_media::CampaignMediaNodeOptions cm_options;
  cm_options.redis = redis;
  cm_options.jwt_secret = kSecret;
  cm_options.node_agency = kProvince;
  cm_options.nomination_address = nomination_address;
  Metrics cm_metrics;
  campaign_media::CampaignMediaNode node(cm_options, &cm_metrics.registry());
  if (Status st = node.Initialize(); !st.ok()) Fail("campaign-media node", st);
  campaign_media::ItemsComponent items(node.context(), node.verifier(), 60000);
  campaign_media::PublicSiteOptions uncached_options;
  uncached_options.cache = false;
  campaign_media::PublicSiteComponent uncached(node.context(), items.manager(), "127.0.0.1", 0, nullptr,
                                               uncached_options);
  campaign_media::PublicSiteComponent site(node.context(), items.manager(), "127.0.0.1", 0, &cm_metrics.registry());
  for (auto* s : {&uncached, &site}) {
    if (Status st = s->Start(); !st.ok()) Fail("public site", st);
  }

  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto channel = grpc::CreateChannel(nomination_address, grpc::InsecureChannelCredentials());
  const std::string exemplar = RecognisedExemplar(channel, FormatVietnamTime(now, "%Y-%m-%d"));
  std::printf("feed: publishing %d items of province %s...\n", item_count, kProvince);
  std::fflush(stdout);
  const auto publish_start = Clock::now();
  PublishItems(items.manager(), exemplar, item_count);
  std::printf("feed: published in %.1f s; %d clients, %.0f s per URL\n",
              std::chrono::duration<double>(Clock::now() - publish_start).count(), clients, seconds);
  std::fflush(stdout);

  int rc = 0;
  // Correctness first: the feed has min(items, 50) entries, the list min(items, 20).
  auto check = [&](int port) {
    httplib::Client client("127.0.0.1", port);
    auto feed = client.Get("/public/56/feed.atom");
    auto list = client.Get("/public/56/items.json");
    auto count = [](const std::string& s, const std::string& what) {
      int n = 0;
      for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
      return n;
    };
    const int want_feed = std::min(item_count, 50), want_list = std::min(item_count, 20);
    if (!feed || !list || count(feed->body, "<entry>") != want_feed || count(list->body, "\"published_at\"") != want_list) {
      std::fprintf(stderr, "feed-bench: the feeds do not hold the published items\n");
      rc = 1;
    }
  };
  check(uncached.port());
  check(site.port());

  long bad = 0;
  const LoadResult base = Load(site.port(), "/healthz", clients, seconds);
  std::printf("feed: baseline GET /healthz: %.0f requests/s (%ld requests)\n", base.per_second, base.requests);
  bad += base.bad;
  auto measure = [&](const char* label, int port) {
    const LoadResult atom = Load(port, "/public/56/feed.atom", clients, seconds);
    const LoadResult json = Load(port, "/public/56/items.json", clients, seconds);
    std::printf("feed: [%s] GET feed.atom (50 entries, %zu bytes): %.0f requests/s; feed / baseline = %.3f\n", label,
                atom.bytes, atom.per_second, atom.per_second / base.per_second);
    std::printf("feed: [%s] GET items.json (20 items, %zu bytes): %.0f requests/s; feed / baseline = %.3f\n", label,
                json.bytes, json.per_second, json.per_second / base.per_second);
    std::fflush(stdout);
    bad += atom.bad + json.bad;
  };
  measure("no cache", uncached.port());
  campaign_media::PublicationVersion versions(node.context().redis);
  auto version = versions.Get(kProvince);
  if (!version.ok()) Fail("publication version", version.status());
  if (!version->has_value()) {
    measure("cache, no version key: 2 s TTL", site.port());
    if (Status st = versions.Bump(kProvince); !st.ok()) Fail("publication version", st);
  }
  measure("cache, versioned", site.port());
  if (bad > 0) {
    std::fprintf(stderr, "feed-bench: %ld responses were not 200\n", bad);
    rc = 1;
  }
  uncached.Stop();
  site.Stop();
  nomination_host.Shutdown(1000);
  return rc;
}

}  // namespace
}  // namespace tdkt::bench

int main(int argc, char** argv) { return tdkt::bench::Run(argc, argv); }
