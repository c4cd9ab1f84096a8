// `tdktctl demo-data`: loads demo_content.h through the public API, as an
// officer and a council secretary would, so it exercises the real rules;
// then the councils and sessions through the evaluation service
// (demo_evaluation.h). Idempotent: creations use fixed request ids (a rerun
// gets the first result back), and each lifecycle step runs only while the
// record still sits where that step starts; steps an earlier run did are
// skipped. Last, the reporting records (demo_reporting.h): inspections,
// trainings, budget, and the statutory forms' organisations and staff; and
// the propagation of the recognised exemplars (demo_campaign_media.h).
#include <map>

#include "tdkt/nomination/v1/agency.grpc.pb.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tdkt/nomination/v1/nomination.grpc.pb.h"
#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/demo_campaign_media.h"
#include "tools/tdktctl/demo_content.h"
#include "tools/tdktctl/demo_evaluation.h"
#include "tools/tdktctl/demo_reporting.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/token.h"

namespace tdkt::ctl {
namespace {

constexpr char kIdPrefix[] = "demo-v1-";
constexpr long kTokenTtlSeconds = 3600;

std::string NominationMethod(const char* name) {
  return std::string(v1::NominationService::service_full_name()) + "/" + name;
}

grpc::Status WithContext(const grpc::Status& status, const std::string& context) {
  return grpc::Status(status.error_code(), context + ": " + status.error_message());
}

struct Loader {
  RpcClient& officer;
  RpcClient& secretary;
  int applied = 0;
  int skipped = 0;

  // Runs one step on `n` (updated in place) if `n` is still where the step
  // starts: in state `expected`, without the plan or follow-up it adds.
  grpc::Status Step(const DemoCandidate& c, const DemoStep& step, size_t index, v1::NominationState expected,
                    int follow_up_number, v1::Nomination* n) {
    const std::string request_id = std::string(kIdPrefix) + c.key + "-" + std::to_string(index + 1);
    bool due = n->state() == expected;
    v1::Nomination next;
    grpc::Status status;
    switch (step.kind) {
      case DemoStep::Kind::kMove: {
        if (!due) break;
        v1::TransitionNominationRequest r;
        r.set_request_id(request_id);
        r.set_id(n->id());
        r.set_expected_version(n->version());
        r.set_to_state(step.to);
        r.set_reason(step.text);
        status = (step.council ? secretary : officer).Call(NominationMethod("TransitionNomination"), r, &next);
        break;
      }
      case DemoStep::Kind::kFoster: {
        due = due && !n->has_fostering_plan();
        if (!due) break;
        v1::SetFosteringPlanRequest r;
        r.set_request_id(request_id);
        r.set_id(n->id());
        r.set_expected_version(n->version());
        for (const auto& m : step.measures) r.mutable_plan()->add_support_measures(m);
        for (const auto& s : step.shortcomings) r.mutable_plan()->add_shortcomings(s);
        r.mutable_plan()->set_responsible(step.responsible);
        r.mutable_plan()->set_target_date(step.date);
        status = officer.Call(NominationMethod("SetFosteringPlan"), r, &next);
        break;
      }
      case DemoStep::Kind::kFollowUp: {
        due = due && n->follow_ups_size() < follow_up_number;
        if (!due) break;
        v1::AddFollowUpRequest r;
        r.set_request_id(request_id);
        r.set_id(n->id());
        r.set_expected_version(n->version());
        r.mutable_follow_up()->set_date(step.date);
        r.mutable_follow_up()->set_note(step.text);
        status = officer.Call(NominationMethod("AddFollowUp"), r, &next);
        break;
      }
      case DemoStep::Kind::kDecision:  // Walk leaves these to the evaluation demo
        return grpc::Status(grpc::StatusCode::INTERNAL, "demo-data: a decision step is not run here");
    }
    if (!due) {
      ++skipped;
      return grpc::Status::OK;
    }
    if (!status.ok()) return status;
    ++applied;
    *n = std::move(next);
    return grpc::Status::OK;
  }

  // Creates the candidate (or finds it again) and walks it (see Walk).
  grpc::Status Candidate(const DemoCandidate& c, const std::map<std::string, std::string>& movement_ids,
                         v1::Nomination* n, size_t* waiting) {
    v1::CreateNominationRequest create;
    create.set_request_id(std::string(kIdPrefix) + c.key);
    v1::NominationDetails* d = create.mutable_details();
    d->set_kind(c.kind);
    d->set_name(c.name);
    d->set_agency_id(c.agency_id);
    for (const auto& f : c.fields) d->add_fields(f);
    if (!c.movement_key.empty()) d->set_movement_id(movement_ids.at(c.movement_key));
    d->set_achievements(c.achievements);
    d->set_discovered_by(c.discovered_by);
    auto at = ParseVietnamDate(c.discovered_at);
    if (!at.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, "demo content: " + at.status().ToString());
    d->mutable_discovered_at()->set_seconds(*at);
    for (const auto& title : c.initiatives) d->add_initiatives()->set_title(title);
    v1::Nomination created;
    grpc::Status status = officer.Call(NominationMethod("CreateNomination"), create, &created);
    if (!status.ok()) return status;
    // A rerun gets the record as first created; read where it is now.
    v1::GetNominationRequest get;
    get.set_id(created.id());
    status = officer.Call(NominationMethod("GetNomination"), get, n);
    if (!status.ok()) return status;
    return Walk(c, 0, n, waiting);
  }

