// tdkt-federation-bench: the three figures issue 4 asks for, each next to a
// baseline measured in the same run on the same machine.
//
//   drain   100,000 proposals queued at a commune node (state PROPOSED, in
//           its uplink stream), delivered by the real Uplink to a real
//           parent node over loopback: read record and history, sign, send,
//           verify, record once at the parent, note the receipt at the child.
//           Baseline: the same number of sequential gRPC echo calls carrying
//           a payload of the same size (one call in flight, like the uplink).
//   report  BuildReport of a province over 100,000 records through the real
//           reporting and nomination services. Baseline: paging through the
//           same records with ListNominations (the read alone).
//   rollup  The central roll-up (RollupFigures + ToReport) over 34 province
//           reports with every commune of 2025. Baseline: parsing the 34
//           serialized reports.
//
// `make bench` (deploy/run-bench.sh) starts a throwaway Redis and passes its
// port in TDKT_BENCH_REDIS_PORT. Each node uses its own logical database.
// Exit code 0, or 1 when a phase lost or duplicated anything.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "bench/echo_service.h"
#include "common/agency_tree.h"
#include "common/auth.h"
#include "common/config.h"
#include "common/federation/federation_config.h"
#include "common/federation/signing.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/nomination_client.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/nomination/nomination_node.h"
#include "services/nomination/storage/federation_store.h"
#include "services/nomination/storage/redis_nomination_repository.h"
#include "services/reporting/domain/report_rules.h"
#include "services/reporting/reporting_node.h"
#include "tdkt/bench/v1/echo.grpc.pb.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"

#ifndef TDKT_SOURCE_DIR
#define TDKT_SOURCE_DIR "."
#endif

