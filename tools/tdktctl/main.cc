// tdktctl: command-line client of the tdkt services. JSON in, JSON out.
// This file holds the command table and the global flags; each command lives
// in its own file (commands.h).
#include <cstdlib>
#include <iostream>
#include <set>

#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/csv_import.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/values.h"

namespace tdkt::ctl {
namespace {

struct Command {
  const char* name;
  const char* synopsis;  // arguments and flags after the name
  const char* summary;
  std::set<std::string> flags;  // accepted besides the global ones
  size_t min_args, max_args;    // positional arguments
  int (*run)(const Args&, const Endpoint&);
};

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"call", "<pkg.Service/Method> [JSON|-]", "call any RPC; the request is JSON (argument or '-' for stdin)",
       {}, 1, 2, RunCall},
      {"list-methods", "", "list every RPC this tool can call", {}, 0, 0, RunListMethods},
      {"health", "[--service=NAME]", "grpc.health.v1 check (1 s); prints SERVING, NOT_SERVING or UNAVAILABLE",
       {"service"}, 0, 0, RunHealth},
      {"token", "--role=R --agency=A --subject=S [--secret-file=var/jwt-secret] [--ttl=86400]",
       "mint an access token (creates the key file if missing); prints only the token",
       {"role", "agency", "subject", "secret-file", "ttl"}, 0, 0, RunToken},
      {"create",
       "--name= --kind=individual|collective|household --agency= --field=CODE... [--movement=] "
       "[--achievements=] [--discovered-by=] [--discovered-at=YYYY-MM-DD] [--initiative=TITLE...] "
       "[--evidence=TITLE...] [--request-id=]",
       "record a discovered candidate",
       {"name", "kind", "agency", "field", "movement", "achievements", "discovered-by", "discovered-at", "initiative",
        "evidence", "request-id"},
       0, 0, RunCreate},
      {"get", "ID", "read one candidate", {}, 1, 1, RunGet},
      {"history", "ID [--page-size=] [--page-token=] [--all]", "audit trail of a candidate",
       {"page-size", "page-token", "all"}, 1, 1, RunHistory},
      {"list",
       "[--agency=] [--state=] [--kind=] [--field=] [--year=] [--text=] [--page-size=] [--page-token=] [--all]",
       "list candidates, newest first (--all: every page as one JSON array)",
       {"agency", "state", "kind", "field", "year", "text", "page-size", "page-token", "all"}, 0, 0, RunList},
      {"transition", "ID --to=STATE --version=N [--reason=] [--request-id=]",
       "move a candidate to another state (discovered, fostering, submitted, recognised, returned, rejected, "
       "proposed, replicating, withdrawn, revoked)",
       {"to", "version", "reason", "request-id"}, 1, 1, RunTransition},
      {"foster",
       "ID --version=N --measure=TEXT... [--shortcoming=TEXT...] [--responsible=] [--target-date=YYYY-MM-DD] "
       "[--request-id=]",
       "set the fostering plan", {"version", "measure", "shortcoming", "responsible", "target-date", "request-id"},
       1, 1, RunFoster},
      {"follow-up", "ID --version=N --date=YYYY-MM-DD --note=TEXT [--request-id=]",
       "add a dated follow-up to the fostering plan", {"version", "date", "note", "request-id"}, 1, 1, RunFollowUp},
      {"movement-create",
       "--agency= --name= --start=YYYY-MM-DD --end=YYYY-MM-DD [--goal=TEXT...] [--request-id=]",
       "record an emulation movement", {"agency", "name", "start", "end", "goal", "request-id"}, 0, 0,
       RunMovementCreate},
      {"movements", "[--agency=] [--text=] [--page-size=] [--page-token=] [--all]", "list emulation movements",
       {"agency", "text", "page-size", "page-token", "all"}, 0, 0, RunMovements},
      {"movement", "ID", "read one emulation movement", {}, 1, 1, RunMovement},
      {"agencies", "[--parent=] [--text=] [--page-size=] [--page-token=] [--all]",
       "list child agencies (with --text: matches anywhere below)", {"parent", "text", "page-size", "page-token", "all"},
       0, 0, RunAgencies},
      {"agency", "ID", "read one agency", {}, 1, 1, RunAgency},
      {"fields", "[--agency=]", "fields of work usable by an agency", {"agency"}, 0, 0, RunFields},
      {"import-csv", "FILE|- [--request-id=]",
       "import candidates from a CSV sheet in one all-or-nothing call (at most 1000 rows)", {"request-id"}, 1, 1,
       RunImportCsv},
      {"demo-data",
       "[--secret-file=var/jwt-secret] [--agency=TW] [--evaluation-addr=127.0.0.1:50052] "
       "[--reporting-addr=127.0.0.1:50054] [--campaign-media-addr=127.0.0.1:50053]",
       "load demo movements, candidates, councils, sessions, inspections, trainings, budget and statutory "
       "records (idempotent; mints its own tokens; an empty --evaluation-addr skips the councils, an empty "
       "--reporting-addr the reporting records, an empty --campaign-media-addr the campaign, items, events and "
       "contest)",
       {"secret-file", "agency", "evaluation-addr", "reporting-addr", "campaign-media-addr"}, 0, 0, RunDemoData},
  };
  return commands;
}

