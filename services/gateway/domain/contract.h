// The gRPC contract as the gateway sees it: every tdkt .proto (with its
// comments) in one descriptor pool, the services a portal may call, and the
// translation between protobuf's JSON mapping and the wire bytes. Pure
// protobuf: no network, so it is unit-tested and fuzzed directly.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>

#include "common/status.h"

namespace tdkt::gateway {

class Contract {
 public:
  // Parses a serialized FileDescriptorSet (proto/tdkt_descriptors.h).
  static Result<std::unique_ptr<Contract>> FromDescriptorSet(std::string_view bytes);

  const google::protobuf::DescriptorPool& pool() const { return pool_; }
  // Services of packages tdkt.*, except node-to-node ones (…FederationService)
  // and benchmarks (tdkt.bench.*), sorted by full name.
  const std::vector<const google::protobuf::ServiceDescriptor*>& services() const { return services_; }
  // The exposed method, or null ("tdkt.nomination.v1.NominationService", "Get…").
  const google::protobuf::MethodDescriptor* FindMethod(const std::string& service, const std::string& method) const;

  // A JSON request body (protobuf JSON mapping; snake_case or lowerCamelCase
  // names; empty means {}) as the method's request bytes. Unknown fields and
  // wrong types are InvalidArgument on field "body", saying what is wrong.
  Result<std::string> RequestFromJson(const google::protobuf::MethodDescriptor& method, std::string_view json) const;
  // The method's response bytes as JSON (field names as in the .proto,
  // fields with default values included).
  Result<std::string> ResponseToJson(const google::protobuf::MethodDescriptor& method, const std::string& bytes) const;

 private:
  Contract() = default;
  const google::protobuf::Message* Prototype(const google::protobuf::Descriptor* type) const;

  google::protobuf::DescriptorPool pool_;
  mutable google::protobuf::DynamicMessageFactory factory_;
  std::vector<const google::protobuf::ServiceDescriptor*> services_;
  // Filled once when loading, read-only afterwards: safe for many threads.
  std::map<const google::protobuf::Descriptor*, const google::protobuf::Message*> prototypes_;
};

}  // namespace tdkt::gateway
