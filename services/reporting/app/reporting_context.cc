#include "services/reporting/app/reporting_context.h"

#include "common/access.h"

namespace tdkt::reporting {

Result<std::shared_ptr<const AgencyTree>> ReportingContext::TreeFor(const Caller& caller, const std::string& agency,
                                                                    const char* field) {
  auto tree = nominations.Tree();
  if (!tree.ok()) return tree.status();
  if (!AgencyTree::IsValidId(agency) || !(*tree)->Find(agency)) {
    return Status::InvalidArgument(field, "không có đơn vị mã '" + agency.substr(0, 40) + "'");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, **tree, agency));
  if (!(*tree)->IsWithin(node_agency, agency)) {
    return Status::PermissionDenied("agency '" + agency + "' is outside this node's agency (" + node_agency + ")");
  }
  return *tree;
}

MediaRows ReportingContext::MediaFor(const std::string& agency, int year) const {
  if (campaign_media == nullptr) return MediaRows{};
  return campaign_media->YearFigures(agency, year);
}

}  // namespace tdkt::reporting
