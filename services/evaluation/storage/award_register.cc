#include "services/evaluation/storage/award_register.h"

namespace tdkt::evaluation {

Status AwardRegister::Record(const v1::AwardRecord& award, const MemoWriter& memo) {
  const std::string year = std::to_string(award.year());
  return store_.Apply(
      {IndexOp::PutField("ev:award:" + award.nominee_key(), year + ":" + award.title_code(), award.SerializeAsString()),
       IndexOp::AddToSet("ev:award-unit:" + award.agency_id() + ":" + year + ":" + award.title_code(),
                         award.nominee_key())},
      memo.For(award));
}

Result<std::set<std::pair<int, std::string>>> AwardRegister::Awards(const std::string& nominee_key) {
  auto reply = store_.redis().Command({"HKEYS", "ev:award:" + nominee_key});
  if (!reply.ok()) return reply.status();
  std::set<std::pair<int, std::string>> out;
  for (const auto& e : reply->elements) {
    size_t colon = e.str.find(':');
    if (colon == std::string::npos) continue;
    out.emplace(std::stoi(e.str.substr(0, colon)), e.str.substr(colon + 1));
  }
  return out;
}

Result<std::set<std::string>> AwardRegister::Holders(const std::string& agency, int year, const std::string& title) {
  auto reply = store_.redis().Command({"SMEMBERS", "ev:award-unit:" + agency + ":" + std::to_string(year) + ":" + title});
  if (!reply.ok()) return reply.status();
  std::set<std::string> out;
  for (const auto& e : reply->elements) out.insert(e.str);
  return out;
}

Status AwardRegister::MarkCommended(const std::string& fingerprint, const std::string& decision_number) {
  auto reply = store_.redis().Command({"HSETNX", "ev:achievement", fingerprint, decision_number});
  return reply.ok() ? Status::Ok() : reply.status();
}

Result<std::string> AwardRegister::CommendedBy(const std::string& fingerprint) {
  auto reply = store_.redis().Command({"HGET", "ev:achievement", fingerprint});
  if (!reply.ok()) return reply.status();
  return reply->is_nil() ? std::string() : reply->str;
}

Status AwardRegister::SetHeadcount(const std::string& agency, int year, int headcount) {
  auto reply = store_.redis().Command(
      {"HSET", "ev:headcount", agency + ":" + std::to_string(year), std::to_string(headcount)});
  return reply.ok() ? Status::Ok() : reply.status();
}

Result<int> AwardRegister::Headcount(const std::string& agency, int year) {
  auto reply = store_.redis().Command({"HGET", "ev:headcount", agency + ":" + std::to_string(year)});
  if (!reply.ok()) return reply.status();
  return reply->is_nil() ? 0 : std::stoi(reply->str);
}

}  // namespace tdkt::evaluation
