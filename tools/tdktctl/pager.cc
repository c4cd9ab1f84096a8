#include "tools/tdktctl/pager.h"

#include <memory>
#include <set>

namespace tdkt::ctl {

namespace pb = ::google::protobuf;

grpc::Status FetchAllPages(RpcClient& client, const std::string& method, pb::Message* request,
                           const pb::Message& response_prototype, Json* items) {
  std::unique_ptr<pb::Message> response(response_prototype.New());
  const pb::Descriptor* out_type = response->GetDescriptor();
  const pb::FieldDescriptor* token_in = request->GetDescriptor()->FindFieldByName("page_token");
  const pb::FieldDescriptor* token_out = out_type->FindFieldByName("next_page_token");
  const pb::FieldDescriptor* list = nullptr;
  for (int i = 0; i < out_type->field_count() && !list; ++i) {
    if (out_type->field(i)->is_repeated() && out_type->field(i)->message_type()) list = out_type->field(i);
  }
  if (!token_in || !token_out || !list) {
    return grpc::Status(grpc::StatusCode::INTERNAL, method + " is not a paged list");
  }
  if (!items->is_array()) *items = Json::array();
  std::set<std::string> seen;  // a server repeating a token must not loop us forever
  for (;;) {
    response->Clear();
    grpc::Status status = client.Call(method, *request, response.get());
    if (!status.ok()) return status;
    const pb::Reflection* reflection = response->GetReflection();
    for (int i = 0; i < reflection->FieldSize(*response, list); ++i) {
      items->push_back(MessageToJson(reflection->GetRepeatedMessage(*response, list, i)));
    }
    const std::string next = reflection->GetString(*response, token_out);
    if (next.empty()) return grpc::Status::OK;
    if (!seen.insert(next).second) {
      return grpc::Status(grpc::StatusCode::INTERNAL, "the server returned page token '" + next + "' twice");
    }
    request->GetReflection()->SetString(request, token_in, next);
  }
}

}  // namespace tdkt::ctl
