// Use cases of the statutory forms: record organisations and staff (checked,
// idempotent), list them, and count the five forms of a year for a unit's
// subtree from these records plus the movements and recognised candidates the
// nomination service holds.
#pragma once

#include <string>
#include <vector>

#include "common/auth.h"
#include "common/nomination_client.h"
#include "services/reporting/statutory/app/child_figures_source.h"
#include "services/reporting/statutory/domain/statutory_forms.h"
#include "services/reporting/statutory/storage/statutory_store.h"
#include "tdkt/reporting/v1/statutory.pb.h"

namespace tdkt::reporting::statutory {

class StatutoryManager {
 public:
  // `node_agency`: the node's own unit; records outside its subtree are refused.
  StatutoryManager(StatutoryStore& store, NominationClient& nominations, std::string node_agency);

  Result<v1::StatOrganisation> RecordOrganisation(const Caller& caller, v1::RecordOrganisationRequest request);
  Result<v1::StatStaff> RecordStaff(const Caller& caller, v1::RecordStaffRequest request);
  Result<v1::ListOrganisationsResponse> ListOrganisations(const Caller& caller, const v1::ListOrganisationsRequest& request);
  Result<v1::ListStaffResponse> ListStaff(const Caller& caller, const v1::ListStaffRequest& request);
  Result<v1::StatutoryForms> GetForms(const Caller& caller, const v1::GetStatutoryFormsRequest& request);
  Result<v1::StatutoryFile> Export(const Caller& caller, const v1::ExportStatutoryFormsRequest& request);

  // The figures of `agency`'s subtree for `year` (no access checks: for the
  // node's own upward reporting).
  Result<Figures> BuildFigures(const std::string& agency, int year);
  // The node's roll-up for `year`: its own subtree's figures merged with
  // `children`'s, every unit once; a child's figures replace the node's own
  // for the units of that child's subtree (see MergeRollup).
  Result<Figures> BuildRollupFigures(int year, const std::vector<ChildFigures>& children);

  // Where GetForms / Export with `rollup` find the children's figures; null
  // (the default) = no children. Set before the server starts; not owned.
  void SetChildFigures(ChildFiguresSource* source) { children_ = source; }

 private:
  // The figures GetForms / Export show: `agency`'s own, or (`rollup`, at the
  // node's unit) the roll-up with the children's figures.
  Result<Figures> FormsFigures(const std::string& agency, int year, bool rollup);
  Result<Document> DocumentOf(const Figures& figures, const std::string& agency);
  // The agency of a GetForms / Export request (field "agency_id").
  Result<std::string> FormsAgency(const Caller& caller, const std::string& agency, bool rollup);
  // Checks `agency` (field `field`): an existing unit, inside the node's and
  // the caller's subtree; empty means the caller's unit.
  Result<std::string> ResolveAgency(const Caller& caller, const std::string& field, const std::string& agency);
  Result<Facts> CollectFacts(const std::string& agency, int year);

  StatutoryStore& store_;
  NominationClient& nominations_;
  std::string node_agency_;
  ChildFiguresSource* children_ = nullptr;
};

// Figures to and from their wire form (tdkt.reporting.v1.StatutoryFigures),
// for carrying a child's figures to its parent, which Merges them.
v1::StatutoryFigures ToProto(const Figures& figures);
Figures FromProto(const v1::StatutoryFigures& figures);

// Launching level (form 0601.N) of a unit from its kind and place in the tree.
std::string LaunchingLevel(const AgencyTree& tree, const std::string& agency);

}  // namespace tdkt::reporting::statutory
