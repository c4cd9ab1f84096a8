// common/http_server: routes with path parameters (whole segments and parts
// of one), query parameters and headers, status and extra headers, the
// request counter, port 0, Stop twice. Loopback only.
#include <httplib.h>

#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include "common/http_server.h"

namespace tdkt::http {
namespace {

TEST(HttpServerTest, RoutesParamsQueryHeadersAndMetrics) {
  prometheus::Registry registry;
  HttpServer server(&registry);
  server.Get("/a/{id}/file/{year}.html", [](const Request& r) {
    Response out;
    std::string q;
    out.body = r.Param("id") + "|" + r.Param("year") + "|" + (r.Query("q", &q) ? q : "-") + "|" + r.Header("x-test") +
               "|" + std::to_string(r.segments.size());
    out.headers.emplace_back("X-Extra", "yes");
    return out;
  });
  server.Get("/teapot", [](const Request&) {
    Response out;
    out.status = 418;
    out.content_type = "application/json";
    out.body = "{}";
    return out;
  });
  ASSERT_TRUE(server.Start("127.0.0.1", 0).ok());
  ASSERT_GT(server.port(), 0);
  httplib::Client client("127.0.0.1", server.port());
  auto res = client.Get("/a/56/file/2026.html?q=Hu%E1%BB%87", {{"X-Test", "t"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "56|2026|Huệ|t|4");
  EXPECT_EQ(res->get_header_value("X-Extra"), "yes");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  res = client.Get("/teapot");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 418);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  res = client.Get("/a/56/file/2026.txt");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  res = client.Get("/a/5/6/file/2026.html");  // {id} is one segment.
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);

  double ok = 0, teapot = 0;
  for (const auto& family : registry.Collect()) {
    for (const auto& m : family.metric) {
      std::string route, code;
      for (const auto& l : m.label) (l.name == "route" ? route : l.name == "code" ? code : route) = l.value;
      if (family.name == "tdkt_http_requests_total" && route == "/a/{id}/file/{year}.html" && code == "200") ok = m.counter.value;
      if (family.name == "tdkt_http_requests_total" && route == "/teapot" && code == "418") teapot = m.counter.value;
    }
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(teapot, 1);
  server.Stop();
  server.Stop();
}

TEST(HttpServerTest, StopsRightAfterStartAndWithoutRegistry) {
  HttpServer server;
  server.Get("/x", [](const Request&) { return Response{}; });
  ASSERT_TRUE(server.Start("127.0.0.1", 0).ok());
  server.Stop();
  HttpServer never_started;
  never_started.Stop();
}

}  // namespace
}  // namespace tdkt::http
