// The statutory forms as one piece the reporting node mounts: storage, use
// cases and the gRPC service tdkt.reporting.v1.StatutoryService.
//
//   StatutoryComponent statutory(redis, verifier, nomination_client, node_agency);
//   statutory.Register(host);   // before host.Start()
//
// Movements and recognitions are read through the nomination API (with the
// node's identity); organisations and staff live under rep:{<unit>}:stat:*.
#pragma once

#include <string>

#include "common/auth.h"
#include "common/nomination_client.h"
#include "common/redis_client.h"
#include "common/server_host.h"
#include "services/reporting/statutory/api/statutory_service.h"
#include "services/reporting/statutory/app/statutory_manager.h"
#include "services/reporting/statutory/storage/statutory_store.h"

namespace tdkt::reporting::statutory {

class StatutoryComponent {
 public:
  StatutoryComponent(RedisClient& redis, const TokenVerifier& verifier, NominationClient& nominations,
                     std::string node_agency)
      : store_(redis), manager_(store_, nominations, std::move(node_agency)), service_(manager_, verifier) {}

  // Adds the gRPC service to `host`; the component must outlive the host's server.
  void Register(ServerHost& host) { host.AddService(&service_); }
  StatutoryManager& manager() { return manager_; }

 private:
  StatutoryStore store_;
  StatutoryManager manager_;
  StatutoryService service_;
};

}  // namespace tdkt::reporting::statutory

namespace tdkt::reporting {
using statutory::StatutoryComponent;  // The name the reporting node uses.
}  // namespace tdkt::reporting
