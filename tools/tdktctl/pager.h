// Follows next_page_token through every page of a List-style RPC.
#pragma once

#include <string>

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include "tools/tdktctl/output.h"
#include "tools/tdktctl/rpc.h"

namespace tdkt::ctl {

// Calls `method` with `request` (its page_token is overwritten page by page)
// until next_page_token comes back empty, appending the items of each page
// (the response's first repeated message field) to the JSON array `items`.
grpc::Status FetchAllPages(RpcClient& client, const std::string& method, google::protobuf::Message* request,
                           const google::protobuf::Message& response_prototype, Json* items);

}  // namespace tdkt::ctl
