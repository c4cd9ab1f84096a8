// tdkt-bench: throughput and latency of creating and reading nominations,
// next to two baselines measured in the same run on the same machine: a
// minimal gRPC echo, and the same echo doing one Redis SET per call.
//
// `make bench` (deploy/run-bench.sh) starts a throwaway Redis and passes its
// port in TDKT_BENCH_REDIS_PORT. This program starts the servers itself (in
// a child process by default), runs the phases echo, echo+SET, create, get
// in that order, --rounds times, and prints the median of each figure.
// Exit code: 0, or 1 if any call failed; a missed target is reported only.
#include <openssl/rand.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "bench/load_generator.h"
#include "bench/servers.h"
#include "common/agency_tree.h"
#include "common/auth.h"
#include "common/config.h"
#include "common/log.h"
#include "common/redis_client.h"
#include "tdkt/bench/v1/echo.grpc.pb.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"

#ifndef TDKT_SOURCE_DIR
#define TDKT_SOURCE_DIR "."
#endif

namespace tdkt::bench {
namespace {

namespace nv1 = ::tdkt::nomination::v1;

constexpr double kTargetCreateVsEchoSet = 1.0;
constexpr double kTargetGetVsEcho = 0.7;

void DeclareOptions(Config& config) {
  config.Declare("concurrency", "16", "calls kept in flight (closed loop)");
  config.Declare("duration-s", "5", "measured seconds per phase");
  config.Declare("warmup-s", "1", "unmeasured seconds before each phase");
  config.Declare("rounds", "3", "times the whole phase sequence runs; figures are the median per phase");
  config.Declare("client-threads", "2", "load generator threads (each drives concurrency/threads calls)");
  config.Declare("phases", "echo,echo+SET,create,get", "phases to run, in this order (get reads what create made)");
  config.Declare("echo-payload-bytes", "100", "payload of the echo baselines");
  config.Declare("servers", "fork", "fork: servers in a child process; in-process: same process as the client");
  config.Declare("agencies-file", TDKT_SOURCE_DIR "/deploy/data/agencies-demo.json",
                 "agency units seeding the nomination node (created records use its leaf units)");
  config.Declare("bench-redis-host", "127.0.0.1", "Redis host");
  config.Declare("bench-redis-port", "", "Redis port (required; make bench sets it to a throwaway Redis)");
  config.Declare("redis-pool-size", "8", "Redis connections per server, as in production");
}

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    for (auto& b : raw) b = static_cast<unsigned char>(std::rand());
  }
  std::string hex;
  char buf[3];
  for (unsigned char b : raw) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    hex += buf;
  }
  return hex;
}

