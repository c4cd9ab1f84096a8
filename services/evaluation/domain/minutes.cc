#include "services/evaluation/domain/minutes.h"

#include <cstdio>
#include <ctime>
#include <set>

#include "common/text.h"
#include "common/vn_time.h"

namespace tdkt::evaluation {

namespace {

// What the minutes say, in words, before any layout. Both renderings are
// built from this one model, so text and HTML never differ in content. It
// holds no ballot and no ballot code: the input has none to give.
struct Person {
  std::string name;
  std::string position;
};

struct RecusalRow {
  std::string nominee;
  std::string member;
  std::string reason;
};

struct ItemRow {
  std::string nominee;
  std::string title;
  bool counted = false;        // A tally is shown (session closed).
  std::string status;          // When not counted: why not.
  int agree = 0, disagree = 0, abstain = 0, not_voted = 0, denominator = 0;
  std::string share;           // "77.8%" or "—".
  std::string threshold;       // "90% tổng số thành viên".
  std::string legal_source;
  std::string verdict;         // "Đạt" / "Không đạt".
  std::string scores;          // Aggregate scores, if any.
};

struct DecisionRow {
  std::string nominee;
  std::string text;
};

struct Doc {
  std::string council;
  std::string session_title;
  std::string session_id;
  std::string state;
  std::string opened;
  std::string closed_at;
  std::string attendance;  // "7/9 thành viên có mặt; tối thiểu 67%".
  std::vector<Person> present;
  std::vector<Person> absent;
  std::vector<RecusalRow> recusals;
  bool closed = false;
  std::vector<ItemRow> items;
  std::vector<DecisionRow> decisions;
  std::string chair;
  std::string secretary;
};

std::string PositionName(v1::MemberPosition p) {
  switch (p) {
    case v1::CHAIR: return "Chủ tịch Hội đồng";
    case v1::VICE_CHAIR: return "Phó Chủ tịch Hội đồng";
    case v1::SECRETARY: return "Thư ký Hội đồng";
    case v1::MEMBER: return "Ủy viên";
    default: return "Thành viên";
  }
}

std::string StateName(v1::SessionState s) {
  switch (s) {
    case v1::SCHEDULED: return "Chưa khai mạc";
    case v1::IN_PROGRESS: return "Đang họp, đang bỏ phiếu";
    case v1::CLOSED: return "Đã kết thúc bỏ phiếu";
    default: return "Không rõ";
  }
}

std::string RecusalText(const v1::Recusal& r) {
  switch (r.reason()) {
    case v1::IS_NOMINEE: return "là người được đề nghị";
    case v1::SAME_UNIT: return "cùng đơn vị công tác với người được đề nghị";
    case v1::DECLARED_CONFLICT:
      return r.note().empty() ? "tự khai báo xung đột lợi ích" : "tự khai báo xung đột lợi ích: " + r.note();
    default: return "không tham gia";
  }
}

std::string BasisText(v1::ThresholdBasis b) {
  return b == v1::PARTICIPATING_MEMBERS ? "số thành viên tham gia biểu quyết" : "tổng số thành viên";
}

// "2026-12-10" -> "10/12/2026"; anything else as given.
std::string VietnamDate(const std::string& iso) {
  if (!IsIsoDate(iso)) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string Fixed(double x, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string DecisionText(const v1::Decision& d, const std::string& title_name) {
  const std::string form = d.form().empty() ? title_name : d.form();
  std::string out;
  switch (d.outcome()) {
    case v1::RECOGNISE:
      out = "Công nhận, khen thưởng";
      if (!form.empty()) out += ": " + form;
      if (!d.decision_number().empty()) out += "; Quyết định số " + d.decision_number();
      if (!d.decision_date().empty()) out += " ngày " + VietnamDate(d.decision_date());
      break;
    case v1::PROPOSE:
      out = "Đề nghị cấp trên khen thưởng";
      if (!form.empty()) out += ": " + form;
      if (!d.decision_number().empty()) out += "; văn bản số " + d.decision_number();
      if (!d.decision_date().empty()) out += " ngày " + VietnamDate(d.decision_date());
      break;
    case v1::RETURN:
      out = "Trả lại đơn vị";
      break;
    case v1::REJECT:
      out = "Không công nhận";
      break;
    default:
      out = "Chưa rõ";
      break;
  }
  if (!d.reason().empty()) out += (d.outcome() == v1::RETURN || d.outcome() == v1::REJECT) ? "; lý do: " + d.reason() : "; ghi chú: " + d.reason();
  return out;
}

Doc Build(const MinutesInput& in) {
  const v1::Session& s = in.session;
  Doc doc;
  doc.council = in.council_name;
  doc.session_title = s.title();
  doc.session_id = s.id();
  doc.state = StateName(s.state());
  if (s.has_opened_at()) doc.opened = FormatVietnamTime(s.opened_at().seconds(), "%H:%M ngày %d/%m/%Y");
  if (s.has_closed_at()) doc.closed_at = FormatVietnamTime(s.closed_at().seconds(), "%H:%M ngày %d/%m/%Y");
  doc.closed = s.state() == v1::CLOSED;

  const std::set<std::string> present(s.present().begin(), s.present().end());
  for (const v1::CouncilMember& m : s.members()) {
    Person p{m.full_name(), PositionName(m.position())};
    (present.count(m.subject()) ? doc.present : doc.absent).push_back(p);
    if (m.position() == v1::CHAIR && doc.chair.empty()) doc.chair = m.full_name();
    if (m.position() == v1::SECRETARY && doc.secretary.empty()) doc.secretary = m.full_name();
  }
  doc.attendance = std::to_string(doc.present.size()) + "/" + std::to_string(s.members_size()) +
                   " thành viên có mặt; tỷ lệ tối thiểu để họp: " + std::to_string(s.quorum_percent()) + "%";

  for (const v1::AgendaItem& item : s.agenda()) {
    for (const v1::Recusal& r : item.recusals()) {
      doc.recusals.push_back({item.nominee_name(), r.full_name(), RecusalText(r)});
    }
    ItemRow row;
    row.nominee = item.nominee_name();
    row.title = item.title_name().empty() ? item.title_code() : item.title_name();
    const v1::ItemResult* result = nullptr;
    for (const v1::ItemResult& r : in.results.items()) {
      if (r.nomination_id() == item.nomination_id()) result = &r;
    }
    // Figures only once the ballots are closed: before that even a running
    // count could tell who voted how.
    if (!doc.closed) {
      row.status = "Đang bỏ phiếu: kết quả chỉ công bố khi kết thúc phiên";
    } else if (result == nullptr || !result->has_tally()) {
      row.status = "Chưa có kết quả kiểm phiếu";
    } else {
      const v1::Tally& t = result->tally();
      row.counted = true;
      row.agree = t.agree();
      row.disagree = t.disagree();
      row.abstain = t.abstain();
      row.not_voted = t.not_voted();
      row.denominator = t.denominator();
      row.share = t.denominator() > 0 ? Fixed(100.0 * t.agree() / t.denominator(), 1) + "%" : "—";
      row.threshold = std::to_string(t.percent_needed()) + "% " + BasisText(t.basis());
      row.legal_source = t.legal_source();
      row.verdict = t.passed() ? "Đạt" : "Không đạt";
      if (result->has_scores() && result->scores().members_scored() > 0) {
        const v1::ScoreSummary& sc = result->scores();
        row.scores = "Điểm bình quân có trọng số " + Fixed(sc.weighted_total(), 2) + " (" +
                     std::to_string(sc.members_scored()) + " thành viên chấm)";
        if (!sc.required_unmet().empty()) {
          row.scores += "; tiêu chí bắt buộc chưa đạt:";
          for (const std::string& c : sc.required_unmet()) row.scores += " " + c;
        }
      }
    }
    doc.items.push_back(std::move(row));

    for (const v1::Decision& d : in.decisions) {
      if (d.nomination_id() == item.nomination_id()) {
        doc.decisions.push_back({item.nominee_name(), DecisionText(d, item.title_name())});
      }
    }
  }
  return doc;
}

std::string TallyLine(const ItemRow& r) {
  return "Đồng ý " + std::to_string(r.agree) + "/" + std::to_string(r.denominator) + " (" + r.share +
         "), không đồng ý " + std::to_string(r.disagree) + ", phiếu trắng " + std::to_string(r.abstain) +
         ", chưa bỏ phiếu " + std::to_string(r.not_voted) + "; ngưỡng " + r.threshold +
         (r.legal_source.empty() ? "" : " (" + r.legal_source + ")") + " — " + r.verdict;
}

constexpr const char* kHeading = "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG";

// ---- Text ----

std::string RenderText(const Doc& d) {
  std::string o;
  auto line = [&o](const std::string& s) { o += s + "\n"; };
  line(kHeading);
  if (!d.council.empty()) line(d.council);
  line("Phiên họp: " + d.session_title + " (" + d.session_id + ")");
  line("Trạng thái: " + d.state);
  if (!d.opened.empty()) line("Khai mạc: " + d.opened + " (giờ Việt Nam)");
  if (!d.closed_at.empty()) line("Kết thúc bỏ phiếu: " + d.closed_at + " (giờ Việt Nam)");
  line("");

  line("I. Thành phần tham dự (" + d.attendance + ")");
  if (d.present.empty()) line("   Không có");
  for (const Person& p : d.present) line("   - " + p.name + ", " + p.position);
  line("");
  line("II. Vắng mặt");
  if (d.absent.empty()) line("   Không có");
  for (const Person& p : d.absent) line("   - " + p.name + ", " + p.position);
  line("");

  line("III. Thành viên không tham gia (xung đột lợi ích)");
  if (d.recusals.empty()) line("   Không có");
  for (const RecusalRow& r : d.recusals) line("   - " + r.member + " đối với " + r.nominee + ": " + r.reason);
  line("");

  line("IV. Kết quả bỏ phiếu kín");
  if (!d.closed) line("   Phiên họp chưa kết thúc bỏ phiếu; chưa công bố kết quả.");
  if (d.items.empty()) line("   Không có người được đề nghị");
  int n = 0;
  for (const ItemRow& r : d.items) {
    line("   " + std::to_string(++n) + ". " + r.nominee + " — " + r.title);
    line("      " + (r.counted ? TallyLine(r) : r.status));
    if (!r.scores.empty()) line("      " + r.scores);
  }
  line("");

  line("V. Quyết định");
  if (d.decisions.empty()) line("   Chưa có quyết định");
  for (const DecisionRow& r : d.decisions) line("   - " + r.nominee + ": " + r.text);
  line("");

  line("THƯ KÝ HỘI ĐỒNG: " + d.secretary);
  line("CHỦ TỊCH HỘI ĐỒNG: " + d.chair);
  return o;
}

// ---- HTML ----

std::string Esc(const std::string& s) { return text::HtmlEscape(s); }

std::string Td(const std::string& s) { return "<td>" + Esc(s) + "</td>"; }

std::string RenderHtml(const Doc& d) {
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<title>" + Esc(std::string(kHeading) + " — " + d.session_title) + "</title>\n";
  o += "<style>body{font-family:serif;max-width:60em;margin:2em auto}"
       "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
       "th,td{border:1px solid #444;padding:.3em .5em;text-align:left;vertical-align:top}"
       "h1{text-align:center;font-size:1.3em}</style>\n</head>\n<body>\n";
  o += "<h1>" + Esc(kHeading) + "</h1>\n";
  if (!d.council.empty()) o += "<p><strong>" + Esc(d.council) + "</strong></p>\n";
  o += "<p>Phiên họp: " + Esc(d.session_title) + " (" + Esc(d.session_id) + ")<br>\n";
  o += "Trạng thái: " + Esc(d.state);
  if (!d.opened.empty()) o += "<br>\nKhai mạc: " + Esc(d.opened) + " (giờ Việt Nam)";
  if (!d.closed_at.empty()) o += "<br>\nKết thúc bỏ phiếu: " + Esc(d.closed_at) + " (giờ Việt Nam)";
  o += "</p>\n";

  auto people = [&o](const std::vector<Person>& list) {
    if (list.empty()) {
      o += "<p>Không có</p>\n";
      return;
    }
    o += "<table>\n<tr><th>STT</th><th>Họ và tên</th><th>Chức vụ trong Hội đồng</th></tr>\n";
    int n = 0;
    for (const Person& p : list) o += "<tr>" + Td(std::to_string(++n)) + Td(p.name) + Td(p.position) + "</tr>\n";
    o += "</table>\n";
  };
  o += "<h2>I. Thành phần tham dự</h2>\n<p>" + Esc(d.attendance) + "</p>\n";
  people(d.present);
  o += "<h2>II. Vắng mặt</h2>\n";
  people(d.absent);

  o += "<h2>III. Thành viên không tham gia (xung đột lợi ích)</h2>\n";
  if (d.recusals.empty()) {
    o += "<p>Không có</p>\n";
  } else {
    o += "<table>\n<tr><th>Người được đề nghị</th><th>Thành viên</th><th>Lý do</th></tr>\n";
    for (const RecusalRow& r : d.recusals) o += "<tr>" + Td(r.nominee) + Td(r.member) + Td(r.reason) + "</tr>\n";
    o += "</table>\n";
  }

  o += "<h2>IV. Kết quả bỏ phiếu kín</h2>\n";
  if (!d.closed) o += "<p>Phiên họp chưa kết thúc bỏ phiếu; chưa công bố kết quả.</p>\n";
  if (d.items.empty()) {
    o += "<p>Không có người được đề nghị</p>\n";
  } else {
    o += "<table>\n<tr><th>STT</th><th>Người được đề nghị</th><th>Danh hiệu</th><th>Đồng ý</th>"
         "<th>Không đồng ý</th><th>Phiếu trắng</th><th>Chưa bỏ phiếu</th><th>Ngưỡng</th><th>Kết quả</th></tr>\n";
    int n = 0;
    for (const ItemRow& r : d.items) {
      o += "<tr>" + Td(std::to_string(++n)) + Td(r.nominee) + Td(r.title);
      if (!r.counted) {
        o += "<td colspan=\"6\">" + Esc(r.status) + "</td>";
      } else {
        auto small = [](const std::string& s) { return s.empty() ? "" : "<br><small>" + Esc(s) + "</small>"; };
        o += Td(std::to_string(r.agree) + "/" + std::to_string(r.denominator) + " (" + r.share + ")") +
             Td(std::to_string(r.disagree)) + Td(std::to_string(r.abstain)) + Td(std::to_string(r.not_voted)) +
             "<td>" + Esc(r.threshold) + small(r.legal_source) + "</td><td>" + Esc(r.verdict) + small(r.scores) +
             "</td>";
      }
      o += "</tr>\n";
    }
    o += "</table>\n";
  }

  o += "<h2>V. Quyết định</h2>\n";
  if (d.decisions.empty()) {
    o += "<p>Chưa có quyết định</p>\n";
  } else {
    o += "<table>\n<tr><th>Người được đề nghị</th><th>Quyết định</th></tr>\n";
    for (const DecisionRow& r : d.decisions) o += "<tr>" + Td(r.nominee) + Td(r.text) + "</tr>\n";
    o += "</table>\n";
  }

  o += "<table>\n<tr><th>THƯ KÝ HỘI ĐỒNG</th><th>CHỦ TỊCH HỘI ĐỒNG</th></tr>\n<tr>" + Td(d.secretary) + Td(d.chair) +
       "</tr>\n</table>\n</body>\n</html>\n";
  return o;
}

}  // namespace

std::string RenderMinutesText(const MinutesInput& input) { return RenderText(Build(input)); }

std::string RenderMinutesHtml(const MinutesInput& input) { return RenderHtml(Build(input)); }

}  // namespace tdkt::evaluation
