// A public site to look at in a browser (tests/scripts/public_browser_test.sh):
// a real nomination service and campaign-media node on loopback over the
// Redis of TDKT_TEST_REDIS_PORT, two exemplars of Khánh Hòa recognised this
// year and published items of the test's own, one with a <script> title
// (which the item API itself refuses, hence not created through it) and a
// draft and a retracted one that must not show. Writes the HTTP port and the
// year to argv[1] ("PORT YEAR"), then serves until SIGTERM or SIGINT.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>

#include "common/vn_time.h"
#include "services/campaign_media/public/public_site.h"
#include "tests/campaign_media/public_site_fixture.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"

int main(int argc, char** argv) {
  using namespace tdkt::testing;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s PORT_FILE\n", argv[0]);
    return 2;
  }
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // Before any thread starts.

  FixedPublishedItems items;
  tdkt::campaign_media::PublicSiteComponent* site = nullptr;
  CampaignMediaServer server([&](tdkt::campaign_media::CampaignMediaNode& node) {
    auto component = std::make_unique<tdkt::campaign_media::PublicSiteComponent>(node.context(), items, "127.0.0.1",
                                                                                  0, node.registry());
    site = component.get();
    node.Add(std::move(component));
  });
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const int year = tdkt::VietnamYear(now);
  const std::string today = tdkt::FormatVietnamTime(now, "%Y-%m-%d");
  auto hue = Recognised(server.nomination(), "Nguyễn Thị Huệ", kBacNhaTrang, "15/QĐ-UBND", today);
  auto binh = Recognised(server.nomination(), "Trần Văn Bình", kNhaTrang, "16/QĐ-UBND", today);
  if (hue.id().empty() || binh.id().empty()) {
    std::fprintf(stderr, "could not create the exemplars\n");
    return 1;
  }
  items.Put(FixtureItem("item-56-1", kKhanhHoa, "Người thầy thuốc tận tụy ở Bắc Nha Trang", cmv1::PUBLISHED,
                        now - 3000, {hue.id()}));
  items.Put(FixtureItem("item-56-2", kKhanhHoa, "Nông dân sản xuất kinh doanh giỏi Trần Văn Bình", cmv1::PUBLISHED,
                        now - 2000, {binh.id()}));
  auto script = FixtureItem("item-56-3", kKhanhHoa,
                            "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')"
                            "</script>Tiêu đề có mã",
                            cmv1::PUBLISHED, now - 1000, {hue.id()});
  script.set_summary("<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">Tóm tắt có mã");
  items.Put(script);
  items.Put(FixtureItem("item-56-4", kKhanhHoa, "Bản nháp bí mật", cmv1::DRAFT, now - 500, {hue.id()}));
  items.Put(FixtureItem("item-56-5", kKhanhHoa, "Bài đã gỡ xuống", cmv1::RETRACTED, now - 400, {hue.id()}));

  {
    std::ofstream out(std::string(argv[1]) + ".tmp");
    out << site->port() << " " << year << "\n";
  }
  std::rename((std::string(argv[1]) + ".tmp").c_str(), argv[1]);
  std::fprintf(stderr, "public site on http://127.0.0.1:%d/public/56/\n", site->port());
  int sig = 0;
  sigwait(&stop, &sig);
  return 0;
}
