#include "services/reporting/app/reporting_context.h"

#include "common/access.h"

namespace tdkt::reporting {

Result<std::shared_ptr<const AgencyTree>> ReportingContext::TreeFor(const Caller& caller, const std::string& agency,
    const char* field) {
  auto tree = nominations.Tree();
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(RequireAgencyInScope(caller, **tree, node_agency, agency, field));
  return *tree;
}

MediaRows ReportingContext::MediaFor(const std::string& agency, int year) const {
  if (campaign_media == nullptr) return MediaRows{};
  return campaign_media->YearFigures(agency, year);
}

}  // namespace tdkt::reporting
