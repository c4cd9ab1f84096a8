// The feed reader view served next to the Atom feed: an HTML page whose
// script fetches feed.atom, parses it with DOMParser and lists the entries
// (title, date, summary) as a feed reader would. It writes text with
// textContent only, never innerHTML, so markup in an entry stays text. No
// XSLT. Pure.
#pragma once

#include <string>

namespace tdkt::campaign_media::pub {

// `feed_url` is fetched by the page (relative, e.g. "feed.atom").
std::string RenderReaderPage(const std::string& agency_name, const std::string& feed_url);

}  // namespace tdkt::campaign_media::pub