namespace tdkt::bench {
namespace {

namespace nv1 = ::tdkt::nomination::v1;
namespace rv1 = ::tdkt::reporting::v1;
using Clock = std::chrono::steady_clock;

constexpr const char* kSecret = "bench-secret-0123456789abcdef0123456789abcdef";
constexpr const char* kProvince = "56";   // Tỉnh Khánh Hòa (deploy/data/agencies-demo.json).
constexpr const char* kCommune = "22333"; // Phường Bắc Nha Trang, one of its wards.
constexpr int kYear = 2026;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void Fail(const std::string& what, const Status& status) {
  std::fprintf(stderr, "federation-bench: %s: %s\n", what.c_str(), status.ToString().c_str());
  std::exit(1);
}

RedisOptions RedisOn(const Config& config, int db) {
  RedisOptions redis;
  redis.host = config.Get("bench-redis-host");
  redis.port = config.GetInt("bench-redis-port");
  redis.pool_size = 8;
  redis.timeout_ms = 10000;
  redis.db = db;
  return redis;
}

void FlushDb(const RedisOptions& options) {
  RedisClient redis(options, nullptr);
  auto reply = redis.Command({"FLUSHDB"});
  if (!reply.ok()) Fail("flush Redis db " + std::to_string(options.db), reply.status());
}

// A ServerHost on a free loopback port with the given services.
struct Served {
  Metrics metrics;
  std::unique_ptr<ServerHost> host;
  int port = 0;
  std::string address() const { return "127.0.0.1:" + std::to_string(port); }
};

template <typename RegisterFn>
std::unique_ptr<Served> Serve(const std::string& name, RegisterFn&& register_services) {
  auto served = std::make_unique<Served>();
  ServerHostOptions options;
  options.service_name = name;
  served->host = std::make_unique<ServerHost>(options, served->metrics);
  register_services(*served->host);
  Status st = served->host->Start();
  if (!st.ok()) Fail("start " + name, st);
  served->port = served->host->grpc_port();
  return served;
}

std::string BearerOf(Role role, const std::string& agency) {
  TokenVerifier minter(kSecret);
  return "Bearer " + *minter.Mint(Caller{"bench", role, agency}, 24 * 3600);
}

// ---- Records written straight through the repository (fast preload) -----

const char* const kNames[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hữu Cường", "Phạm Minh Dũng",
                              "Hoàng Thị Hạnh", "Vũ Thanh Lan", "Đặng Văn Phương", "Bùi Thị Thảo"};
const char* const kFields[] = {"health", "education", "agriculture", "social-security", "culture"};

// Writes `count` records under `units` (round robin) with `state_of(i)`, in
// `threads` parallel writers; `extras_of` adds the save's stream events.
void Preload(const RedisOptions& options, const std::vector<std::string>& units, int count, int threads,
             const std::function<nv1::NominationState(int)>& state_of,
             const std::function<nomination::SaveExtras(const nv1::Nomination&)>& extras_of) {
  RedisClient redis(options, nullptr);
  nomination::RedisNominationRepository repository(redis);
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (int i = next++; i < count && !failed; i = next++) {
        auto seq = repository.NextSequence();
        if (!seq.ok()) {
          failed = true;
          return;
        }
        const std::string& unit = units[i % units.size()];
        nv1::Nomination n;
        n.set_id("nom-" + unit + "-" + std::to_string(*seq));
        n.set_version(1);
        auto* d = n.mutable_details();
        d->set_kind(i % 5 == 0 ? nv1::COLLECTIVE : nv1::INDIVIDUAL);
        d->set_name(std::string(kNames[i % 8]) + " " + std::to_string(i));
        d->set_agency_id(unit);
        d->add_fields(kFields[i % 5]);
        d->set_achievements("Hoàn thành xuất sắc nhiệm vụ, có sáng kiến cải tiến được áp dụng rộng rãi.");
        d->mutable_discovered_at()->set_seconds(1767225600 + 3600LL * (i % 8000));  // 2026, Vietnam time
        n.set_state(state_of(i));
        if (n.state() == nv1::RECOGNISED) {
          n.mutable_recognition()->set_decision_number(std::to_string(i) + "/QĐ-UBND");
          n.mutable_recognition()->set_decision_date("2026-06-15");
          n.mutable_recognition()->set_form("Chiến sĩ thi đua cơ sở");
          n.mutable_recognition()->set_title_code("chien-si-thi-dua-co-so");
        }
        *n.mutable_created_at() = d->discovered_at();
        *n.mutable_updated_at() = d->discovered_at();
        n.set_created_by("bench");
        n.set_updated_by("bench");
        nv1::AuditEntry audit;
        audit.set_version(1);
        *audit.mutable_at() = n.created_at();
        audit.set_actor("bench");
        audit.set_action("create");
        audit.set_to_state(n.state());
        audit.set_request_id("preload-" + std::to_string(i));
        auto saved = repository.Save(nullptr, n, audit, "preload-" + std::to_string(i), "bench", "create",
                                     extras_of(n));
        if (!saved.ok()) {
          std::fprintf(stderr, "preload: %s\n", saved.status().ToString().c_str());
          failed = true;
          return;
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  if (failed) Fail("preload", Status::Internal("a record could not be written"));
}

// ---- drain -------------------------------------------------------------

// Sequential echo calls of `payload_bytes`: the floor of one-in-flight delivery.
double EchoRate(int calls, size_t payload_bytes, const RedisOptions& redis_options) {
  RedisClient redis(redis_options, nullptr);
  EchoService echo(redis);
  auto served = Serve("echo", [&](ServerHost& host) { host.AddService(&echo); });
  auto stub = v1::EchoService::NewStub(grpc::CreateChannel(served->address(), grpc::InsecureChannelCredentials()));
  v1::EchoRequest request;
  request.set_payload(std::string(payload_bytes, 'x'));
  auto start = Clock::now();
  for (int i = 0; i < calls; ++i) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::EchoResponse response;
    auto st = stub->Echo(&context, request, &response);
    if (!st.ok()) Fail("echo", Status::Internal(st.error_message()));
  }
  double rate = calls / Seconds(start);
  served->host->Shutdown(1000);
  return rate;
}

int RunDrain(const Config& config) {
  const int items = config.GetInt("drain-items");
  const RedisOptions child_redis = RedisOn(config, 11), parent_redis = RedisOn(config, 12);
  FlushDb(child_redis);
  FlushDb(parent_redis);
  const std::string agencies = config.Get("agencies-file");

  auto child_key = federation::SigningKey::Generate();
  auto parent_key = federation::SigningKey::Generate();

  // The parent: province node knowing the commune's key.
  nomination::NominationNodeOptions parent_options;
  parent_options.redis = parent_redis;
  parent_options.agencies_file = agencies;
  parent_options.jwt_secret = kSecret;
  parent_options.node_agency = kProvince;
  parent_options.federation.agency = kProvince;
  parent_options.federation.children.push_back({kCommune, child_key.PublicKeyBase64(), "", ""});
  parent_options.signing_key = parent_key;
  Metrics parent_metrics;
  nomination::NominationNode parent(parent_options, &parent_metrics.registry());
  if (Status st = parent.Initialize(); !st.ok()) Fail("parent node", st);
  auto parent_served = Serve("parent-nomination", [&](ServerHost& host) { parent.Register(host); });

  // The child: commune node whose parent is the province; drained by hand.
  nomination::NominationNodeOptions child_options;
  child_options.redis = child_redis;
  child_options.agencies_file = agencies;
  child_options.jwt_secret = kSecret;
  child_options.node_agency = kCommune;
  child_options.federation.agency = kCommune;
  child_options.federation.parent =
      federation::PeerNode{kProvince, parent_key.PublicKeyBase64(), parent_served->address(), ""};
  child_options.signing_key = child_key;
  child_options.federation_threads = false;
  Metrics child_metrics;
  nomination::NominationNode child(child_options, &child_metrics.registry());
  if (Status st = child.Initialize(); !st.ok()) Fail("child node", st);

  std::printf("drain: queueing %d proposals at commune %s...\n", items, kCommune);
  std::fflush(stdout);
  Preload(
      child_redis, {kCommune}, items, 2, [](int) { return nv1::PROPOSED; },
      [](const nv1::Nomination& n) {
        nomination::SaveExtras extras;
        extras.events.push_back({nomination::FederationStore::UplinkKey(),
                                 {{"id", n.id()}, {"version", std::to_string(n.version())}}});
        return extras;
      });
  auto before = child.uplink()->Stats();
  if (!before.ok() || before->depth != items) Fail("queue depth before draining", Status::Internal("wrong depth"));

  // One sealed proposal is about this big on the wire.
  const size_t envelope_bytes = 1200;
  const int echo_calls = std::min(items, config.GetInt("echo-calls"));
  double echo_rate = EchoRate(echo_calls, envelope_bytes, RedisOn(config, 13));

  auto start = Clock::now();
  int delivered = 0;
  while (delivered < items) {
    auto n = child.DrainUplinkOnce();
    if (!n.ok()) Fail("drain", n.status());
    if (*n == 0) break;
    delivered += *n;
  }
  double elapsed = Seconds(start);
  auto after = child.uplink()->Stats();
  RedisClient parent_client(parent_redis, nullptr);
  auto received = parent_client.Command({"ZCARD", "nom:{" + std::string(kCommune) + "}:ix:all"});
  const bool exact = after.ok() && after->depth == 0 && after->dead_letters == 0 && received.ok() &&
                     received->integer == items;
  double rate = delivered / elapsed;
  std::printf("drain: %d delivered in %.1f s = %.0f items/s; parent holds %lld records (%s)\n", delivered, elapsed,
              rate, received.ok() ? received->integer : -1LL, exact ? "exactly once" : "MISMATCH");
  std::printf("drain: baseline echo (%zu B, one in flight) %.0f calls/s; drain / echo = %.2f\n", envelope_bytes,
              echo_rate, rate / echo_rate);
  parent_served->host->Shutdown(1000);
  child.StopFederation();
  parent.StopFederation();
  return exact ? 0 : 1;
}

// ---- report ------------------------------------------------------------

std::vector<std::string> UnitsUnder(const std::string& agencies_file, const std::string& root) {
  auto tree = AgencyTree::FromJson(ReadFile(agencies_file), "TW", "Ban Thi đua - Khen thưởng Trung ương");
  if (!tree.ok()) Fail("agencies file", tree.status());
  std::vector<std::string> out;
  for (const auto& id : tree->Subtree(root)) {
    if (id != root) out.push_back(id);
  }
  return out;
}

int RunReport(const Config& config) {
  const int records = config.GetInt("report-records");
  const RedisOptions redis = RedisOn(config, 14);
  FlushDb(redis);
  const std::string agencies = config.Get("agencies-file");

  nomination::NominationNodeOptions nomination_options;
  nomination_options.redis = redis;
  nomination_options.agencies_file = agencies;
  nomination_options.jwt_secret = kSecret;
  nomination_options.node_agency = kProvince;
  Metrics nomination_metrics;
  nomination::NominationNode nomination(nomination_options, &nomination_metrics.registry());
  if (Status st = nomination.Initialize(); !st.ok()) Fail("nomination node", st);
  auto nomination_served = Serve("nomination", [&](ServerHost& host) { nomination.Register(host); });

  reporting::ReportingNodeOptions reporting_options;
  reporting_options.redis = redis;
  reporting_options.jwt_secret = kSecret;
  reporting_options.node_agency = kProvince;
  reporting_options.nomination_address = nomination_served->address();
  reporting_options.nomination_deadline_ms = 30000;
  Metrics reporting_metrics;
  reporting::ReportingNode reporting(reporting_options, &reporting_metrics.registry());
  if (Status st = reporting.Initialize(); !st.ok()) Fail("reporting node", st);
  auto reporting_served = Serve("reporting", [&](ServerHost& host) { reporting.Register(host); });

  std::printf("report: writing %d records in the units of province %s...\n", records, kProvince);
  std::fflush(stdout);
  const nv1::NominationState states[] = {nv1::DISCOVERED, nv1::FOSTERING, nv1::SUBMITTED, nv1::RECOGNISED,
                                         nv1::RECOGNISED, nv1::REPLICATING, nv1::RETURNED, nv1::PROPOSED};
  Preload(
      redis, UnitsUnder(agencies, kProvince), records, 2, [&](int i) { return states[i % 8]; },
      [](const nv1::Nomination&) { return nomination::SaveExtras{}; });

  // Baseline: read every record once through the nomination API.
  NominationClientOptions client_options;
  client_options.address = nomination_served->address();
  client_options.jwt_secret = kSecret;
  client_options.subject = "bench";
  client_options.agency = kProvince;
  client_options.deadline_ms = 30000;
  NominationClient client(client_options);
  const int rounds = std::max(1, config.GetInt("rounds"));
  std::vector<double> list_times, build_times;
  int64_t listed = 0, counted = 0;
  auto report_stub = rv1::ReportService::NewStub(
      grpc::CreateChannel(reporting_served->address(), grpc::InsecureChannelCredentials()));
  for (int round = 0; round < rounds; ++round) {
    auto start = Clock::now();
    nv1::ListNominationsRequest list;
    list.set_agency_id(kProvince);
    list.set_page_size(200);
    listed = 0;
    for (;;) {
      auto page = client.List(list);
      if (!page.ok()) Fail("list", page.status());
      listed += page->nominations_size();
      if (page->next_page_token().empty()) break;
      list.set_page_token(page->next_page_token());
    }
    list_times.push_back(Seconds(start));

    start = Clock::now();
    grpc::ClientContext context;
    context.AddMetadata("authorization", BearerOf(Role::kReportingOfficer, kProvince));
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(300));
    rv1::BuildReportRequest build;
    build.set_agency_id(kProvince);
    build.set_year(kYear);
    rv1::YearlyReport report;
    auto st = report_stub->BuildReport(&context, build, &report);
    if (!st.ok()) Fail("BuildReport", Status::Internal(st.error_message()));
    build_times.push_back(Seconds(start));
    counted = report.exemplars();
  }
  std::sort(list_times.begin(), list_times.end());
  std::sort(build_times.begin(), build_times.end());
  const double list_s = list_times[list_times.size() / 2], build_s = build_times[build_times.size() / 2];
  const bool exact = listed == records && counted == records;
  std::printf("report: BuildReport over %d records: %.2f s (median of %d); report counts %lld exemplars (%s)\n",
              records, build_s, rounds, static_cast<long long>(counted), exact ? "all" : "MISMATCH");
  std::printf("report: baseline ListNominations of the same %lld records: %.2f s; build / list = %.2f\n",
              static_cast<long long>(listed), list_s, build_s / list_s);
  reporting.StopUplink();
  reporting_served->host->Shutdown(1000);
  nomination_served->host->Shutdown(1000);
  return exact ? 0 : 1;
}

// ---- rollup ------------------------------------------------------------

int RunRollup(const Config& config) {
  const std::string units_file = config.Get("units-file");
  auto tree = AgencyTree::FromJson(ReadFile(units_file), "TW", "Ban Thi đua - Khen thưởng Trung ương");
  if (!tree.ok()) Fail("units file " + units_file, tree.status());
  const auto provinces = tree->Children("TW");
  const int count = std::min<int>(config.GetInt("rollup-provinces"), provinces.size());
  const auto rules = reporting::DefaultQuotaRules(reporting::PlanPeriodOf(kYear));

  // Each province's report: every commune with a few exemplars.
  std::vector<std::string> serialized;
  int64_t expected_exemplars = 0;
  for (int p = 0; p < count; ++p) {
    reporting::Figures figures;
    int c = 0;
    for (const auto& commune : tree->Children(provinces[p])) {
      const int64_t n = 3 + (c++ % 4);
      figures.exemplars += n;
      figures.by_agency[commune] += n;
      figures.by_state["RECOGNISED"] += n;
      figures.by_field["health"] += n;
      figures.by_kind["INDIVIDUAL"] += n;
      figures.recognitions += n;
      figures.by_form["chien-si-thi-dua-co-so"] += n;
      figures.recognised_by_agency[commune] += n;
    }
    expected_exemplars += figures.exemplars;
    serialized.push_back(reporting::ToReport(figures, *tree, provinces[p], kYear, rules, 0).SerializeAsString());
  }

  const int rounds = std::max(1, config.GetInt("rollup-rounds"));
  std::vector<double> parse_times, rollup_times;
  int64_t rolled = 0;
  for (int r = 0; r < rounds; ++r) {
    auto start = Clock::now();
    std::vector<rv1::YearlyReport> reports(serialized.size());
    for (size_t i = 0; i < serialized.size(); ++i) reports[i].ParseFromString(serialized[i]);
    parse_times.push_back(Seconds(start));

    start = Clock::now();
    auto figures = reporting::RollupFigures({}, {}, kYear, *tree, reports);
    auto central = reporting::ToReport(figures, *tree, "TW", kYear, rules, 0);
    rollup_times.push_back(Seconds(start));
    rolled = central.exemplars();
  }
  std::sort(parse_times.begin(), parse_times.end());
  std::sort(rollup_times.begin(), rollup_times.end());
  const double parse_ms = parse_times[rounds / 2] * 1000, rollup_ms = rollup_times[rounds / 2] * 1000;
  const bool exact = rolled == expected_exemplars;
  std::printf("rollup: central roll-up of %d province reports (%zu units): %.2f ms (median of %d); %lld exemplars (%s)\n",
              count, tree->size(), rollup_ms, rounds, static_cast<long long>(rolled),
              exact ? "= sum of the provinces" : "MISMATCH");
  std::printf("rollup: baseline parsing the %d reports: %.2f ms; rollup / parse = %.1f\n", count, parse_ms,
              rollup_ms / parse_ms);
  return exact ? 0 : 1;
}

int Run(int argc, char** argv) {
  Config config;
  config.Declare("phases", "drain,report,rollup", "phases to run, in this order");
  config.Declare("drain-items", "100000", "drain: proposals queued before the parent is reached");
  config.Declare("echo-calls", "20000", "drain: sequential echo calls of the baseline");
  config.Declare("report-records", "100000", "report: records of the province the report is built over");
  config.Declare("rounds", "3", "report: builds (and baseline listings); the median is shown");
  config.Declare("rollup-provinces", "34", "rollup: province reports merged at the centre");
  config.Declare("rollup-rounds", "21", "rollup: repetitions; the median is shown");
  config.Declare("agencies-file", TDKT_SOURCE_DIR "/deploy/data/agencies-demo.json",
                 "agency units of the drain and report nodes");
  const char* shared = std::getenv("TDKT_SHARED_DATA_DIR");
  config.Declare("units-file",
                 shared ? std::string(shared) + "/units-2025.json" : TDKT_SOURCE_DIR "/deploy/data/agencies-demo.json",
                 "rollup: the national unit list (34 provinces, 3,321 communes)");
  config.Declare("bench-redis-host", "127.0.0.1", "Redis host");
  config.Declare("bench-redis-port", "", "Redis port (required; make bench sets it to a throwaway Redis)");
  config.Declare("log-level", "warn", "debug, info, warn or error");
  if (int exit_code = config.LoadCommandLine(argc, argv); exit_code >= 0) return exit_code;
  if (config.Get("bench-redis-port").empty()) {
    std::fprintf(stderr, "federation-bench: --bench-redis-port (TDKT_BENCH_REDIS_PORT) is required\n");
    return 2;
  }
  log::SetLevel(config.Get("log-level"));
  int rc = 0;
  std::stringstream phases(config.Get("phases"));
  for (std::string phase; std::getline(phases, phase, ',');) {
    if (phase == "drain") rc |= RunDrain(config);
    else if (phase == "report") rc |= RunReport(config);
    else if (phase == "rollup") rc |= RunRollup(config);
    else {
      std::fprintf(stderr, "federation-bench: unknown phase '%s' (drain, report, rollup)\n", phase.c_str());
      return 2;
    }
    std::fflush(stdout);
  }
  return rc;
}

}  // namespace
}  // namespace tdkt::bench

int main(int argc, char** argv) { return tdkt::bench::Run(argc, argv); }
