#include "services/campaign_media/domain/contest_rules.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/text.h"
#include "common/vn_time.h"

namespace tdkt::campaign_media {

namespace {

constexpr size_t kMaxTitle = 300;

Status Normalize(const std::string& field, std::string* value) {
  auto s = text::NormalizeInput(field, *value);
  if (!s.ok()) return s.status();
  *value = *s;
  return Status::Ok();
}

Status Required(const std::string& field, std::string* value, const std::string& what, size_t max_chars) {
  TDKT_RETURN_IF_ERROR(Normalize(field, value));
  if (value->empty()) return Status::InvalidArgument(field, "cần ghi " + what);
  if (text::CodePointCount(*value) > max_chars) {
    return Status::InvalidArgument(field, what + " dài quá " + std::to_string(max_chars) + " ký tự");
  }
  return Status::Ok();
}

// A title is one line of plain text: no line breaks, no markup.
Status Title(const std::string& field, std::string* value) {
  TDKT_RETURN_IF_ERROR(Required(field, value, "tiêu đề", kMaxTitle));
  if (value->find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidArgument(field, "tiêu đề chỉ được viết trên một dòng");
  }
  if (value->find_first_of("<>") != std::string::npos) {
    return Status::InvalidArgument(field, "tiêu đề không được chứa ký tự < hoặc > (mã HTML, script)");
  }
  return Status::Ok();
}

bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  return code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return int64_t(era) * 146097 + doe - 719468;
}

}  // namespace

Status NormalizeContest(cv1::Contest& contest) {
  if (contest.kind() != cv1::WRITING && contest.kind() != cv1::REPORTAGE) {
    return Status::InvalidArgument("contest.kind", "chọn loại cuộc thi: WRITING (viết) hoặc REPORTAGE (phóng sự)");
  }
  TDKT_RETURN_IF_ERROR(Title("contest.title", contest.mutable_title()));
  TDKT_RETURN_IF_ERROR(Required("contest.rules", contest.mutable_rules(), "thể lệ cuộc thi", 20000));
  if (!IsIsoDate(contest.entry_deadline()) || contest.entry_deadline() < "2000-01-01" ||
      contest.entry_deadline() > "2100-12-31") {
    return Status::InvalidArgument("contest.entry_deadline",
                                   "hạn nhận bài phải viết YYYY-MM-DD (vd. 2026-06-11), từ năm 2000 đến 2100");
  }
  if (contest.criteria_size() == 0) {
    return Status::InvalidArgument("contest.criteria", "cần ít nhất một tiêu chí chấm điểm");
  }
  if (contest.criteria_size() > 50) return Status::InvalidArgument("contest.criteria", "nhiều nhất 50 tiêu chí");
  std::set<std::string> codes;
  for (int i = 0; i < contest.criteria_size(); ++i) {
    cv1::ContestCriterion* c = contest.mutable_criteria(i);
    const std::string at = "contest.criteria[" + std::to_string(i) + "]";
    if (!IsCode(c->code())) {
      return Status::InvalidArgument(at + ".code", "mã tiêu chí chỉ gồm chữ thường, chữ số và dấu gạch (vd. chan-thuc)");
    }
    if (!codes.insert(c->code()).second) {
      return Status::InvalidArgument(at + ".code", "mã tiêu chí '" + c->code() + "' bị lặp");
    }
    TDKT_RETURN_IF_ERROR(Required(at + ".name", c->mutable_name(), "tên tiêu chí", 300));
    if (!(c->weight() > 0) || c->weight() > 1000) {
      return Status::InvalidArgument(at + ".weight", "trọng số phải lớn hơn 0 (và không quá 1000)");
    }
    if (c->max_score() < 1 || c->max_score() > 100) {
      return Status::InvalidArgument(at + ".max_score", "điểm tối đa phải từ 1 đến 100");
    }
  }
  if (contest.jury_size() == 0) return Status::InvalidArgument("contest.jury", "cần ít nhất một thành viên ban giám khảo");
  if (contest.jury_size() > 100) return Status::InvalidArgument("contest.jury", "ban giám khảo nhiều nhất 100 người");
  std::set<std::string> jurors;
  for (int i = 0; i < contest.jury_size(); ++i) {
    const std::string at = "contest.jury[" + std::to_string(i) + "]";
    TDKT_RETURN_IF_ERROR(Normalize(at, contest.mutable_jury(i)));
    if (contest.jury(i).empty() || contest.jury(i).size() > 128) {
      return Status::InvalidArgument(at, "cần tên đăng nhập của giám khảo");
    }
    if (!jurors.insert(contest.jury(i)).second) {
      return Status::InvalidArgument(at, "giám khảo '" + contest.jury(i) + "' bị lặp");
    }
  }
  if (contest.prizes() < 0 || contest.prizes() > 100) {
    return Status::InvalidArgument("contest.prizes", "số giải phải từ 0 đến 100");
  }
  TDKT_RETURN_IF_ERROR(Normalize("contest.campaign_id", contest.mutable_campaign_id()));
  if (contest.campaign_id().size() > 64) return Status::InvalidArgument("contest.campaign_id", "mã chiến dịch quá dài");
  return Status::Ok();
}

