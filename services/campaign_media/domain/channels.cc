#include "services/campaign_media/domain/channels.h"

#include <algorithm>
#include <map>

namespace tdkt::campaign_media {
namespace {

struct Vocabulary {
  std::vector<std::string> codes;
  std::map<std::string, std::string> labels;
};

const Vocabulary& Channels() {
  static const Vocabulary v = [] {
    Vocabulary out;
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"portal", "Chuyên mục trên cổng thông tin điện tử"},
        {"newspaper", "Báo in"},
        {"radio", "Phát thanh"},
        {"television", "Truyền hình"},
        {"loudspeaker", "Loa truyền thanh cơ sở"},
        {"social", "Mạng xã hội"},
        {"epublication", "Ấn phẩm điện tử"},
        {"school", "Giao lưu tại trường học"}};
    for (const auto& [code, label] : rows) {
      out.codes.push_back(code);
      out.labels[code] = label;
    }
    return out;
  }();
  return v;
}

const Vocabulary& Kinds() {
  static const Vocabulary v = [] {
    Vocabulary out;
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"article", "Tin, bài"},      {"reportage", "Phóng sự"}, {"film", "Phim tài liệu"},
        {"programme", "Chương trình"}, {"poster", "Áp phích, tranh cổ động"}, {"podcast", "Podcast"}};
    for (const auto& [code, label] : rows) {
      out.codes.push_back(code);
      out.labels[code] = label;
    }
    return out;
  }();
  return v;
}

std::string Joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

Status CheckCode(const Vocabulary& v, const std::string& code, const std::string& field, const char* what) {
  if (v.labels.count(code)) return Status::Ok();
  std::string shown = code.substr(0, 40);
  return Status::InvalidArgument(field, std::string(code.empty() ? "chưa chọn " : "không có ") + what +
                                            (code.empty() ? "" : " '" + shown + "'") + "; dùng một trong: " +
                                            Joined(v.codes));
}

// Which measures each channel takes (views, listeners, viewers, broadcasts, copies).
struct Measures {
  bool views, listeners, viewers, broadcasts, copies;
};

Measures MeasuresOf(const std::string& channel) {
  if (channel == "portal" || channel == "social" || channel == "epublication") return {true, false, false, false, false};
  if (channel == "newspaper") return {false, false, false, false, true};
  if (channel == "radio" || channel == "loudspeaker") return {false, true, false, true, false};
  if (channel == "television") return {false, false, true, true, false};
  if (channel == "school") return {false, true, false, false, false};
  return {false, false, false, false, false};
}

}  // namespace

const std::vector<std::string>& ChannelCodes() { return Channels().codes; }

std::string ChannelLabel(const std::string& code) {
  auto it = Channels().labels.find(code);
  return it == Channels().labels.end() ? code : it->second;
}

Status CheckChannel(const std::string& code, const std::string& field) {
  return CheckCode(Channels(), code, field, "kênh");
}

const std::vector<std::string>& KindCodes() { return Kinds().codes; }

std::string KindLabel(const std::string& code) {
  auto it = Kinds().labels.find(code);
  return it == Kinds().labels.end() ? code : it->second;
}

Status CheckKind(const std::string& code, const std::string& field) {
  return CheckCode(Kinds(), code, field, "loại sản phẩm");
}

Status CheckReachForChannel(const cv1::Reach& reach, const std::string& channel, const std::string& field) {
  TDKT_RETURN_IF_ERROR(CheckChannel(channel, "channel"));
  const Measures allowed = MeasuresOf(channel);
  struct Row {
    const char* name;
    int64_t value;
    bool allowed;
  };
  const Row rows[] = {{"views", reach.views(), allowed.views},
                      {"listeners", reach.listeners(), allowed.listeners},
                      {"viewers", reach.viewers(), allowed.viewers},
                      {"broadcasts", reach.broadcasts(), allowed.broadcasts},
                      {"copies", reach.copies(), allowed.copies}};
  bool any = false;
  for (const auto& row : rows) {
    const std::string at = field + "." + row.name;
    if (row.value < 0) return Status::InvalidArgument(at, "số liệu không được âm");
    if (row.value > 0 && !row.allowed) {
      return Status::InvalidArgument(at, "kênh '" + channel + "' (" + ChannelLabel(channel) +
                                             ") không báo cáo số liệu này");
    }
    any = any || row.value > 0;
  }
  if (!any) return Status::InvalidArgument(field, "cần ít nhất một số liệu lớn hơn 0");
  return Status::Ok();
}

void AddReach(const cv1::Reach& more, cv1::Reach* total) {
  total->set_views(total->views() + more.views());
  total->set_listeners(total->listeners() + more.listeners());
  total->set_viewers(total->viewers() + more.viewers());
  total->set_broadcasts(total->broadcasts() + more.broadcasts());
  total->set_copies(total->copies() + more.copies());
}

}  // namespace tdkt::campaign_media
