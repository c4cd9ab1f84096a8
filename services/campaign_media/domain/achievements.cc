#include "services/campaign_media/domain/achievements.h"

namespace tdkt::campaign_media {
namespace {

std::string Trim(const std::string& s) {
  const char* space = " \t\r\n";
  size_t b = s.find_first_not_of(space);
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(space);
  return s.substr(b, e - b + 1);
}

v1::Achievement Make(const std::string& ref, const std::string& text) {
  v1::Achievement a;
  a.set_ref(ref);
  a.set_text(text);
  return a;
}

}  // namespace

std::vector<v1::Achievement> AchievementsOf(const nomination::v1::Nomination& record) {
  std::vector<v1::Achievement> out;
  const std::string& text = record.details().achievements();
  int n = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(Make("achievement/" + std::to_string(++n), line));
    start = end + 1;
  }
  for (int i = 0; i < record.details().initiatives_size(); ++i) {
    const auto& initiative = record.details().initiatives(i);
    std::string what = initiative.title();
    if (!initiative.description().empty()) what += ": " + initiative.description();
    if (initiative.recognised() && !initiative.recognition_ref().empty()) {
      what += " (công nhận: " + initiative.recognition_ref() + ")";
    }
    out.push_back(Make("initiative/" + std::to_string(i + 1), what));
  }
  for (int i = 0; i < record.details().evidence_size(); ++i) {
    const auto& evidence = record.details().evidence(i);
    std::string what = evidence.title();
    if (!evidence.uri().empty()) what += " (" + evidence.uri() + ")";
    out.push_back(Make("evidence/" + std::to_string(i + 1), what));
  }
  const auto& decision = record.recognition();
  if (record.has_recognition() && (!decision.decision_number().empty() || !decision.form().empty())) {
    std::string what = decision.form().empty() ? "Được công nhận" : decision.form();
    if (!decision.decision_number().empty()) what += ", quyết định số " + decision.decision_number();
    if (!decision.decision_date().empty()) what += " ngày " + decision.decision_date();
    out.push_back(Make("recognition", what));
  }
  return out;
}

bool FindAchievement(const nomination::v1::Nomination& record, const std::string& ref, v1::Achievement* out) {
  for (auto& a : AchievementsOf(record)) {
    if (a.ref() == ref) {
      if (out) *out = std::move(a);
      return true;
    }
  }
  return false;
}

}  // namespace tdkt::campaign_media