// Leaf units of the hierarchy (communes and wards in the demo data): where
// officers record candidates.
Result<std::vector<std::string>> LeafAgencies(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::InvalidArgument("agencies-file", "cannot read '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto tree = AgencyTree::FromJson(buffer.str(), "TW", "Ban Thi đua - Khen thưởng Trung ương");
  if (!tree.ok()) return tree.status();
  std::vector<std::string> leaves;
  for (const AgencyUnit* u : tree->AllParentsFirst()) {
    if (!u->parent_id.empty() && u->merged_into.empty() && tree->Children(u->id).empty()) leaves.push_back(u->id);
  }
  if (leaves.empty()) return Status::InvalidArgument("agencies-file", "has no leaf units to record candidates in");
  return leaves;
}

// ---- CPU accounting: where the machine's time goes, per call --------------

double SelfCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double ProcessCpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  double utime = 0, stime = 0;
  // After "pid (comm) ": state is field 3; utime and stime are fields 14, 15.
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stod(f);
    if (i == 15) stime = std::stod(f);
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double RedisCpuSeconds(RedisClient& redis) {
  auto reply = redis.Command({"INFO", "cpu"});
  if (!reply.ok()) return 0;
  double total = 0;
  std::istringstream lines(reply->str);
  std::string line;
  while (std::getline(lines, line)) {
    for (const char* key : {"used_cpu_sys:", "used_cpu_user:"}) {
      if (line.rfind(key, 0) == 0) total += std::stod(line.substr(std::string(key).size()));
    }
  }
  return total;
}

// Busy CPU seconds of the whole machine, from /proc/stat.
double MachineBusySeconds() {
  std::ifstream in("/proc/stat");
  std::string cpu;
  double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
  return (user + nice + system + irq + softirq + steal) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct CpuSample {
  double server = 0, client = 0, redis = 0;
};

// ---- The workload ---------------------------------------------------------

const char* const kFamilyNames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
const char* const kMiddleNames[] = {"Văn", "Thị", "Hữu", "Minh", "Thanh"};
const char* const kGivenNames[] = {"An", "Bình", "Cường", "Dũng", "Hạnh", "Lan", "Phương", "Thảo", "Quế"};
// About 300 characters, as an officer would type them (NFC, like most input).
const char* const kAchievements =
    "Có nhiều sáng kiến cải tiến quy trình khám chữa bệnh tại trạm y tế xã, rút ngắn thời gian chờ "
    "của người bệnh từ 45 phút xuống còn 15 phút; tích cực tuyên truyền phòng, chống dịch bệnh, vận "
    "động 98% hộ gia đình tham gia bảo hiểm y tế; ba năm liền hoàn thành xuất sắc nhiệm vụ, được "
    "nhân dân tín nhiệm và đồng nghiệp quý mến.";

template <typename T, size_t N>
const T& Pick(const T (&items)[N], uint64_t n) {
  return items[n % N];
}

struct Workload {
  std::string token;                  // Officer of "TW": may record anywhere.
  std::string run_tag;                // Keeps request ids unique across runs.
  std::vector<std::string> agencies;  // Leaf units to record candidates in.
  std::string echo_payload;
  std::mutex created_mutex;
  std::vector<std::string> created;   // Ids returned by CreateNomination.
};

void FillCreate(const Workload& w, uint64_t n, nv1::CreateNominationRequest& r) {
  r.set_request_id("bench-" + w.run_tag + "-" + std::to_string(n));
  auto* d = r.mutable_details();
  d->set_kind(nv1::INDIVIDUAL);
  d->set_name(std::string(Pick(kFamilyNames, n)) + " " + Pick(kMiddleNames, n / 8) + " " +
              Pick(kGivenNames, n / 40) + " " + std::to_string(n));
  d->set_agency_id(w.agencies[n % w.agencies.size()]);
  d->add_fields("health");
  d->set_achievements(kAchievements);
  d->set_discovered_by("Hội đồng Thi đua - Khen thưởng xã");
}

struct Stubs {
  std::unique_ptr<v1::EchoService::Stub> echo;
  std::unique_ptr<nv1::NominationService::Stub> nomination;
};

SlotFactory EchoSlots(Stubs& stubs, Workload& w, bool with_set) {
  return [&stubs, &w, with_set]() -> std::unique_ptr<CallSlot> {
    auto* stub = stubs.echo.get();
    return std::make_unique<UnaryCallSlot<v1::EchoRequest, v1::EchoResponse>>(
        [stub, with_set](grpc::ClientContext* c, const v1::EchoRequest& r, grpc::CompletionQueue* cq) {
          return with_set ? stub->PrepareAsyncEchoSet(c, r, cq) : stub->PrepareAsyncEcho(c, r, cq);
        },
        [&w](uint64_t, v1::EchoRequest& r, grpc::ClientContext&) { r.set_payload(w.echo_payload); },
        [&w](uint64_t, const v1::EchoResponse& r) -> std::string {
          return r.payload() == w.echo_payload ? "" : "echo returned a different payload";
        });
  };
}

SlotFactory CreateSlots(Stubs& stubs, Workload& w) {
  return [&stubs, &w]() -> std::unique_ptr<CallSlot> {
    auto* stub = stubs.nomination.get();
    return std::make_unique<UnaryCallSlot<nv1::CreateNominationRequest, nv1::Nomination>>(
        [stub](grpc::ClientContext* c, const nv1::CreateNominationRequest& r, grpc::CompletionQueue* cq) {
          return stub->PrepareAsyncCreateNomination(c, r, cq);
        },
        [&w](uint64_t n, nv1::CreateNominationRequest& r, grpc::ClientContext& c) {
          c.AddMetadata("authorization", "Bearer " + w.token);
          FillCreate(w, n, r);
        },
        [&w](uint64_t, const nv1::Nomination& r) -> std::string {
          if (r.id().empty() || r.version() != 1 || r.state() != nv1::DISCOVERED) {
            return "CreateNomination returned an unexpected record";
          }
          std::lock_guard<std::mutex> lock(w.created_mutex);
          w.created.push_back(r.id());
          return "";
        });
  };
}

// Reads back the ids created so far, round robin over a snapshot.
SlotFactory GetSlots(Stubs& stubs, Workload& w, std::shared_ptr<const std::vector<std::string>> ids) {
  return [&stubs, &w, ids]() -> std::unique_ptr<CallSlot> {
    auto* stub = stubs.nomination.get();
    return std::make_unique<UnaryCallSlot<nv1::GetNominationRequest, nv1::Nomination>>(
        [stub](grpc::ClientContext* c, const nv1::GetNominationRequest& r, grpc::CompletionQueue* cq) {
          return stub->PrepareAsyncGetNomination(c, r, cq);
        },
        [&w, ids](uint64_t n, nv1::GetNominationRequest& r, grpc::ClientContext& c) {
          c.AddMetadata("authorization", "Bearer " + w.token);
          r.set_id((*ids)[n % ids->size()]);
        },
        [ids](uint64_t n, const nv1::Nomination& r) -> std::string {
          return r.id() == (*ids)[n % ids->size()] ? "" : "GetNomination returned another record";
        });
  };
}

// ---- Results --------------------------------------------------------------

struct PhaseFigures {
  LoadResult load;
  CpuSample cpu_per_op_us;  // Microseconds of CPU per completed call.
  double other_cores = 0;   // CPU used meanwhile by other processes, in cores: noise.
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Row(const std::string& phase, double ops, double p50, double p99, uint64_t errors, const CpuSample& cpu,
                double other_cores, bool separate_server) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-10s %9.0f %8.2f %8.2f %7llu   %6s %6s %6s    %5.2f", phase.c_str(), ops, p50, p99,
                static_cast<unsigned long long>(errors), separate_server ? Fixed(cpu.server, 0).c_str() : "-",
                Fixed(cpu.redis, 0).c_str(), Fixed(cpu.client, 0).c_str(), other_cores);
  return buf;
}

std::string Header(bool separate_server) {
  return std::string("                                            CPU µs per call         other\n") +
         "phase          ops/s   p50 ms   p99 ms  errors   server  redis " +
         (separate_server ? "client" : "all-in") + "    cores";
}

std::string Verdict(const std::string& label, double ratio, double target) {
  return label + " = " + Fixed(ratio, 2) + "  (target >= " + Fixed(target, 1) + ")  " +
         (ratio >= target ? "PASS" : "MISS");
}

int Run(int argc, char** argv) {
  Config config;
  DeclareOptions(config);
  if (int exit_code = config.LoadCommandLine(argc, argv); exit_code >= 0) return exit_code;
  LoadOptions load;
  load.concurrency = std::max(1, config.GetInt("concurrency"));
  load.duration_s = std::max(1, config.GetInt("duration-s"));
  load.warmup_s = config.GetInt("warmup-s");
  load.threads = std::max(1, config.GetInt("client-threads"));
  const int rounds = std::max(1, config.GetInt("rounds"));
  std::vector<std::string> phase_names;
  {
    std::istringstream list(config.Get("phases"));
    std::string name;
    while (std::getline(list, name, ',')) {
      if (name != "echo" && name != "echo+SET" && name != "create" && name != "get") {
        std::cerr << "error: phases: unknown phase '" << name << "' (echo, echo+SET, create, get)\n";
        return 2;
      }
      phase_names.push_back(name);
    }
  }
  const bool fork_servers = config.Get("servers") != "in-process";
  if (config.Get("servers") != "fork" && fork_servers) {
    std::cerr << "error: servers: use 'fork' or 'in-process'\n";
    return 2;
  }
  if (config.GetInt("bench-redis-port") <= 0) {
    std::cerr << "error: no Redis to use: set TDKT_BENCH_REDIS_PORT or --bench-redis-port "
                 "(make bench starts a throwaway Redis and sets it)\n";
    return 2;
  }
  log::SetLevel("warn");  // Keep the servers' start-up lines out of the table.

  ServerSettings settings;
  settings.redis.host = config.Get("bench-redis-host");
  settings.redis.port = config.GetInt("bench-redis-port");
  settings.redis.pool_size = config.GetInt("redis-pool-size");
  settings.agencies_file = config.Get("agencies-file");
  settings.jwt_secret = RandomHex(32);  // 64 characters, fresh for each run.

  Workload workload;
  auto agencies = LeafAgencies(settings.agencies_file);
  if (!agencies.ok()) {
    std::cerr << "error: " << agencies.status().ToString() << "\n";
    return 2;
  }
  workload.agencies = std::move(*agencies);
  workload.run_tag = RandomHex(4);
  workload.echo_payload = std::string(std::max(0, config.GetInt("echo-payload-bytes")), 'x');

  // Fork first: nothing in this process has touched gRPC yet.
  std::unique_ptr<ForkedServers> forked;
  std::unique_ptr<InProcessServers> in_process;
  Result<ServerPorts> ports = Status::Internal("not started");
  if (fork_servers) {
    forked = std::make_unique<ForkedServers>();
    ports = forked->Start(settings);
  } else {
    in_process = std::make_unique<InProcessServers>(settings);
    ports = in_process->Start();
  }
  if (!ports.ok()) {
    std::cerr << "error: cannot start the servers: " << ports.status().ToString() << "\n";
    return 2;
  }
  const pid_t server_pid = fork_servers ? forked->pid() : -1;

  auto token = TokenVerifier(settings.jwt_secret).Mint(Caller{"bench-officer", Role::kOfficer, "TW"}, 24 * 3600);
  if (!token.ok()) {
    std::cerr << "error: " << token.status().ToString() << "\n";
    return 2;
  }
  workload.token = *token;

  // One channel (one HTTP/2 connection) per server, as a client process would have.
  auto connect = [](int port) {
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
    channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return channel;
  };
  Stubs stubs;
  stubs.echo = v1::EchoService::NewStub(connect(ports->echo));
  stubs.nomination = nv1::NominationService::NewStub(connect(ports->nomination));
  RedisClient redis(RedisOptions{settings.redis.host, settings.redis.port, 1}, nullptr);  // For INFO cpu only.

  std::printf("tdkt-bench: nproc %ld; concurrency %d on %d client thread(s); %g s warm-up + %g s measured per "
              "phase; %d round(s)\n",
              sysconf(_SC_NPROCESSORS_ONLN), load.concurrency, std::min(load.threads, load.concurrency),
              load.warmup_s, load.duration_s, rounds);
  std::printf("servers: %s; Redis %s:%d, pool %d per server; echo payload %zu bytes; creates spread over %zu "
              "agencies of %s\n\n",
              fork_servers ? "in a child process" : "in the load generator's process", settings.redis.host.c_str(),
              settings.redis.port, settings.redis.pool_size, workload.echo_payload.size(), workload.agencies.size(),
              settings.agencies_file.c_str());
  std::fflush(stdout);

  std::map<std::string, std::vector<PhaseFigures>> figures;
  for (int round = 1; round <= rounds; ++round) {
    std::printf("round %d of %d\n%s\n", round, rounds, Header(fork_servers).c_str());
    for (const auto& name : phase_names) {
      SlotFactory slots;
      if (name == "echo") slots = EchoSlots(stubs, workload, false);
      if (name == "echo+SET") slots = EchoSlots(stubs, workload, true);
      if (name == "create") slots = CreateSlots(stubs, workload);
      if (name == "get") {
        std::lock_guard<std::mutex> lock(workload.created_mutex);
        if (workload.created.empty()) {
          std::printf("%-10s skipped: no nomination was created\n", name.c_str());
          continue;
        }
        slots = GetSlots(stubs, workload, std::make_shared<const std::vector<std::string>>(workload.created));
      }
      CpuSample before{server_pid > 0 ? ProcessCpuSeconds(server_pid) : 0, SelfCpuSeconds(), RedisCpuSeconds(redis)};
      double busy_before = MachineBusySeconds();
      auto wall_start = std::chrono::steady_clock::now();
      PhaseFigures f;
      f.load = RunLoad(slots, load);
      double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
      double busy = MachineBusySeconds() - busy_before;
      CpuSample after{server_pid > 0 ? ProcessCpuSeconds(server_pid) : 0, SelfCpuSeconds(), RedisCpuSeconds(redis)};
      double ours = (after.server - before.server) + (after.client - before.client) + (after.redis - before.redis);
      f.other_cores = std::max(0.0, (busy - ours) / wall);
      // CPU over the whole phase (warm-up and drain included) per call made in it.
      double calls = static_cast<double>(f.load.completed_all);
      if (calls > 0) {
        f.cpu_per_op_us = {(after.server - before.server) / calls * 1e6, (after.client - before.client) / calls * 1e6,
                           (after.redis - before.redis) / calls * 1e6};
      }
      std::printf("%s\n", Row(name, f.load.ops_per_s, f.load.p50_ms, f.load.p99_ms, f.load.errors, f.cpu_per_op_us,
                              f.other_cores, fork_servers).c_str());
      if (f.load.errors > 0) std::printf("           first error: %s\n", f.load.first_error.c_str());
      std::fflush(stdout);
      figures[name].push_back(f);
    }
    std::printf("\n");
  }

  // The table: medians over the rounds, each figure on its own.
  std::printf("median of %d round(s) per figure; errors summed\n%s\n", rounds, Header(fork_servers).c_str());
  std::map<std::string, double> ops;
  uint64_t total_errors = 0;
  for (const auto& name : phase_names) {
    const auto& runs = figures[name];
    if (runs.empty()) continue;
    std::vector<double> o, p50, p99, srv, rds, cli, others;
    uint64_t errors = 0;
    for (const auto& f : runs) {
      o.push_back(f.load.ops_per_s);
      p50.push_back(f.load.p50_ms);
      p99.push_back(f.load.p99_ms);
      srv.push_back(f.cpu_per_op_us.server);
      rds.push_back(f.cpu_per_op_us.redis);
      cli.push_back(f.cpu_per_op_us.client);
      others.push_back(f.other_cores);
      errors += f.load.errors;
    }
    ops[name] = Median(o);
    total_errors += errors;
    std::printf("%s\n", Row(name, ops[name], Median(p50), Median(p99), errors, {Median(srv), Median(cli), Median(rds)},
                            Median(others), fork_servers).c_str());
  }
  std::printf("\nCPU µs per call: server = the servers' process, redis = redis-server (INFO cpu), client = this\n"
              "load generator (all-in: servers and client in one process), over the whole phase. other cores:\n"
              "CPU used meanwhile by other processes (noise; includes Redis AOF rewrites).\n\n");
  auto ratio = [&](const std::string& a, const std::string& b) { return ops[b] > 0 ? ops[a] / ops[b] : 0.0; };
  std::printf("%s\n", Verdict("ratio create / echo+SET", ratio("create", "echo+SET"), kTargetCreateVsEchoSet).c_str());
  std::printf("%s\n", Verdict("ratio get / echo       ", ratio("get", "echo"), kTargetGetVsEcho).c_str());
  if (total_errors > 0) {
    std::printf("\nFAILED: %llu call(s) did not succeed; see 'first error' above\n",
                static_cast<unsigned long long>(total_errors));
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace tdkt::bench

int main(int argc, char** argv) { return tdkt::bench::Run(argc, argv); }