  // Runs c's steps from index `from` on. A council decision that is due
  // stops the walk: only the evaluation service records it, so its index
  // goes to `waiting` (else c.steps.size()) and Resume continues after it.
  grpc::Status Walk(const DemoCandidate& c, size_t from, v1::Nomination* n, size_t* waiting) {
    *waiting = c.steps.size();
    v1::NominationState expected = v1::DISCOVERED;
    int follow_ups = 0;
    for (size_t i = 0; i < c.steps.size(); ++i) {
      const DemoStep& step = c.steps[i];
      if (step.kind == DemoStep::Kind::kFollowUp) ++follow_ups;
      if (i >= from && step.kind == DemoStep::Kind::kDecision) {
        if (n->state() == expected) {
          *waiting = i;
          return grpc::Status::OK;
        }
        ++skipped;
      } else if (i >= from) {
        grpc::Status status = Step(c, step, i, expected, follow_ups, n);
        if (!status.ok()) return WithContext(status, n->id() + " step " + std::to_string(i + 1));
      }
      if (step.kind == DemoStep::Kind::kMove || step.kind == DemoStep::Kind::kDecision) expected = step.to;
    }
    return grpc::Status::OK;
  }

  // After the evaluation demo: continues a candidate that waited at step
  // `waiting` if the council decided as that step says; else leaves it.
  grpc::Status Resume(const DemoCandidate& c, size_t waiting, v1::Nomination* n) {
    v1::GetNominationRequest get;
    get.set_id(n->id());
    grpc::Status status = officer.Call(NominationMethod("GetNomination"), get, n);
    if (!status.ok() || n->state() != c.steps[waiting].to) return status;
    size_t again = 0;
    return Walk(c, waiting + 1, n, &again);
  }
};

// True when `agency` lies inside the subtree the demo tokens act for (a
// node for a province loads only that province's part of the demo).
bool InScope(RpcClient& officer, const std::string& agency) {
  v1::GetAgencyRequest r;
  r.set_id(agency);
  v1::Agency out;
  return officer.Call(std::string(v1::AgencyService::service_full_name()) + "/GetAgency", r, &out).ok();
}

}  // namespace

int RunDemoData(const Args& args, const Endpoint& endpoint) {
  const std::string agency = args.Get("agency", "TW");
  const std::string secret_file = args.Get("secret-file", DefaultSecretFile());
  auto officer_token = MintToken(secret_file, "officer", agency, "demo-officer", kTokenTtlSeconds);
  if (!officer_token.ok()) return ReportError(officer_token.status());
  auto secretary_token = MintToken(secret_file, "council_secretary", agency, "demo-council-secretary",
                                   kTokenTtlSeconds);
  if (!secretary_token.ok()) return ReportError(secretary_token.status());
  Endpoint as_officer = endpoint, as_secretary = endpoint;
  as_officer.token = *officer_token;
  as_secretary.token = *secretary_token;
  RpcClient officer(as_officer), secretary(as_secretary);

  std::map<std::string, std::string> movement_ids;
  Json movements = Json::array();
  int outside = 0;
  for (const auto& m : DemoMovements()) {
    if (!InScope(officer, m.agency_id)) {
      ++outside;
      continue;
    }
    v1::CreateMovementRequest r;
    r.set_request_id(std::string(kIdPrefix) + "mov-" + m.key);
    v1::Movement* movement = r.mutable_movement();
    movement->set_agency_id(m.agency_id);
    movement->set_name(m.name);
    movement->set_period_start(m.start);
    movement->set_period_end(m.end);
    for (const auto& g : m.goals) movement->add_goals(g);
    v1::Movement created;
    grpc::Status status =
        officer.Call(std::string(v1::MovementService::service_full_name()) + "/CreateMovement", r, &created);
    if (!status.ok()) return ReportError(WithContext(status, "movement '" + m.name + "'"));
    movement_ids[m.key] = created.id();
    movements.push_back(Json{{"id", created.id()}, {"agency_id", created.agency_id()}, {"name", created.name()}});
  }

  Loader loader{officer, secretary};
  std::vector<const DemoCandidate*> in_scope;
  std::map<std::string, v1::Nomination> loaded;  // by candidate key
  std::map<std::string, size_t> waiting;         // key -> index of the decision step it waits at
  for (const auto& c : DemoCandidates()) {
    if (!InScope(officer, c.agency_id) || (!c.movement_key.empty() && !movement_ids.count(c.movement_key))) {
      ++outside;
      continue;
    }
    v1::Nomination n;
    size_t at = 0;
    grpc::Status status = loader.Candidate(c, movement_ids, &n, &at);
    if (!status.ok()) return ReportError(WithContext(status, "candidate '" + c.name + "'"));
    if (at < c.steps.size()) waiting[c.key] = at;
    in_scope.push_back(&c);
    loaded[c.key] = std::move(n);
  }

  // Councils and sessions (their decisions move candidates on), then the
  // steps after those decisions.
  Json evaluation = "skipped (--evaluation-addr is empty)";
  const std::string evaluation_addr = args.Get("evaluation-addr", "127.0.0.1:50052");
  if (!evaluation_addr.empty()) {
    EvaluationDemo demo;
    demo.endpoint = endpoint;
    demo.endpoint.addr = evaluation_addr;
    demo.secret_file = secret_file;
    demo.officer_token = *officer_token;
    demo.in_scope = [&](const std::string& a) { return InScope(officer, a); };
    demo.nominees = loaded;
    grpc::Status status = LoadEvaluationDemo(demo, &evaluation);
    if (!status.ok()) return ReportError(WithContext(status, "evaluation demo (" + evaluation_addr + ")"));
  }
  Json candidates = Json::array();
  std::map<std::string, int> by_state;
  for (const DemoCandidate* c : in_scope) {
    v1::Nomination& n = loaded[c->key];
    // Only candidates waiting for a decision can have moved meanwhile.
    if (auto w = waiting.find(c->key); w != waiting.end()) {
      grpc::Status status = loader.Resume(*c, w->second, &n);
      if (!status.ok()) return ReportError(WithContext(status, "candidate '" + c->name + "'"));
    }
    const std::string state = v1::NominationState_Name(n.state());
    ++by_state[state];
    candidates.push_back(Json{{"id", n.id()}, {"name", n.details().name()}, {"state", state}});
  }
  // Inspections, trainings, budget, organisations and staff: they stand
  // apart from the candidates, so they come last.
  Json reporting = "skipped (--reporting-addr is empty)";
  const std::string reporting_addr = args.Get("reporting-addr", "127.0.0.1:50054");
  if (!reporting_addr.empty()) {
    ReportingDemo demo;
    demo.endpoint = endpoint;
    demo.endpoint.addr = reporting_addr;
    demo.secret_file = secret_file;
    demo.agency = agency;
    demo.in_scope = [&](const std::string& a) { return InScope(officer, a); };
    grpc::Status status = LoadReportingDemo(demo, &reporting);
    if (!status.ok()) return ReportError(WithContext(status, "reporting demo (" + reporting_addr + ")"));
  }
  // Campaign-media: a campaign, items, an exchange event, a replication and
  // a contest around the exemplars now recognised. A node whose
  // campaign-media serves none of it yet (UNIMPLEMENTED) is skipped.
  Json campaign_media = "skipped (--campaign-media-addr is empty)";
  const std::string campaign_media_addr = args.Get("campaign-media-addr", "127.0.0.1:50053");
  if (!campaign_media_addr.empty()) {
    CampaignMediaDemo demo;
    demo.endpoint = endpoint;
    demo.endpoint.addr = campaign_media_addr;
    demo.secret_file = secret_file;
    demo.agency = agency;
    for (const DemoCandidate* c : in_scope) {
      const v1::Nomination& n = loaded[c->key];
      if ((n.state() == v1::RECOGNISED || n.state() == v1::REPLICATING) && demo.exemplars.size() < 5) {
        demo.exemplars.push_back(n);
      }
    }
    grpc::Status status = LoadCampaignMediaDemo(demo, &campaign_media);
    if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
      campaign_media = "skipped (campaign-media serves no such service: " + status.error_message() + ")";
    } else if (!status.ok()) {
      return ReportError(WithContext(status, "campaign-media demo (" + campaign_media_addr + ")"));
    }
  }
  Json states = Json::object();
  for (const auto& [state, count] : by_state) states[state] = count;
  PrintJson(Json{{"movements", movements},
                 {"nominations", candidates},
                 {"by_state", states},
                 {"lifecycle_steps_applied", loader.applied},
                 {"lifecycle_steps_already_done", loader.skipped},
                 {"skipped_outside_agency", outside},
                 {"evaluation", evaluation},
                 {"reporting", reporting},
                 {"campaign_media", campaign_media}});
  return kExitOk;
}

}  // namespace tdkt::ctl
