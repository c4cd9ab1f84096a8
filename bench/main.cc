// tdkt-bench: throughput and latency of creating and reading nominations and
// of casting secret ballots, next to two baselines measured in the same run
// on the same machine: a minimal gRPC echo, and the same echo doing one Redis
// SET per call.
//
// `make bench` (deploy/run-bench.sh) starts a throwaway Redis and passes its
// port in TDKT_BENCH_REDIS_PORT. This program starts the servers itself (in
// child processes by default), runs the phases echo, echo+SET, create, get,
// vote in that order, --rounds times, and prints the median of each figure.
// Exit code: 0, or 1 if any call failed (or the stored ballots do not add
// up); a missed target is reported only.
#include <openssl/rand.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
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
#include "tdkt/evaluation/v1/council.grpc.pb.h"
#include "tdkt/evaluation/v1/session.grpc.pb.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"

#ifndef TDKT_SOURCE_DIR
#define TDKT_SOURCE_DIR "."
#endif

namespace tdkt::bench {
namespace {

namespace nv1 = ::tdkt::nomination::v1;
namespace ev1 = ::tdkt::evaluation::v1;

constexpr double kTargetCreateVsEchoSet = 1.0;
constexpr double kTargetGetVsEcho = 0.7;

void DeclareOptions(Config& config) {
  config.Declare("concurrency", "16", "calls kept in flight (closed loop)");
  config.Declare("duration-s", "5", "measured seconds per phase");
  config.Declare("warmup-s", "1", "unmeasured seconds before each phase");
  config.Declare("rounds", "3", "times the whole phase sequence runs; figures are the median per phase");
  config.Declare("client-threads", "2", "load generator threads (each drives concurrency/threads calls)");
  config.Declare("phases", "echo,echo+SET,create,get,vote",
                 "phases to run, in this order (get reads what create made; vote needs nothing earlier)");
  config.Declare("echo-payload-bytes", "100", "payload of the echo baselines");
  config.Declare("vote-members", "64", "vote: council members; each ballot is one member's on one nominee");
  config.Declare("vote-agenda", "16", "vote: nominees on each session's agenda");
  config.Declare("vote-max-rate", "20000",
                 "vote: ballots per second the open sessions must suffice for, each round (at least echo's rate)");
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
  std::unique_ptr<ev1::CouncilService::Stub> councils;
  std::unique_ptr<ev1::SessionService::Stub> sessions;
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

// ---- Voting: secret ballots in open council sessions ------------------------
//
// One council (--vote-members members, "m1".."mN", of the central board TW),
// --vote-agenda submitted nominations, and open sessions whose agenda holds
// those nominations, all members present. All of it is made outside the
// timing; ballot i of the run is member (i mod M) on nominee (i / M mod K) in
// session (i / (M K)), so no (session, nominee, member) votes twice.

struct Voting {
  std::string council_id;
  std::vector<std::string> members;     // Subjects.
  std::vector<std::string> bearers;     // "Bearer <council_member token>", by member.
  std::vector<std::string> nominees;    // Submitted nominations: the agenda of every session.
  std::vector<std::string> sessions;    // Open sessions, in the order their ballots are used.
  std::atomic<uint64_t> next{0};        // Next ballot of the pool.
  uint64_t accepted = 0;                // OK CastBallot calls over all rounds.
  uint64_t PerSession() const { return members.size() * nominees.size(); }
  uint64_t Pool() const { return sessions.size() * PerSession(); }
};

// A blocking call with a bearer token; a failure names the step.
template <typename Fn>
Status Blocking(const std::string& step, const std::string& token, Fn&& call) {
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + token);
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::Status status = call(&context);
  if (status.ok()) return Status::Ok();
  return Status::Internal("vote set-up: " + step + ": grpc code " + std::to_string(status.error_code()) + ": " +
                          status.error_message());
}

// A day in Vietnam (UTC+7), `days` from today, as YYYY-MM-DD.
std::string VietnamDay(int days) {
  time_t t = std::time(nullptr) + 7 * 3600 + static_cast<time_t>(days) * 86400;
  struct tm tm_utc;
  gmtime_r(&t, &tm_utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm_utc);
  return buf;
}

// The council, its members' tokens and the submitted nominations.
Status SetUpCouncil(Stubs& stubs, const Workload& w, const std::string& jwt_secret, int member_count,
                    int agenda_size, Voting& v) {
  TokenVerifier minter(jwt_secret);
  ev1::CreateCouncilRequest create;
  create.set_request_id("bench-" + w.run_tag + "-council");
  ev1::Council* c = create.mutable_council();
  c->set_agency_id("TW");
  c->set_name("Hội đồng Thi đua - Khen thưởng Trung ương");
  for (int i = 1; i <= member_count; ++i) {
    ev1::CouncilMember* m = c->add_members();
    m->set_subject("m" + std::to_string(i));
    m->set_full_name(std::string(Pick(kFamilyNames, i)) + " " + Pick(kMiddleNames, i / 8) + " " +
                     Pick(kGivenNames, i / 40) + " " + std::to_string(i));
    m->set_position(i == 1 ? ev1::CHAIR : i == 2 ? ev1::SECRETARY : ev1::MEMBER);
    m->set_agency_id("TW");  // Nominees are in leaf units: nobody is recused.
    auto token = minter.Mint(Caller{m->subject(), Role::kCouncilMember, "TW"}, 24 * 3600);
    if (!token.ok()) return token.status();
    v.members.push_back(m->subject());
    v.bearers.push_back("Bearer " + *token);
  }
  c->set_term_start(VietnamDay(-30));
  c->set_term_end(VietnamDay(365));
  c->set_quorum_percent(50);
  ev1::Council council;  // Thresholds, disclosure and sources: the national defaults.
  TDKT_RETURN_IF_ERROR(Blocking("CreateCouncil", w.token, [&](grpc::ClientContext* ctx) {
    return stubs.councils->CreateCouncil(ctx, create, &council);
  }));
  v.council_id = council.id();

  for (int k = 0; k < agenda_size; ++k) {
    nv1::CreateNominationRequest request;
    FillCreate(w, static_cast<uint64_t>(k), request);
    request.set_request_id("bench-" + w.run_tag + "-vote-nominee-" + std::to_string(k));
    nv1::Nomination created, submitted;
    TDKT_RETURN_IF_ERROR(Blocking("CreateNomination", w.token, [&](grpc::ClientContext* ctx) {
      return stubs.nomination->CreateNomination(ctx, request, &created);
    }));
    nv1::TransitionNominationRequest move;
    move.set_request_id("bench-" + w.run_tag + "-vote-submit-" + std::to_string(k));
    move.set_id(created.id());
    move.set_expected_version(created.version());
    move.set_to_state(nv1::SUBMITTED);
    TDKT_RETURN_IF_ERROR(Blocking("TransitionNomination to SUBMITTED", w.token, [&](grpc::ClientContext* ctx) {
      return stubs.nomination->TransitionNomination(ctx, move, &submitted);
    }));
    v.nominees.push_back(submitted.id());
  }
  return Status::Ok();
}

// One session: created, every nominee on the agenda, opened with all
// members present.
Result<std::string> OpenVotingSession(Stubs& stubs, const Workload& w, const Voting& v, size_t number) {
  const std::string tag = "bench-" + w.run_tag + "-session-" + std::to_string(number);
  ev1::CreateSessionRequest create;
  create.set_request_id(tag);
  create.set_council_id(v.council_id);
  create.set_title("Phiên bình xét năm " + VietnamDay(0).substr(0, 4) + " số " + std::to_string(number + 1));
  create.mutable_written_vote_deadline()->set_seconds(std::time(nullptr) + 24 * 3600);
  ev1::Session session;
  TDKT_RETURN_IF_ERROR(Blocking("CreateSession", w.token, [&](grpc::ClientContext* ctx) {
    return stubs.sessions->CreateSession(ctx, create, &session);
  }));
  for (size_t k = 0; k < v.nominees.size(); ++k) {
    ev1::AddAgendaItemRequest add;
    add.set_request_id(tag + "-item-" + std::to_string(k));
    add.set_session_id(session.id());
    add.set_nomination_id(v.nominees[k]);
    add.set_title_code("lao-dong-tien-tien");
    add.set_title_name("Lao động tiên tiến");
    ev1::Session ignored;
    TDKT_RETURN_IF_ERROR(Blocking("AddAgendaItem", w.token, [&](grpc::ClientContext* ctx) {
      return stubs.sessions->AddAgendaItem(ctx, add, &ignored);
    }));
  }
  ev1::OpenSessionRequest open;
  open.set_session_id(session.id());
  for (const auto& m : v.members) open.add_present(m);
  ev1::Session opened;
  TDKT_RETURN_IF_ERROR(Blocking("OpenSession", w.token, [&](grpc::ClientContext* ctx) {
    return stubs.sessions->OpenSession(ctx, open, &opened);
  }));
  if (opened.state() != ev1::IN_PROGRESS) {
    return Status::Internal("vote set-up: session " + opened.id() + " did not open");
  }
  return opened.id();
}

// Opens sessions until at least `ballots` unused ballots are left.
Status EnsureBallots(Stubs& stubs, const Workload& w, Voting& v, uint64_t ballots) {
  while (v.Pool() - std::min(v.Pool(), v.next.load()) < ballots) {
    auto id = OpenVotingSession(stubs, w, v, v.sessions.size());
    if (!id.ok()) return id.status();
    v.sessions.push_back(*id);
  }
  return Status::Ok();
}

// Every ballot the service accepted is stored: the ballots_cast of all
// sessions add up to the accepted calls.
Status CheckStoredBallots(Stubs& stubs, const Workload& w, const Voting& v, uint64_t* stored) {
  *stored = 0;
  for (const auto& id : v.sessions) {
    ev1::GetSessionRequest request;
    request.set_id(id);
    ev1::Session session;
    TDKT_RETURN_IF_ERROR(Blocking("GetSession", w.token, [&](grpc::ClientContext* ctx) {
      return stubs.sessions->GetSession(ctx, request, &session);
    }));
    for (const auto& item : session.agenda()) *stored += static_cast<uint64_t>(item.ballots_cast());
  }
  if (*stored != v.accepted) {
    return Status::Internal(std::to_string(*stored) + " ballots are stored, but the service accepted " +
                            std::to_string(v.accepted));
  }
  return Status::Ok();
}

const ev1::BallotChoice kChoices[] = {ev1::AGREE, ev1::AGREE, ev1::DISAGREE, ev1::AGREE, ev1::ABSTAIN};

// Each call casts the next unused ballot of the pool. When the pool has run
// out, the call goes without a token and fails (UNAUTHENTICATED): counted.
SlotFactory VoteSlots(Stubs& stubs, Voting& v) {
  return [&stubs, &v]() -> std::unique_ptr<CallSlot> {
    auto* stub = stubs.sessions.get();
    auto ballot = std::make_shared<uint64_t>(0);  // This slot's current ballot.
    return std::make_unique<UnaryCallSlot<ev1::CastBallotRequest, ev1::BallotReceipt>>(
        [stub](grpc::ClientContext* c, const ev1::CastBallotRequest& r, grpc::CompletionQueue* cq) {
          return stub->PrepareAsyncCastBallot(c, r, cq);
        },
        [&v, ballot](uint64_t, ev1::CastBallotRequest& r, grpc::ClientContext& c) {
          const uint64_t i = *ballot = v.next.fetch_add(1);
          if (i >= v.Pool()) return;
          const uint64_t in_session = i % v.PerSession();
          c.AddMetadata("authorization", v.bearers[in_session % v.members.size()]);
          r.set_session_id(v.sessions[i / v.PerSession()]);
          r.set_nomination_id(v.nominees[in_session / v.members.size()]);
          r.set_choice(Pick(kChoices, i));
        },
        [&v, ballot](uint64_t, const ev1::BallotReceipt& r) -> std::string {
          const uint64_t i = *ballot;
          if (i >= v.Pool()) return "the ballot pool ran out";
          if (r.session_id() != v.sessions[i / v.PerSession()] ||
              r.nomination_id() != v.nominees[i % v.PerSession() / v.members.size()]) {
            return "CastBallot returned a receipt for another ballot";
          }
          if (r.ballot_code().size() != 32 || r.secret().size() != 64) return "CastBallot returned a bad receipt";
          return "";
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

std::string Ratio(const std::string& label, double ratio) { return label + " = " + Fixed(ratio, 2) + "  (no target)"; }

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
      if (name != "echo" && name != "echo+SET" && name != "create" && name != "get" && name != "vote") {
        std::cerr << "error: phases: unknown phase '" << name << "' (echo, echo+SET, create, get, vote)\n";
        return 2;
      }
      phase_names.push_back(name);
    }
  }
  const int vote_members = config.GetInt("vote-members");
  const int vote_agenda = config.GetInt("vote-agenda");
  const double vote_max_rate = std::max(1, config.GetInt("vote-max-rate"));
  if (vote_members < 3 || vote_members > 200) {
    std::cerr << "error: vote-members: a council has 3 to 200 members\n";
    return 2;
  }
  if (vote_agenda < 1) {
    std::cerr << "error: vote-agenda: at least one nominee\n";
    return 2;
  }
  const bool fork_servers = config.Get("servers") != "in-process";
  if (config.Get("servers") != "fork" && fork_servers) {
    std::cerr << "error: servers: use 'fork' or 'in-process'\n";
    return 2;
  }
  const bool voting = std::find(phase_names.begin(), phase_names.end(), "vote") != phase_names.end();
  if (voting && !fork_servers) {
    std::cerr << "error: phases: vote needs --servers=fork (the evaluation server calls the nomination server; "
                 "in one process they stall each other)\n";
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
  const std::vector<pid_t> server_pids = fork_servers ? forked->pids() : std::vector<pid_t>{};
  auto servers_cpu = [&server_pids]() {
    double total = 0;
    for (pid_t pid : server_pids) total += ProcessCpuSeconds(pid);
    return total;
  };

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
  if (voting) {
    auto evaluation_channel = connect(ports->evaluation);
    stubs.councils = ev1::CouncilService::NewStub(evaluation_channel);
    stubs.sessions = ev1::SessionService::NewStub(evaluation_channel);
  }
  RedisClient redis(RedisOptions{settings.redis.host, settings.redis.port, 1}, nullptr);  // For INFO cpu only.

  std::printf("tdkt-bench: nproc %ld; concurrency %d on %d client thread(s); %g s warm-up + %g s measured per "
              "phase; %d round(s)\n",
              sysconf(_SC_NPROCESSORS_ONLN), load.concurrency, std::min(load.threads, load.concurrency),
              load.warmup_s, load.duration_s, rounds);
  std::printf("servers: %s; Redis %s:%d, pool %d per server; echo payload %zu bytes; creates spread over %zu "
              "agencies of %s\n",
              fork_servers ? "echo and nomination in a child process, evaluation in another"
                           : "in the load generator's process",
              settings.redis.host.c_str(),
              settings.redis.port, settings.redis.pool_size, workload.echo_payload.size(), workload.agencies.size(),
              settings.agencies_file.c_str());
  Voting voting_state;
  if (voting) {
    auto t0 = std::chrono::steady_clock::now();
    Status set_up = SetUpCouncil(stubs, workload, settings.jwt_secret, vote_members, vote_agenda, voting_state);
    if (!set_up.ok()) {
      std::cerr << "error: " << set_up.ToString() << "\n";
      return 2;
    }
    std::printf("vote: council %s of %d members (TW), %d submitted nominees on each session's agenda, all members "
                "present: %llu ballots per session; set up in %.1f s, outside the timing\n",
                voting_state.council_id.c_str(), vote_members, vote_agenda,
                static_cast<unsigned long long>(voting_state.PerSession()),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("\n");
  std::fflush(stdout);

  std::map<std::string, std::vector<PhaseFigures>> figures;
  double fastest_echo = 0;  // No call of any phase is faster: bounds the ballots a vote phase can use.
  uint64_t vote_errors = 0;
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
      if (name == "vote") {
        // Enough open sessions for this phase at the fastest plausible rate,
        // opened now, before the measurement starts.
        const double rate = std::max(vote_max_rate, fastest_echo);
        const auto needed = static_cast<uint64_t>(std::ceil(rate * (load.warmup_s + load.duration_s))) +
                            static_cast<uint64_t>(load.concurrency);
        const size_t sessions_before = voting_state.sessions.size();
        auto t0 = std::chrono::steady_clock::now();
        Status ready = EnsureBallots(stubs, workload, voting_state, needed);
        if (!ready.ok()) {
          std::cerr << "error: " << ready.ToString() << "\n";
          return 2;
        }
        std::printf("           (opened %zu session(s) in %.1f s for %llu unused ballots, at most %.0f/s; not timed)\n",
                    voting_state.sessions.size() - sessions_before,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                    static_cast<unsigned long long>(voting_state.Pool() - voting_state.next.load()), rate);
        std::fflush(stdout);
        slots = VoteSlots(stubs, voting_state);
      }
      CpuSample before{servers_cpu(), SelfCpuSeconds(), RedisCpuSeconds(redis)};
      double busy_before = MachineBusySeconds();
      auto wall_start = std::chrono::steady_clock::now();
      PhaseFigures f;
      f.load = RunLoad(slots, load);
      double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
      double busy = MachineBusySeconds() - busy_before;
      CpuSample after{servers_cpu(), SelfCpuSeconds(), RedisCpuSeconds(redis)};
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
      if (name == "echo") fastest_echo = std::max(fastest_echo, f.load.ops_per_s);
      if (name == "vote") {
        voting_state.accepted += f.load.completed_all;
        if (voting_state.next.load() > voting_state.Pool()) {
          std::printf("           the ballot pool ran out: raise --vote-max-rate\n");
        }
      }
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
  std::printf("\nCPU µs per call: server = the servers' processes, redis = redis-server (INFO cpu), client = this\n"
              "load generator (all-in: servers and client in one process), over the whole phase. other cores:\n"
              "CPU used meanwhile by other processes (noise; includes Redis AOF rewrites).\n\n");
  auto ratio = [&](const std::string& a, const std::string& b) { return ops[b] > 0 ? ops[a] / ops[b] : 0.0; };
  std::printf("%s\n", Verdict("ratio create / echo+SET", ratio("create", "echo+SET"), kTargetCreateVsEchoSet).c_str());
  std::printf("%s\n", Verdict("ratio get / echo       ", ratio("get", "echo"), kTargetGetVsEcho).c_str());
  if (!figures["vote"].empty()) {
    std::printf("%s\n", Ratio("ratio vote / echo+SET  ", ratio("vote", "echo+SET")).c_str());
    std::printf("%s\n", Ratio("ratio vote / echo      ", ratio("vote", "echo")).c_str());
    uint64_t stored = 0;
    Status counted = CheckStoredBallots(stubs, workload, voting_state, &stored);
    if (counted.ok()) {
      std::printf("vote check: %llu ballots stored in %zu sessions, as many as accepted\n",
                  static_cast<unsigned long long>(stored), voting_state.sessions.size());
    } else {
      std::printf("\nvote check FAILED: %s\n", counted.ToString().c_str());
      vote_errors = 1;
    }
  }
  if (total_errors > 0) {
    std::printf("\nFAILED: %llu call(s) did not succeed; see 'first error' above\n",
                static_cast<unsigned long long>(total_errors));
    return 1;
  }
  if (vote_errors > 0) return 1;
  return 0;
}

}  // namespace
}  // namespace tdkt::bench

int main(int argc, char** argv) { return tdkt::bench::Run(argc, argv); }
