// libFuzzer harness: the JSON gateway's request translation. The first byte
// picks one of the exposed methods, the rest is the HTTP body; translation
// must either succeed or fail with INVALID_ARGUMENT on "body", never crash,
// and a success must print back as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "proto/tdkt_descriptors.h"
#include "services/gateway/domain/contract.h"

namespace {

const tdkt::gateway::Contract& TheContract() {
  static const tdkt::gateway::Contract* contract = [] {
    auto loaded = tdkt::gateway::Contract::FromDescriptorSet(tdkt::TdktDescriptorSet());
    if (!loaded.ok()) std::abort();
    return loaded->release();
  }();
  return *contract;
}

const std::vector<const google::protobuf::MethodDescriptor*>& Methods() {
  static const auto* methods = [] {
    auto* all = new std::vector<const google::protobuf::MethodDescriptor*>();
    for (const auto* service : TheContract().services()) {
      for (int i = 0; i < service->method_count(); ++i) all->push_back(service->method(i));
    }
    return all;
  }();
  return *methods;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& methods = Methods();
  const auto* method = methods[data[0] % methods.size()];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto bytes = TheContract().RequestFromJson(*method, body);
  if (!bytes.ok()) {
    if (bytes.status().code() != tdkt::Code::kInvalidArgument || bytes.status().field() != "body") std::abort();
    return 0;
  }
  // The request bytes read as the response type may fail, but must not crash.
  (void)TheContract().ResponseToJson(*method, *bytes);
  return 0;
}
