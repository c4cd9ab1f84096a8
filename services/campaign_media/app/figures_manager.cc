#include "services/campaign_media/app/figures_manager.h"

#include <algorithm>

#include "common/access.h"

namespace tdkt::campaign_media {

FiguresManager::FiguresManager(CampaignMediaContext& ctx, std::vector<FigureSource*> sources) : ctx_(ctx) {
  for (auto* s : sources) {
    if (s) sources_.push_back(s);
  }
}

Result<fgv1::GetYearFiguresResponse> FiguresManager::GetYearFigures(const Caller& caller,
                                                                    const fgv1::GetYearFiguresRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kNode, Role::kReportingOfficer, Role::kOfficer, Role::kAdmin},
                                   "read the year's media figures"));
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  if (request.year() < 2000 || request.year() > 2100) {
    return Status::InvalidArgument("year", "năm phải từ 2000 đến 2100");
  }
  auto known = ctx_.KnownAgencies();
  if (!known.ok()) return known.status();
  std::vector<std::string> agencies = std::move(*known);
  std::sort(agencies.begin(), agencies.end());
  fgv1::GetYearFiguresResponse out;
  for (const auto& id : agencies) {
    // Records keep the unit they were made for; a unit merged since is still
    // in the tree, so it is found here and counted by the reader under its
    // successor.
    if (!(*tree)->Find(id) || !(*tree)->IsWithin(agency, id)) continue;
    fgv1::AgencyMediaFigures row;
    row.set_agency_id(id);
    for (auto* source : sources_) {
      TDKT_RETURN_IF_ERROR(source->AddYearFigures(id, request.year(), &row));
    }
    fgv1::AgencyMediaFigures counts = row;
    counts.clear_agency_id();
    if (counts.ByteSizeLong() == 0) continue;  // Nothing in the year.
    *out.add_agencies() = std::move(row);
  }
  return out;
}

}  // namespace tdkt::campaign_media
