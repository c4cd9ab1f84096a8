#include "services/campaign_media/domain/campaign_rules.h"

#include <cstdlib>
#include <set>

#include "common/text.h"
#include "services/campaign_media/domain/channels.h"

namespace tdkt::campaign_media {
namespace {

constexpr int kMaxPlannedItems = 500;
constexpr int kMaxChannels = 8;

int Year(const std::string& date) { return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0; }

}  // namespace

Status NormalizeText(std::string* s, const std::string& field, bool required, size_t max) {
  auto normal = text::NormalizeInput(field, *s);
  if (!normal.ok()) return normal.status();
  if (required && normal->empty()) return Status::InvalidArgument(field, "không được để trống");
  if (text::CodePointCount(*normal) > max) {
    return Status::InvalidArgument(field, "dài quá " + std::to_string(max) + " ký tự");
  }
  *s = std::move(*normal);
  return Status::Ok();
}

Status NormalizeTitle(std::string* s, const std::string& field, size_t max) {
  TDKT_RETURN_IF_ERROR(NormalizeText(s, field, true, max));
  if (s->find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidArgument(field, "tiêu đề chỉ được viết trên một dòng");
  }
  // Titles are shown on the public site and in exported reports: no markup.
  if (s->find_first_of("<>") != std::string::npos) {
    return Status::InvalidArgument(field, "tiêu đề không được chứa ký tự < hoặc > (mã HTML, script)");
  }
  return Status::Ok();
}

Status NormalizeCampaign(cv1::Campaign& c) {
  TDKT_RETURN_IF_ERROR(NormalizeTitle(c.mutable_name(), "campaign.name"));
  TDKT_RETURN_IF_ERROR(NormalizeText(c.mutable_goal(), "campaign.goal", true, 4000));
  if (c.end_date() < c.start_date()) {
    return Status::InvalidArgument("campaign.end_date", "ngày kết thúc (" + c.end_date() +
                                                            ") không được trước ngày bắt đầu (" + c.start_date() + ")");
  }
  if (c.channels().empty()) {
    return Status::InvalidArgument("campaign.channels", "cần chọn ít nhất một kênh tuyên truyền");
  }
  if (c.channels_size() > kMaxChannels) {
    return Status::InvalidArgument("campaign.channels", "nhiều nhất " + std::to_string(kMaxChannels) + " kênh");
  }
  std::set<std::string> channels;
  for (int i = 0; i < c.channels_size(); ++i) {
    const std::string at = "campaign.channels[" + std::to_string(i) + "]";
    TDKT_RETURN_IF_ERROR(CheckChannel(c.channels(i), at));
    if (!channels.insert(c.channels(i)).second) {
      return Status::InvalidArgument(at, "kênh '" + c.channels(i) + "' bị lặp");
    }
  }
  if (c.planned_items_size() > kMaxPlannedItems) {
    return Status::InvalidArgument("campaign.planned_items",
                                   "nhiều nhất " + std::to_string(kMaxPlannedItems) + " sản phẩm dự kiến");
  }
  for (int i = 0; i < c.planned_items_size(); ++i) {
    cv1::PlannedItem* item = c.mutable_planned_items(i);
    const std::string at = "campaign.planned_items[" + std::to_string(i) + "]";
    TDKT_RETURN_IF_ERROR(NormalizeTitle(item->mutable_title(), at + ".title"));
    TDKT_RETURN_IF_ERROR(CheckChannel(item->channel(), at + ".channel"));
    if (!channels.count(item->channel())) {
      return Status::InvalidArgument(at + ".channel", "kênh '" + item->channel() + "' (" +
                                                          ChannelLabel(item->channel()) +
                                                          ") không nằm trong các kênh của chiến dịch");
    }
    if (!item->kind().empty()) TDKT_RETURN_IF_ERROR(CheckKind(item->kind(), at + ".kind"));
    if (item->planned_date() < c.start_date() || item->planned_date() > c.end_date()) {
      return Status::InvalidArgument(at + ".planned_date", "ngày dự kiến " + item->planned_date() +
                                                               " nằm ngoài thời gian chiến dịch (" + c.start_date() +
                                                               " đến " + c.end_date() + ")");
    }
  }
  if (c.budget_vnd() < 0) return Status::InvalidArgument("campaign.budget_vnd", "kinh phí không được âm");
  return Status::Ok();
}

bool PeriodTouchesYear(const cv1::Campaign& c, int year) {
  return Year(c.start_date()) <= year && year <= Year(c.end_date());
}

std::vector<int> YearsTouched(const cv1::Campaign& c) {
  std::vector<int> years;
  for (int y = Year(c.start_date()); y <= Year(c.end_date()) && y > 0; ++y) years.push_back(y);
  return years;
}

}  // namespace tdkt::campaign_media
