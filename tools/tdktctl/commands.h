// The subcommands of tdktctl. Each checks its own values, runs, prints its
// result or error (output.h) and returns the process exit code. main.cc holds
// the table of names, synopses and accepted flags.
#pragma once

#include "tools/tdktctl/args.h"
#include "tools/tdktctl/rpc.h"

namespace tdkt::ctl {

// generic_call.cc
int RunCall(const Args& args, const Endpoint& endpoint);
int RunListMethods(const Args& args, const Endpoint& endpoint);
// health.cc
int RunHealth(const Args& args, const Endpoint& endpoint);
// token.cc
int RunToken(const Args& args, const Endpoint& endpoint);
// nomination_cmds.cc
int RunCreate(const Args& args, const Endpoint& endpoint);
int RunGet(const Args& args, const Endpoint& endpoint);
int RunHistory(const Args& args, const Endpoint& endpoint);
int RunList(const Args& args, const Endpoint& endpoint);
int RunTransition(const Args& args, const Endpoint& endpoint);
int RunFoster(const Args& args, const Endpoint& endpoint);
int RunFollowUp(const Args& args, const Endpoint& endpoint);
// directory_cmds.cc: movements, agencies and fields
int RunMovementCreate(const Args& args, const Endpoint& endpoint);
int RunMovements(const Args& args, const Endpoint& endpoint);
int RunMovement(const Args& args, const Endpoint& endpoint);
int RunAgencies(const Args& args, const Endpoint& endpoint);
int RunAgency(const Args& args, const Endpoint& endpoint);
int RunFields(const Args& args, const Endpoint& endpoint);
// import_csv.cc
int RunImportCsv(const Args& args, const Endpoint& endpoint);
// demo_data.cc
int RunDemoData(const Args& args, const Endpoint& endpoint);

}  // namespace tdkt::ctl
