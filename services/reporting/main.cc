// The reporting service binary. Its domain arrives in a later issue; until then
// it starts, serves the gRPC health service and /metrics, and exposes no RPCs.
#include "common/service_main.h"

int main(int argc, char** argv) {
  tdkt::ServiceMain service("reporting", 4);
  return service.Run(argc, argv, [](tdkt::ServerHost&) { return tdkt::Status::Ok(); });
}
