#include "tools/tdktctl/output.h"

#include <iostream>

#include <google/protobuf/util/json_util.h>

#include "common/grpc_status.h"

namespace tdkt::ctl {

Json MessageToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string text;
  auto st = google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!st.ok()) return Json{{"error", "cannot print " + message.GetTypeName() + " as JSON: " + std::string(st.message())}};
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return json.is_discarded() ? Json(text) : json;
}

void PrintJson(const Json& json) {
  // `replace`: never throw on bad UTF-8 (proto3 strings are valid anyway).
  std::cout << json.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  std::cout.flush();
}

void PrintMessage(const google::protobuf::Message& message) { PrintJson(MessageToJson(message)); }

std::string CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK: return "OK";
    case grpc::StatusCode::CANCELLED: return "CANCELLED";
    case grpc::StatusCode::UNKNOWN: return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT: return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED: return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND: return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS: return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED: return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION: return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED: return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE: return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED: return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL: return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE: return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS: return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED: return "UNAUTHENTICATED";
    default: return "CODE_" + std::to_string(static_cast<int>(code));
  }
}

int ReportError(const grpc::Status& status) {
  std::cerr << "error: " << CodeName(status.error_code()) << ": " << status.error_message() << "\n";
  return kExitFailed;
}

int ReportError(const Status& status) { return ReportError(ToGrpcStatus(status)); }

int UsageError(const std::string& command, const std::string& problem) {
  std::cerr << "error: INVALID_ARGUMENT: " << problem << "\n"
            << "(see 'tdktctl help" << (command.empty() ? "" : " " + command) << "')\n";
  return kExitUsage;
}

int UsageError(const std::string& command, const Status& problem) {
  return UsageError(command, problem.ToString());
}

int Finish(const grpc::Status& status, const google::protobuf::Message& response) {
  if (!status.ok()) return ReportError(status);
  PrintMessage(response);
  return kExitOk;
}

}  // namespace tdkt::ctl
