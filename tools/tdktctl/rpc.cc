#include "tools/tdktctl/rpc.h"

#include <algorithm>

#include <google/protobuf/descriptor_database.h>

namespace tdkt::ctl {

namespace pb = ::google::protobuf;

RpcClient::RpcClient(Endpoint endpoint) : endpoint_(std::move(endpoint)) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);  // a full page of large records must fit
  args.SetUserAgentPrefix("tdktctl");
  client_ = std::make_unique<GenericRpcClient>(MakeChannel(endpoint_.addr, endpoint_.tls, args));
}

grpc::Status RpcClient::CallBytes(const std::string& path, const std::string& request, std::string* response,
                                  int64_t timeout_ms) {
  if (timeout_ms <= 0) timeout_ms = endpoint_.timeout_ms;
  RpcMetadata metadata;
  if (!endpoint_.token.empty()) metadata.emplace_back("authorization", "Bearer " + endpoint_.token);
  grpc::Status status = client_->Call(path, request, metadata, timeout_ms, response);

  // Add what the caller can do about the common failures.
  auto hint = [&status](const std::string& text) {
    const std::string& m = status.error_message();
    return grpc::Status(status.error_code(), m.empty() ? text : m + " (" + text + ")");
  };
  switch (status.error_code()) {
    case grpc::StatusCode::OK: break;
    case grpc::StatusCode::UNAVAILABLE: return hint("server " + endpoint_.addr + "; is it running? see --addr");
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return hint("no answer within " + std::to_string(timeout_ms) + " ms; see --timeout-ms");
    case grpc::StatusCode::UNAUTHENTICATED:
      if (!endpoint_.token.empty()) return status;
      return hint("no token given: pass --token= or set TDKT_TOKEN; mint one with 'tdktctl token'");
    case grpc::StatusCode::UNIMPLEMENTED:
      return hint("the server at " + endpoint_.addr + " does not offer " + path);
    default: return status;
  }
  return status;
}

grpc::Status RpcClient::Call(const std::string& method, const pb::Message& request, pb::Message* response) {
  const pb::MethodDescriptor* m = FindMethod(method);
  if (!m) return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "unknown method " + method);
  // Guards the typed commands against a method name that does not match.
  if (m->input_type()->full_name() != request.GetDescriptor()->full_name() ||
      m->output_type()->full_name() != response->GetDescriptor()->full_name()) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "message types do not match method " + m->full_name());
  }
  std::string request_bytes;
  if (!request.SerializeToString(&request_bytes)) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "cannot serialize the request");
  }
  std::string response_bytes;
  grpc::Status status = CallBytes("/" + m->service()->full_name() + "/" + m->name(), request_bytes, &response_bytes);
  if (!status.ok()) return status;
  if (!response->ParseFromString(response_bytes)) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "the response is not a " + m->output_type()->full_name());
  }
  return status;
}

std::vector<const pb::ServiceDescriptor*> AllServices() {
  std::vector<std::string> files;
  pb::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::vector<const pb::ServiceDescriptor*> services;
  for (const auto& name : files) {
    const pb::FileDescriptor* file = pb::DescriptorPool::generated_pool()->FindFileByName(name);
    if (!file) continue;
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  std::sort(services.begin(), services.end(),
            [](const auto* a, const auto* b) { return a->full_name() < b->full_name(); });
  return services;
}

const pb::MethodDescriptor* FindMethod(const std::string& raw) {
  std::string name = raw;
  if (!name.empty() && name[0] == '/') name.erase(0, 1);
  size_t cut = name.rfind('/');
  if (cut == std::string::npos) cut = name.rfind('.');
  if (cut == std::string::npos || cut == 0) return nullptr;
  const std::string service_name = name.substr(0, cut), method_name = name.substr(cut + 1);
  const pb::ServiceDescriptor* service = pb::DescriptorPool::generated_pool()->FindServiceByName(service_name);
  if (!service) {
    // A bare service name is fine when exactly one package has it.
    for (const auto* s : AllServices()) {
      if (s->name() != service_name) continue;
      if (service) return nullptr;  // ambiguous
      service = s;
    }
  }
  return service ? service->FindMethodByName(method_name) : nullptr;
}

}  // namespace tdkt::ctl
