#include "services/gateway/domain/contract.h"

#include <algorithm>

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/util/json_util.h>

namespace tdkt::gateway {

namespace pb = ::google::protobuf;

namespace {

bool Exposed(const pb::ServiceDescriptor& service) {
  const std::string& package = service.file()->package();
  if (package.rfind("tdkt.", 0) != 0 || package.rfind("tdkt.bench.", 0) == 0) return false;
  const std::string suffix = "FederationService";
  const std::string& name = service.name();
  return !(name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0);
}

}  // namespace

Result<std::unique_ptr<Contract>> Contract::FromDescriptorSet(std::string_view bytes) {
  pb::FileDescriptorSet set;
  if (!set.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return Status::Internal("the embedded descriptor set cannot be parsed");
  }
  std::unique_ptr<Contract> contract(new Contract());
  // --include_imports lists every file after its dependencies.
  for (const auto& file : set.file()) {
    const pb::FileDescriptor* built = contract->pool_.BuildFile(file);
    if (!built) return Status::Internal("descriptor " + file.name() + " does not build");
    for (int i = 0; i < built->service_count(); ++i) {
      if (Exposed(*built->service(i))) contract->services_.push_back(built->service(i));
    }
  }
  std::sort(contract->services_.begin(), contract->services_.end(),
            [](const auto* a, const auto* b) { return a->full_name() < b->full_name(); });
  for (const auto* service : contract->services_) {
    for (int i = 0; i < service->method_count(); ++i) {
      for (const pb::Descriptor* type : {service->method(i)->input_type(), service->method(i)->output_type()}) {
        contract->prototypes_.emplace(type, contract->factory_.GetPrototype(type));
      }
    }
  }
  return contract;
}

const pb::MethodDescriptor* Contract::FindMethod(const std::string& service, const std::string& method) const {
  const pb::ServiceDescriptor* found = pool_.FindServiceByName(service);
  if (!found || !Exposed(*found)) return nullptr;
  return found->FindMethodByName(method);
}

const pb::Message* Contract::Prototype(const pb::Descriptor* type) const {
  auto it = prototypes_.find(type);
  return it == prototypes_.end() ? nullptr : it->second;
}

Result<std::string> Contract::RequestFromJson(const pb::MethodDescriptor& method, std::string_view json) const {
  const pb::Message* prototype = Prototype(method.input_type());
  if (!prototype) return Status::NotFound("method " + method.full_name() + " is not offered");
  std::unique_ptr<pb::Message> request(prototype->New());
  const bool blank = std::all_of(json.begin(), json.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
  if (!blank) {
    pb::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;  // A misspelt field must not be dropped silently.
    auto parsed = pb::util::JsonStringToMessage(pb::StringPiece(json.data(), json.size()), request.get(), options);
    if (!parsed.ok()) {
      return Status::InvalidArgument("body", "is not a valid " + method.input_type()->full_name() +
                                                 " in JSON: " + std::string(parsed.message()));
    }
  }
  std::string bytes;
  if (!request->SerializeToString(&bytes)) return Status::InvalidArgument("body", "cannot be encoded");
  return bytes;
}

Result<std::string> Contract::ResponseToJson(const pb::MethodDescriptor& method, const std::string& bytes) const {
  const pb::Message* prototype = Prototype(method.output_type());
  if (!prototype) return Status::NotFound("method " + method.full_name() + " is not offered");
  std::unique_ptr<pb::Message> response(prototype->New());
  if (!response->ParseFromString(bytes)) {
    return Status::Internal("the service's answer is not a " + method.output_type()->full_name());
  }
  pb::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;  // As tdktctl prints them.
  options.always_print_primitive_fields = true;
  std::string json;
  auto printed = pb::util::MessageToJsonString(*response, &json, options);
  if (!printed.ok()) return Status::Internal("cannot print the answer as JSON: " + std::string(printed.message()));
  return json;
}

}  // namespace tdkt::gateway