Status NormalizeEntry(cv1::ContestEntry& entry) {
  TDKT_RETURN_IF_ERROR(Title("entry.title", entry.mutable_title()));
  TDKT_RETURN_IF_ERROR(Required("entry.author_name", entry.mutable_author_name(), "tên tác giả", 200));
  TDKT_RETURN_IF_ERROR(Normalize("entry.author_unit", entry.mutable_author_unit()));
  if (text::CodePointCount(entry.author_unit()) > 300) {
    return Status::InvalidArgument("entry.author_unit", "đơn vị tác giả dài quá 300 ký tự");
  }
  TDKT_RETURN_IF_ERROR(Required("entry.body", entry.mutable_body(), "nội dung bài dự thi", 200000));
  TDKT_RETURN_IF_ERROR(Normalize("entry.uri", entry.mutable_uri()));
  if (entry.uri().size() > 2000 || entry.uri().find_first_of(" <>\"") != std::string::npos) {
    return Status::InvalidArgument("entry.uri", "đường dẫn tệp không hợp lệ");
  }
  if (entry.exemplar_ids_size() > 50) return Status::InvalidArgument("entry.exemplar_ids", "nhiều nhất 50 điển hình");
  return Status::Ok();
}

int64_t EntriesCloseAt(const std::string& date) {
  const int y = std::stoi(date.substr(0, 4));
  const int m = std::stoi(date.substr(5, 2));
  const int d = std::stoi(date.substr(8, 2));
  return (DaysFromCivil(y, m, d) + 1) * 86400 - kVietnamOffsetSeconds;
}

std::vector<scoring::Criterion> RubricOf(const cv1::Contest& contest) {
  std::vector<scoring::Criterion> out;
  for (const auto& c : contest.criteria()) out.push_back({c.code(), c.weight(), c.max_score(), c.required()});
  return out;
}

scoring::Sheet SheetOf(const google::protobuf::RepeatedPtrField<cv1::EntryScore>& scores) {
  scoring::Sheet out;
  for (const auto& s : scores) out.push_back({s.code(), s.score()});
  return out;
}

Status CheckJurorSheet(const cv1::Contest& contest, const scoring::Sheet& sheet) {
  auto problem = scoring::FindSheetProblem(sheet, RubricOf(contest));
  if (!problem) return Status::Ok();
  const std::string field = problem->Field("scores");
  switch (problem->kind) {
    case scoring::SheetProblem::kEmpty: return Status::InvalidArgument(field, "cần chấm ít nhất một tiêu chí");
    case scoring::SheetProblem::kUnknownCode:
      return Status::InvalidArgument(field, "cuộc thi không có tiêu chí '" + problem->code.substr(0, 40) + "'");
    case scoring::SheetProblem::kDuplicateCode:
      return Status::InvalidArgument(field, "tiêu chí " + problem->code + " được chấm hai lần");
    case scoring::SheetProblem::kOutOfRange:
      return Status::InvalidArgument(field, "điểm " + std::to_string(problem->value) + " của tiêu chí " +
                                                problem->code + " phải từ 0 đến " + std::to_string(problem->max_score));
    case scoring::SheetProblem::kMissingRequired:
      return Status::InvalidArgument(field, "tiêu chí " + problem->code + " là bắt buộc nhưng chưa được chấm");
  }
  return Status::Ok();
}

std::vector<cv1::EntryResult> RankEntries(const cv1::Contest& contest, const std::vector<cv1::ContestEntry>& entries,
                                          const scoring::Sheets& sheets) {
  std::map<std::string, scoring::Rubric> rubrics;
  const scoring::Rubric rubric{RubricOf(contest), 0};
  for (const auto& e : entries) rubrics[e.id()] = rubric;
  const auto summaries = scoring::Summarise(sheets, rubrics, contest.normalise());

  std::vector<cv1::EntryResult> out;
  for (const auto& e : entries) {
    const scoring::Summary& s = summaries.at(e.id());
    cv1::EntryResult r;
    r.set_entry_id(e.id());
    r.set_title(e.title());
    r.set_author_name(e.author_name());
    r.set_mean_total(s.mean_total);
    r.set_normalised_total(s.normalised_total);
    r.set_jurors(s.scorers);
    r.set_requirements_met(s.requirements_met());
    out.push_back(std::move(r));
  }
  auto key = [&](const cv1::EntryResult& r) { return contest.normalise() ? r.normalised_total() : r.mean_total(); };
  auto tied = [&](const cv1::EntryResult& a, const cv1::EntryResult& b) {
    return (a.jurors() > 0) == (b.jurors() > 0) && (a.jurors() == 0 || std::abs(key(a) - key(b)) < 1e-9);
  };
  // Scored entries first, best key first; stable, so equal keys keep
  // submission order. Ranks then treat keys within 1e-9 as equal.
  std::stable_sort(out.begin(), out.end(), [&](const cv1::EntryResult& a, const cv1::EntryResult& b) {
    if ((a.jurors() > 0) != (b.jurors() > 0)) return a.jurors() > 0;
    return a.jurors() > 0 && key(a) > key(b);
  });
  for (size_t i = 0; i < out.size(); ++i) {
    const bool same = i > 0 && tied(out[i - 1], out[i]);
    out[i].set_rank(same ? out[i - 1].rank() : static_cast<int>(i) + 1);
    out[i].set_prize(out[i].jurors() > 0 && out[i].rank() <= contest.prizes());
  }
  return out;
}

}  // namespace tdkt::campaign_media
