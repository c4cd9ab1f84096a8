// The reporting part of `tdktctl demo-data`: what a province records for its
// yearly report and statutory forms, through tdkt.reporting.v1 as the
// province's inspectors and reporting officer would: inspection visits with
// findings in Khánh Hòa (56) units, two trainings (commendation staff, media
// staff), the year's budget (planned, spent), two organisations doing
// emulation-commendation work and a handful of their staff.
#pragma once

#include <functional>
#include <string>

#include "tools/tdktctl/output.h"
#include "tools/tdktctl/rpc.h"

namespace tdkt::ctl {

struct ReportingDemo {
  Endpoint endpoint;         // the reporting service; its token is not used
  std::string secret_file;   // to mint the inspector's and reporting officer's tokens
  std::string agency;        // the node's agency: the tokens act for it
  // True when an agency lies inside the node's subtree; records of units
  // outside it are skipped (and counted).
  std::function<bool(const std::string&)> in_scope;
};

// Idempotent like the rest of the demo: every record is looked for first
// (inspection by inspected unit and findings, training by title, budget by
// purpose, organisation by name, staff by person code, in the current year,
// Vietnam time) and recorded, with a fixed request id, only when missing; a
// rerun applies nothing. `summary` gets counts only.
grpc::Status LoadReportingDemo(const ReportingDemo& demo, Json* summary);

}  // namespace tdkt::ctl
