// `tdktctl import-csv`: a spreadsheet of candidates in one all-or-nothing
// BatchCreateNominations call. Problems are reported per CSV line, whether
// found here (layout, kinds, dates) or by the server (agencies, fields...).
#include <fstream>
#include <iostream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "tdkt/nomination/v1/nomination.grpc.pb.h"
#include "tools/tdktctl/commands.h"
#include "tools/tdktctl/csv_import.h"
#include "tools/tdktctl/ids.h"
#include "tools/tdktctl/output.h"

namespace tdkt::ctl {
namespace {

constexpr size_t kMaxRowsPerCall = 1000;  // the server's batch limit

int ReportLines(const std::string& summary, const std::vector<std::string>& lines) {
  std::cerr << "error: INVALID_ARGUMENT: " << summary << "\n";
  for (const auto& line : lines) std::cerr << line << "\n";
  return kExitFailed;
}

size_t DistinctLines(const std::vector<std::string>& errors) {
  std::set<std::string> lines;
  for (const auto& e : errors) {
    if (e.rfind("line ", 0) == 0 || e.rfind("row ", 0) == 0) lines.insert(e.substr(0, e.find(':')));
  }
  return lines.size();
}

// "N of M rows are wrong" from the server's message: it lists at most 50.
std::string BadRowCount(const std::string& message, size_t listed) {
  static const std::regex kCount("([0-9]+) of [0-9]+ rows are wrong");
  std::smatch m;
  return std::regex_search(message, m, kCount) ? m.str(1) : std::to_string(listed);
}

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

int RunImportCsv(const Args& args, const Endpoint& endpoint) {
  const std::string& path = args.positional()[0];
  auto content = ReadInput(path);
  if (!content.ok()) return ReportError(content.status());

  CandidateSheet sheet = ReadCandidateSheet(*content);
  if (!sheet.errors.empty()) {
    return ReportLines(std::to_string(DistinctLines(sheet.errors)) + " line(s) of " + path +
                           " need correcting; nothing was imported", sheet.errors);
  }
  if (sheet.rows.empty()) {
    return ReportError(Status::InvalidArgument(path, "has no candidate rows below the header line"));
  }
  if (sheet.rows.size() > kMaxRowsPerCall) {
    // One call is one all-or-nothing batch; several calls could half-import.
    return ReportError(Status::InvalidArgument(
        path, "has " + std::to_string(sheet.rows.size()) + " candidate rows, but at most " +
                  std::to_string(kMaxRowsPerCall) + " are imported at once (all or nothing); "
                  "split it into files of at most 1000 rows and import each"));
  }

  v1::BatchCreateNominationsRequest request;
  // Same file, same id: re-running an import returns the first result.
  request.set_request_id(args.Get("request-id", ContentRequestId("csv-", *content)));
  for (auto& row : sheet.rows) *request.add_rows() = std::move(row);
  RpcClient client(endpoint);
  v1::BatchCreateNominationsResponse response;
  grpc::Status status =
      client.Call(std::string(v1::NominationService::service_full_name()) + "/BatchCreateNominations", request,
                  &response);
  if (!status.ok()) {
    std::vector<std::string> lines;
    if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
      lines = TranslateRowErrors(status.error_message(), sheet.lines);
    }
    if (lines.empty()) return ReportError(status);
    // The server checks every row before recording any ("nothing was
    // recorded"); a failure while recording stops at that row instead.
    if (status.error_message().find("nothing was recorded") != std::string::npos) {
      return ReportLines("the server refused " + BadRowCount(status.error_message(), DistinctLines(lines)) +
                             " line(s) of " + path +
                             "; nothing was imported", lines);
    }
    return ReportLines("the import of " + path + " stopped at the line below; lines above it may already be "
                       "recorded (re-running on the unchanged file, request id " + request.request_id() +
                       ", does not record them twice)", lines);
  }
  Json ids = Json::array();
  for (const auto& n : response.nominations()) ids.push_back(n.id());
  PrintJson(Json{{"imported", response.nominations_size()}, {"request_id", request.request_id()}, {"ids", ids}});
  return kExitOk;
}

}  // namespace tdkt::ctl
