#include "services/campaign_media/public/reader_page.h"

#include "services/campaign_media/public/render_util.h"

namespace tdkt::campaign_media::pub {

namespace {

// The script: all text goes in through textContent.
constexpr const char* kScript = R"JS(
(function () {
  var list = document.getElementById('entries');
  var status = document.getElementById('status');
  var feedUrl = document.body.getAttribute('data-feed');
  function text(el, name) {
    var n = el.getElementsByTagNameNS('http://www.w3.org/2005/Atom', name)[0];
    return n ? n.textContent : '';
  }
  function show(message) { status.textContent = message; }
  fetch(feedUrl, { headers: { 'Accept': 'application/atom+xml' } })
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); })
    .then(function (xml) {
      var doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) throw new Error('feed không hợp lệ');
      var feedTitle = text(doc.documentElement, 'title');
      if (feedTitle) document.getElementById('feed-title').textContent = feedTitle;
      var entries = doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry');
      for (var i = 0; i < entries.length; i++) {
        var e = entries[i];
        var li = document.createElement('li');
        li.className = 'entry';
        var h = document.createElement('h2');
        h.className = 'entry-title';
        h.textContent = text(e, 'title');
        var when = document.createElement('time');
        var published = text(e, 'published') || text(e, 'updated');
        when.setAttribute('datetime', published);
        var d = new Date(published);
        when.textContent = isNaN(d) ? published : d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
        var cat = e.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'category')[0];
        var meta = document.createElement('p');
        meta.className = 'meta';
        meta.appendChild(when);
        if (cat) meta.appendChild(document.createTextNode(' · ' + (cat.getAttribute('label') || cat.getAttribute('term'))));
        var summary = document.createElement('p');
        summary.className = 'entry-summary';
        summary.textContent = text(e, 'summary');
        li.appendChild(h);
        li.appendChild(meta);
        li.appendChild(summary);
        list.appendChild(li);
      }
      show(entries.length ? entries.length + ' tin, bài' : 'Chưa có tin, bài nào.');
      document.body.setAttribute('data-loaded', String(entries.length));
    })
    .catch(function (err) { show('Không tải được bản tin: ' + err.message); });
})();
)JS";

constexpr const char* kStyle = R"(
  body { font-family: "Noto Sans", sans-serif; margin: 0; background: #f4f4f4; color: #1a1a1a; }
  header { background: #b22222; color: #fff; padding: 1.2em 2em; }
  header h1 { margin: 0; font-size: 1.6em; }
  main { max-width: 52em; margin: 1.5em auto; padding: 0 1em; }
  ol { list-style: none; padding: 0; }
  li.entry { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1em 1.4em; margin-bottom: 1em; }
  li.entry h2 { margin: 0 0 0.3em; font-size: 1.25em; color: #8b0000; overflow-wrap: anywhere; }
  li.entry p { overflow-wrap: anywhere; }
  .meta { color: #666; font-size: 0.9em; margin: 0 0 0.5em; }
  #status { color: #444; }
)";

}  // namespace

std::string RenderReaderPage(const std::string& agency_name, const std::string& feed_url) {
  const std::string agency = HtmlText(agency_name);
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Bản tin điển hình tiên tiến – " + agency + "</title>\n";
  out += "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + HtmlText(feed_url) + "\">\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n";
  out += "<body data-feed=\"" + HtmlText(feed_url) + "\">\n";
  out += "<header><h1 id=\"feed-title\">Gương điển hình tiên tiến – " + agency + "</h1></header>\n";
  out += "<main>\n<p id=\"status\">Đang tải bản tin…</p>\n<ol id=\"entries\"></ol>\n</main>\n";
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace tdkt::campaign_media::pub
