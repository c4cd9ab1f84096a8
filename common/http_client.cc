#include "common/http_client.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>

namespace tdkt::http {

namespace {

bool IsHopByHop(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name == "connection" || name == "keep-alive" || name == "transfer-encoding" || name == "content-length" ||
         name == "content-type" || name == "upgrade" || name == "proxy-authenticate" || name == "te" ||
         name == "trailer";
}

}  // namespace

Result<Response> Fetch(const std::string& host, int port, const std::string& target, const FetchOptions& options) {
  httplib::Client client(host, port);
  const time_t seconds = options.timeout_ms / 1000, micros = (options.timeout_ms % 1000) * 1000;
  client.set_connection_timeout(seconds, micros);
  client.set_read_timeout(seconds, micros);
  httplib::Headers headers;
  for (const auto& [name, value] : options.headers) headers.emplace(name, value);
  auto answer = client.Get(target, headers);
  if (!answer) {
    return Status::Unavailable("the server at " + host + ":" + std::to_string(port) +
                               " did not answer: " + httplib::to_string(answer.error()));
  }
  Response response;
  response.status = answer->status;
  response.content_type = answer->get_header_value("Content-Type");
  response.body = std::move(answer->body);
  for (const auto& [name, value] : answer->headers) {
    if (!IsHopByHop(name)) response.headers.emplace_back(name, value);
  }
  return response;
}

}  // namespace tdkt::http
