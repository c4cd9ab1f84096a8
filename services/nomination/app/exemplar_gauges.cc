#include "services/nomination/app/exemplar_gauges.h"

#include <prometheus/gauge.h>
#include <prometheus/registry.h>

namespace tdkt::nomination {

ExemplarGauges::ExemplarGauges(NominationRepository& nominations, AgencyDirectory& agencies,
                               std::string node_agency, prometheus::Registry& registry)
    : nominations_(nominations),
      agencies_(agencies),
      node_agency_(std::move(node_agency)),
      family_(prometheus::BuildGauge()
                  .Name("tdkt_exemplars")
                  .Help("Candidates and exemplars of the node's subtree, by lifecycle stage")
                  .Register(registry)) {}

Status ExemplarGauges::Refresh() {
  auto tree = agencies_.Tree();
  auto counts = nominations_.CountByState(tree->Subtree(node_agency_));
  if (!counts.ok()) return counts.status();
  for (int state = v1::NominationState_MIN + 1; state <= v1::NominationState_MAX; ++state) {
    if (!v1::NominationState_IsValid(state)) continue;
    auto it = counts->find(state);
    family_.Add({{"state", v1::NominationState_Name(static_cast<v1::NominationState>(state))}})
        .Set(it == counts->end() ? 0 : static_cast<double>(it->second));
  }
  return Status::Ok();
}

}  // namespace tdkt::nomination
