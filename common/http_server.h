// The suite's one small HTTP server (public pages, the JSON gateway): GET,
// POST and OPTIONS routes with path parameters, served on its own threads.
// Routes are patterns such as "/public/{agency}/epublication/{year}.html": a
// `{name}` matches one path segment (or the part of it between literal
// text), a trailing `{name*}` the rest of the path. The HTTP library stays
// behind this header (and common/http_client.h).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace tdkt::http {

struct Request {
  std::string method;                             // "GET", "POST", "OPTIONS".
  std::string path;                               // Decoded path, e.g. "/public/56/feed.atom".
  std::string target;                             // Path and query string as sent (not decoded).
  std::vector<std::string> segments;              // The path split on '/', empty parts dropped.
  std::map<std::string, std::string> params;     // Path parameters by name.
  std::multimap<std::string, std::string> query;  // Query parameters.
  std::multimap<std::string, std::string> headers;  // Header names as sent.
  std::string body;                               // The request body (POST).
  std::string remote_addr;                        // The peer's IP address.

  // The path parameter `name`; empty when absent.
  std::string Param(const std::string& name) const;
  // True with the first value of query parameter `name` in *value.
  bool Query(const std::string& name, std::string* value) const;
  // First value of header `name` (case-insensitive); empty when absent.
  std::string Header(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Extra headers.
};

using Handler = std::function<Response(const Request&)>;

struct HttpServerOptions {
  int threads = 8;  // Worker threads serving requests.
};

class HttpServer {
 public:
  // `registry` may be null (no metrics). With one, counts
  // tdkt_http_requests_total{route,code} and tdkt_http_request_seconds{route}.
  explicit HttpServer(prometheus::Registry* registry = nullptr, HttpServerOptions options = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Adds a route; before Start. The pattern is also the metrics label.
  void Get(const std::string& pattern, Handler handler);
  void Post(const std::string& pattern, Handler handler);
  void Options(const std::string& pattern, Handler handler);
  // Requests larger than this are refused with 413 (default 8 MiB).
  void SetMaxBodyBytes(size_t bytes);
  // Listens on host:port (0 = a free port) on its own threads.
  Status Start(const std::string& host, int port);
  // Stops listening and joins the threads; safe to call twice.
  void Stop();
  // The port listened on, after Start; -1 before.
  int port() const;

 private:
  void Route(const std::string& method, const std::string& pattern, Handler handler);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tdkt::http
