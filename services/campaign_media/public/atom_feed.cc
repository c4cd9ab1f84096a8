#include "services/campaign_media/public/atom_feed.h"

#include "services/campaign_media/domain/channels.h"
#include "services/campaign_media/public/render_util.h"

namespace tdkt::campaign_media::pub {

namespace {

// The later of an item's publication and last change.
const google::protobuf::Timestamp& Updated(const v1::MediaItem& item) {
  return item.updated_at().seconds() > item.published_at().seconds() ? item.updated_at() : item.published_at();
}

}  // namespace

std::string ItemTagUri(const FeedInfo& info, const std::string& item_id) {
  // The date is fixed so that an item's id never changes (RFC 4151).
  return "tag:" + info.tag_authority + ",2025:cm/item/" + item_id;
}

std::string PublicPath(const std::string& agency_id) { return "/public/" + agency_id + "/"; }

std::string RenderAtomFeed(const FeedInfo& info, const std::vector<v1::MediaItem>& items) {
  const std::string base = info.base_url + PublicPath(info.agency_id);
  google::protobuf::Timestamp updated = info.generated_at;
  if (!items.empty()) {
    updated = Updated(items.front());
    for (const auto& item : items) {
      if (Updated(item).seconds() > updated.seconds()) updated = Updated(item);
    }
  }
  std::string out;
  out.reserve(1024 + items.size() * 2048);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  out += "  <id>tag:" + XmlEscape(info.tag_authority) + ",2025:cm/feed/" + XmlEscape(info.agency_id) + "</id>\n";
  out += "  <title>Gương điển hình tiên tiến – " + XmlEscape(info.agency_name) + "</title>\n";
  out += "  <subtitle>Tin, bài về các điển hình tiên tiến đã được công nhận</subtitle>\n";
  out += "  <updated>" + IsoTime(updated) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + XmlEscape(base + "feed.atom") + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(base + "reader.html") + "\"/>\n";
  out += "  <author><name>" + XmlEscape(info.agency_name) + "</name></author>\n";
  out += "  <generator>tdkt campaign-media</generator>\n";
  for (const auto& item : items) {
    out += "  <entry>\n";
    out += "    <id>" + XmlEscape(ItemTagUri(info, item.id())) + "</id>\n";
    out += "    <title type=\"text\">" + XmlEscape(item.title()) + "</title>\n";
    out += "    <published>" + IsoTime(item.published_at()) + "</published>\n";
    out += "    <updated>" + IsoTime(Updated(item)) + "</updated>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           XmlEscape(base + "reader.html#" + item.id()) + "\"/>\n";
    out += "    <author><name>" + XmlEscape(item.author().empty() ? info.agency_name : item.author()) +
           "</name></author>\n";
    out += "    <category term=\"" + XmlEscape(item.channel()) + "\" label=\"" +
           XmlEscape(ChannelLabel(item.channel())) + "\" scheme=\"tag:" + XmlEscape(info.tag_authority) +
           ",2025:cm/channel\"/>\n";
    out += "    <category term=\"" + XmlEscape(item.kind()) + "\" label=\"" + XmlEscape(KindLabel(item.kind())) +
           "\" scheme=\"tag:" + XmlEscape(info.tag_authority) + ",2025:cm/kind\"/>\n";
    if (!item.summary().empty()) {
      out += "    <summary type=\"text\">" + XmlEscape(item.summary()) + "</summary>\n";
    }
    out += "    <content type=\"text\">" + XmlEscape(item.body()) + "</content>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace tdkt::campaign_media::pub
