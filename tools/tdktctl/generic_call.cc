// `tdktctl call` and `list-methods`: any RPC compiled into tdkt_proto, with
// the request built from JSON by reflection and the response printed as JSON.
#include <iostream>
#include <iterator>
#include <memory>

#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/json_util.h>

#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/output.h"

namespace tdkt::ctl {

namespace pb = ::google::protobuf;

int RunCall(const Args& args, const Endpoint& endpoint) {
  const std::string& name = args.positional()[0];
  const pb::MethodDescriptor* method = FindMethod(name);
  if (!method) return UsageError("call", "unknown method '" + name + "'; 'tdktctl list-methods' shows them all");
  if (method->client_streaming() || method->server_streaming()) {
    return UsageError("call", method->full_name() + " streams; only unary methods can be called");
  }
  std::string json = args.positional().size() > 1 ? args.positional()[1] : "{}";
  if (json == "-") json.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());

  pb::DynamicMessageFactory factory;  // must outlive the messages it makes
  std::unique_ptr<pb::Message> request(factory.GetPrototype(method->input_type())->New());
  std::unique_ptr<pb::Message> response(factory.GetPrototype(method->output_type())->New());
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // a misspelt field must not be dropped silently
  auto parsed = pb::util::JsonStringToMessage(json, request.get(), options);
  if (!parsed.ok()) {
    return UsageError("call", "the request is not a valid " + method->input_type()->full_name() +
                                  " in JSON: " + std::string(parsed.message()));
  }
  RpcClient client(endpoint);
  return Finish(client.Call(method->full_name(), *request, response.get()), *response);
}

int RunListMethods(const Args&, const Endpoint&) {
  Json out = Json::array();
  for (const auto* service : AllServices()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const pb::MethodDescriptor* m = service->method(i);
      Json entry = {{"method", service->full_name() + "/" + m->name()},
                    {"request", m->input_type()->full_name()},
                    {"response", m->output_type()->full_name()}};
      if (m->client_streaming() || m->server_streaming()) entry["streaming"] = true;
      out.push_back(std::move(entry));
    }
  }
  PrintJson(out);
  return kExitOk;
}

}  // namespace tdkt::ctl
