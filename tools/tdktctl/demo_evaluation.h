// The evaluation part of `tdktctl demo-data`: DemoCouncils() and
// DemoSessions() through the evaluation service's public API, as the
// officer, the council secretary and each member would do it.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "tools/tdktctl/demo_content.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/rpc.h"

namespace tdkt::ctl {

struct EvaluationDemo {
  Endpoint endpoint;          // the evaluation service; its token is not used
  std::string secret_file;    // to mint the members' tokens
  std::string officer_token;  // an officer of the node's agency
  // True when an agency lies inside the node's subtree.
  std::function<bool(const std::string&)> in_scope;
  // The candidates loaded just before, by DemoCandidate key.
  std::map<std::string, v1::Nomination> nominees;
};

// Idempotent like the rest of the demo: councils and sessions are found
// again by name and title (ids are server-assigned), creations use fixed
// request ids, and each step runs only while the session (or decision) is
// still where that step starts. `summary` gets what exists afterwards.
grpc::Status LoadEvaluationDemo(const EvaluationDemo& demo, Json* summary);

}  // namespace tdkt::ctl
