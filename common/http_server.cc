#include "common/http_server.h"

#include <httplib.h>

#include <chrono>
#include <mutex>
#include <regex>
#include <thread>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace tdkt::http {

namespace {

// "/public/{agency}/x/{year}.html" -> regex with one group per {name}.
std::string PatternToRegex(const std::string& pattern, std::vector<std::string>* names) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '{') {
      size_t end = pattern.find('}', i);
      if (end != std::string::npos) {
        std::string name = pattern.substr(i + 1, end - i - 1);
        const bool rest = !name.empty() && name.back() == '*';
        if (rest) name.pop_back();
        names->push_back(name);
        out += rest ? "(.+)" : "([^/]+?)";
        i = end;
        continue;
      }
    }
    if (kSpecial.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace

std::string Request::Param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

bool Request::Query(const std::string& name, std::string* value) const {
  auto it = query.find(name);
  if (it == query.end()) return false;
  *value = it->second;
  return true;
}

std::string Request::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < key.size() && same; ++i) same = std::tolower(key[i]) == std::tolower(name[i]);
    if (same) return value;
  }
  return "";
}

struct HttpServer::Impl {
  HttpServerOptions options;
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;
  int port = -1;
  bool running = false;
  prometheus::Family<prometheus::Counter>* requests = nullptr;
  prometheus::Family<prometheus::Histogram>* seconds = nullptr;

  void Count(const std::string& route, int status, double elapsed) {
    if (!requests) return;
    requests->Add({{"route", route}, {"code", std::to_string(status)}}).Increment();
    seconds
        ->Add({{"route", route}},
              prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5, 1, 2.5})
        .Observe(elapsed);
  }
};

HttpServer::HttpServer(prometheus::Registry* registry, HttpServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  const int threads = options.threads > 0 ? options.threads : 1;
  impl_->server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Small answers would otherwise wait on Nagle and delayed ACKs (~40 ms).
  impl_->server.set_tcp_nodelay(true);
  impl_->server.set_payload_max_length(8 << 20);
  if (registry) {
    impl_->requests = &prometheus::BuildCounter()
                           .Name("tdkt_http_requests_total")
                           .Help("HTTP requests served, by route pattern and status code")
                           .Register(*registry);
    impl_->seconds = &prometheus::BuildHistogram()
                          .Name("tdkt_http_request_seconds")
                          .Help("Time to answer an HTTP request, by route pattern")
                          .Register(*registry);
  }
  // Requests no route matches are counted under one label.
  Impl* impl = impl_.get();
  impl_->server.set_error_handler([impl](const httplib::Request&, httplib::Response& res) {
    if (res.status == 404 && res.body.empty()) {
      impl->Count("unmatched", 404, 0);
      res.set_content("Không tìm thấy trang.\n", "text/plain; charset=utf-8");
    }
  });
}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Get(const std::string& pattern, Handler handler) { Route("GET", pattern, std::move(handler)); }
void HttpServer::Post(const std::string& pattern, Handler handler) { Route("POST", pattern, std::move(handler)); }
void HttpServer::Options(const std::string& pattern, Handler handler) {
  Route("OPTIONS", pattern, std::move(handler));
}
void HttpServer::SetMaxBodyBytes(size_t bytes) { impl_->server.set_payload_max_length(bytes); }

void HttpServer::Route(const std::string& method, const std::string& pattern, Handler handler) {
  auto names = std::make_shared<std::vector<std::string>>();
  const std::string regex = PatternToRegex(pattern, names.get());
  Impl* impl = impl_.get();
  auto serve = [impl, pattern, names, handler](const httplib::Request& req, httplib::Response& res) {
    const auto started = std::chrono::steady_clock::now();
    Request request;
    request.method = req.method;
    request.path = req.path;
    request.target = req.target;
    request.segments = SplitPath(req.path);
    for (size_t i = 0; i < names->size() && i + 1 < req.matches.size(); ++i) {
      request.params[(*names)[i]] = req.matches[i + 1].str();
    }
    for (const auto& [key, value] : req.params) request.query.emplace(key, value);
    for (const auto& [key, value] : req.headers) request.headers.emplace(key, value);
    request.body = req.body;
    request.remote_addr = req.remote_addr;
    Response response = handler(request);
    res.status = response.status;
    for (const auto& [key, value] : response.headers) res.set_header(key.c_str(), value);
    res.set_content(std::move(response.body), response.content_type.c_str());
    impl->Count(pattern, response.status,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  };
  if (method == "POST") {
    impl_->server.Post(regex, serve);
  } else if (method == "OPTIONS") {
    impl_->server.Options(regex, serve);
  } else {
    impl_->server.Get(regex, serve);
  }
}

Status HttpServer::Start(const std::string& host, int port) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->running) return Status::FailedPrecondition("HTTP server already started");
  int bound = -1;
  if (port == 0) {
    bound = impl_->server.bind_to_any_port(host);
  } else if (impl_->server.bind_to_port(host, port)) {
    bound = port;
  }
  if (bound <= 0) return Status::Unavailable("cannot listen on " + host + ":" + std::to_string(port));
  impl_->port = bound;
  impl_->running = true;
  impl_->thread = std::thread([impl = impl_.get()] { impl->server.listen_after_bind(); });
  // Stop() before the loop runs would be lost; wait until it accepts.
  for (int i = 0; i < 2000 && !impl_->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Status::Ok();
}

void HttpServer::Stop() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (!impl_->running) return;
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->running = false;
}

int HttpServer::port() const { return impl_->port; }

}  // namespace tdkt::http
