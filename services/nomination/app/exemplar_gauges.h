// tdkt_exemplars{state}: the node's candidates and exemplars by lifecycle
// stage (DISCOVERED … REPLICATING), over every unit of the node's subtree,
// for the operators' dashboard. Refreshed by a GaugeRefresher.
#pragma once

#include <string>

#include "common/status.h"
#include "services/nomination/storage/agency_directory.h"
#include "services/nomination/storage/nomination_repository.h"

namespace prometheus {
class Registry;
template <typename T>
class Family;
class Gauge;
}  // namespace prometheus

namespace tdkt::nomination {

class ExemplarGauges {
 public:
  ExemplarGauges(NominationRepository& nominations, AgencyDirectory& agencies, std::string node_agency,
                 prometheus::Registry& registry);
  // Recounts; every state gets a series, 0 included, so panels never gap.
  Status Refresh();

 private:
  NominationRepository& nominations_;
  AgencyDirectory& agencies_;
  const std::string node_agency_;
  prometheus::Family<prometheus::Gauge>& family_;
};

}  // namespace tdkt::nomination
