#include "services/reporting/app/reporting_context.h"

#include "common/access.h"

namespace tdkt::reporting {

Status RequireRequestId(const std::string& id) {
  if (id.empty() || id.size() > 128) {
    return Status::InvalidArgument("request_id", "cần mã yêu cầu (1..128 ký tự) để gửi lại không bị ghi hai lần");
  }
  return Status::Ok();
}

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

}  // namespace tdkt::reporting
