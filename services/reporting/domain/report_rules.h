// The yearly report's arithmetic, in plain C++ (no gRPC, no Redis): which
// records count for a year, the breakdowns, quotas with target/actual/gap,
// the roll-up of child reports without counting anything twice, and the
// completeness of children's reports.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/agency_tree.h"
#include "common/status.h"
#include "tdkt/campaign_media/v1/figures.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"
#include "tdkt/reporting/v1/reporting.pb.h"

namespace tdkt::reporting {

namespace rv1 = ::tdkt::reporting::v1;
namespace cmv1 = ::tdkt::campaign_media::v1;

constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
// INVALID_ARGUMENT naming `field` unless kMinYear <= year <= kMaxYear.
Status CheckYear(int year, const char* field);

// What the report needs from one nomination record.
struct RecordFacts {
  std::string id;
  std::string agency;          // Current unit (successor of the record's unit).
  std::string kind;            // "INDIVIDUAL", "COLLECTIVE", "HOUSEHOLD".
  std::string state;           // Lifecycle state name, e.g. "RECOGNISED".
  std::vector<std::string> fields;
  int discovered_year = 0;     // Vietnam time; 0 unknown.
  int recognised_year = 0;     // Year of recognition.decision_date; 0 none.
  std::string form;            // Recognition title code, else form.
  bool received = false;       // Received from a child node (origin set).
  std::string origin_agency;   // The child agency it came from.
  std::string upward_state;    // "QUEUED", "RECEIVED", ... ; empty = not sent up.
};

// Reads the facts of a record: `origin` set = received from a child node,
// `upward` set = proposed to the parent node (its state is the outcome).
RecordFacts FactsOf(const nomination::v1::Nomination& record);

// A record counts for `year` when discovered or recognised in it.
bool CountsForYear(const RecordFacts& facts, int year);

// The year's media figures (campaign-media): totals, and exchange events
// per unit for the quota lines.
struct MediaFigures {
  int64_t campaigns = 0, campaign_budget_vnd = 0, items_published = 0, items_retracted = 0;
  std::map<std::string, int64_t> by_channel, by_kind;  // items_published by code.
  int64_t views = 0, listeners = 0, viewers = 0, broadcasts = 0, copies = 0;
  int64_t contests = 0, contest_entries = 0;
  int64_t exchange_events = 0, honouring_events = 0, event_attendance = 0, replications = 0;
  std::map<std::string, int64_t> exchange_by_agency;  // Unit -> exchange events.

  // Adds one agency's row of MediaFiguresService.GetYearFigures.
  void AddRow(const cmv1::AgencyMediaFigures& row);
  // Adds `other`, units mapped to their successor in `tree` (when given).
  void Add(const MediaFigures& other, const AgencyTree* tree);
};

// What campaign-media answered for the report's subtree: available = it
// answered (rows may be empty), else `note` says why not.
struct MediaRows {
  bool available = false;
  std::string note;
  std::vector<cmv1::AgencyMediaFigures> rows;
};

// Mergeable figures of one report (maps keyed by machine keys).
struct Figures {
  int64_t exemplars = 0;
  std::map<std::string, int64_t> by_state, by_field, by_kind, by_agency;
  int64_t recognitions = 0;
  std::map<std::string, int64_t> by_form, recognised_by_agency;
  rv1::ProposalSummary proposals;
  int64_t received = 0, received_recognised = 0, received_pending = 0, received_not_recognised = 0;
  std::map<std::string, int64_t> received_by_child;
  int64_t inspections = 0, inspections_with_findings = 0;
  std::vector<rv1::Inspection> inspection_items;
  int64_t trainings = 0, participants = 0, commendation_participants = 0, media_participants = 0;
  int64_t budget_planned = 0, budget_spent = 0;
  int32_t budget_records = 0;
  // Media: available only when every part merged had campaign-media's
  // answer; the notes say which parts miss it.
  bool media_available = false;
  std::vector<std::string> media_notes;
  MediaFigures media;

  // Adds `other`, keys of units mapped to their successor in `tree`.
  void Merge(const Figures& other, const AgencyTree& tree);
};

// Activity records of the year.
struct Activities {
  std::vector<rv1::Inspection> inspections;
  std::vector<rv1::Training> trainings;
  std::vector<rv1::Budget> budgets;
  MediaRows media;  // Campaign-media's rows for the subtree.
};

// Counts `records` for `year`. Received records go to the received section
// only; own records to exemplars, recognitions and proposals.
Figures Aggregate(const std::vector<RecordFacts>& records, const Activities& activities, int year);

// The figures of a stored report (the inverse of the breakdowns in ToReport).
Figures FiguresOf(const rv1::YearlyReport& report);

// ---- Quotas ----

// The built-in rules (Decree 152/2025 practice as given in the brief):
// province 15, district/city 5, commune/ward/town/special zone 2,
// provincial departments, the Fatherland Front and mass organisations 10,
// every other unit 1; one exchange event per agency a year.
rv1::QuotaRules DefaultQuotaRules(const std::string& plan_period);
// "YYYY-YYYY" with the first year not after the second; field named.
Status CheckQuotaRules(const rv1::QuotaRules& rules);
// The five-year plan period containing `year`: 2021-2025, 2026-2030, ...
std::string PlanPeriodOf(int year);

constexpr size_t kMaxQuotaLines = 400;

// Target/actual/gap for `root` and the units below it, breadth first (so a
// central node shows every province first), at most kMaxQuotaLines lines.
// Actual = recognitions of the year in the unit's whole subtree; exchange
// actual likewise from `exchange_by_agency` (none when null).
std::vector<rv1::QuotaLine> ComputeQuotas(const AgencyTree& tree, const std::string& root,
                                          const std::map<std::string, int64_t>& recognised_by_agency,
                                          const rv1::QuotaRules& rules, bool* truncated,
                                          const std::map<std::string, int64_t>* exchange_by_agency = nullptr);

// The report proto: breakdowns labelled (units by real name), quotas filled.
rv1::YearlyReport ToReport(const Figures& figures, const AgencyTree& tree, const std::string& agency, int year,
                           const rv1::QuotaRules& rules, int64_t now_ms);

// ---- Roll-up ----

// Own records of the parent minus what the children's reports cover: records
// received from a child (origin set) and records in the subtree of a child
// that reported; likewise the own media rows (own_activities.media) minus
// units in a reporting child's subtree; then each child's figures, units
// mapped to successors.
Figures RollupFigures(const std::vector<RecordFacts>& own_records, const Activities& own_activities, int year,
                      const AgencyTree& tree, const std::vector<rv1::YearlyReport>& child_reports);

// 15 December of `year`, end of day, Vietnam time, as Unix ms: reports
// received at or after this instant are late.
int64_t DueInstantMs(int year);
std::string DueDate(int year);

struct ExpectedChild {
  std::string agency;
  std::string name;
};

// Completeness of the expected children. `latest` maps a child agency to its
// latest received version (absent = none), `first_received_ms` to when its
// first version arrived: a child is late when its first version arrived at
// or after the due date (a later correction does not make it late), or when
// nothing arrived and the due date has passed.
void FillCompleteness(const std::vector<ExpectedChild>& expected,
                      const std::map<std::string, rv1::ReportVersion>& latest,
                      const std::map<std::string, int64_t>& first_received_ms, int year, int64_t now_ms,
                      rv1::Rollup* rollup);

}  // namespace tdkt::reporting