const std::set<std::string>& GlobalFlags() {
  static const std::set<std::string> flags = {"addr", "token", "timeout-ms", "tls-ca", "tls-cert", "tls-key", "help"};
  return flags;
}

void PrintUsage(std::ostream& out) {
  out << "usage: tdktctl <command> [arguments] [--addr=HOST:PORT] [--token=JWT] [--timeout-ms=10000]\n\n"
         "Global flags: --addr (env TDKT_ADDR, default 127.0.0.1:50051), --token (env TDKT_TOKEN),\n"
         "--timeout-ms (deadline of every call, default 10000), --tls-ca, --tls-cert, --tls-key (env TDKT_TLS_*:\n"
         "mutual TLS to a node's peer port; make certs writes them). Results are JSON on stdout; errors read\n"
         "'error: <GRPC_CODE>: <message>' on stderr. Exit 0 ok, 1 failed, 2 wrong usage.\n\nCommands:\n";
  for (const auto& c : Commands()) out << "  " << c.name << "  " << c.summary << "\n";
  out << "\n'tdktctl help <command>' shows its flags.\n";
}

void PrintCommandUsage(const Command& c) {
  std::cout << "usage: tdktctl " << c.name << " " << c.synopsis << "\n  " << c.summary << "\n";
  if (std::string(c.name) == "import-csv") {
    std::cout << "\n  CSV: UTF-8, comma separated, header line first. Columns (aliases in brackets):\n"
              << CandidateColumnsHelp();
  }
}

const Command* FindCommand(const std::string& name) {
  for (const auto& c : Commands()) if (name == c.name) return &c;
  return nullptr;
}

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

int Main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    PrintUsage(argc < 2 ? std::cerr : std::cout);
    return argc < 2 ? kExitUsage : kExitOk;
  }
  const std::string name = argv[1];
  if (name == "help") {
    if (argc < 3) {
      PrintUsage(std::cout);
      return kExitOk;
    }
    const Command* c = FindCommand(argv[2]);
    if (!c) return UsageError("", "unknown command '" + std::string(argv[2]) + "'");
    PrintCommandUsage(*c);
    return kExitOk;
  }
  const Command* command = FindCommand(name);
  if (!command) return UsageError("", "unknown command '" + name + "'");
  Args args = Args::Parse(argc, argv, 2);
  if (args.Has("help")) {
    PrintCommandUsage(*command);
    return kExitOk;
  }
  for (const auto& flag : args.Names()) {
    if (!command->flags.count(flag) && !GlobalFlags().count(flag)) {
      return UsageError(name, "unknown flag --" + flag + " for '" + name + "'");
    }
  }
  const size_t n = args.positional().size();
  if (n < command->min_args || n > command->max_args) {
    return UsageError(name, "'" + name + "' takes " +
                                (command->min_args == command->max_args
                                     ? std::to_string(command->min_args)
                                     : std::to_string(command->min_args) + " to " + std::to_string(command->max_args)) +
                                " argument(s), got " + std::to_string(n) + ": tdktctl " + name + " " +
                                command->synopsis);
  }

  Endpoint endpoint;
  endpoint.addr = args.Get("addr", EnvOr("TDKT_ADDR", endpoint.addr));
  endpoint.token = args.Get("token", EnvOr("TDKT_TOKEN", ""));
  auto timeout = ParseInt("--timeout-ms", args.Get("timeout-ms", "10000"), 1, 3600 * 1000);
  if (!timeout.ok()) return UsageError(name, timeout.status());
  endpoint.timeout_ms = *timeout;
  endpoint.tls = TlsFiles{args.Get("tls-ca", EnvOr("TDKT_TLS_CA", "")), args.Get("tls-cert", EnvOr("TDKT_TLS_CERT", "")),
                          args.Get("tls-key", EnvOr("TDKT_TLS_KEY", ""))};
  if (!endpoint.tls.ca_file.empty() || !endpoint.tls.cert_file.empty() || !endpoint.tls.key_file.empty()) {
    if (Status st = CheckTlsFiles(endpoint.tls); !st.ok()) return UsageError(name, st);
  }
  if (endpoint.addr.empty()) return UsageError(name, "--addr: give HOST:PORT");
  return command->run(args, endpoint);
}

}  // namespace
}  // namespace tdkt::ctl

int main(int argc, char** argv) { return tdkt::ctl::Main(argc, argv); }
