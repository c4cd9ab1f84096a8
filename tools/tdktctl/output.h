// What tdktctl prints: results as JSON on stdout (proto field names, indented,
// UTF-8 kept readable); failures on stderr as "error: <GRPC_CODE>: <message>".
// Exit codes: 0 success, 1 failed call or bad data, 2 wrong usage.
#pragma once

#include <string>

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>
#include <nlohmann/json.hpp>

#include "common/status.h"

namespace tdkt::ctl {

using Json = nlohmann::ordered_json;  // keeps the proto field order

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

// The proto3 JSON form of `message` (proto field names, int64 as strings).
Json MessageToJson(const google::protobuf::Message& message);

void PrintJson(const Json& json);
void PrintMessage(const google::protobuf::Message& message);

// "INVALID_ARGUMENT" etc.
std::string CodeName(grpc::StatusCode code);

// Print the error and return kExitFailed.
int ReportError(const grpc::Status& status);
int ReportError(const Status& status);

// Prints "error: INVALID_ARGUMENT: <problem>" and a hint to `tdktctl help
// <command>`; returns kExitUsage.
int UsageError(const std::string& command, const std::string& problem);
int UsageError(const std::string& command, const Status& problem);

// Prints the response when `status` is OK, else the error; returns the exit code.
int Finish(const grpc::Status& status, const google::protobuf::Message& response);

}  // namespace tdkt::ctl
