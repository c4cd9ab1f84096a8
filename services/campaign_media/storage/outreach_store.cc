#include "services/campaign_media/storage/outreach_store.h"

#include <cstdlib>

namespace tdkt::campaign_media {
namespace {

constexpr int64_t kSequenceSpan = 10000000;  // 10^7

std::string EventKey(const std::string& id) { return "cm:event:" + id; }
std::string EventsKey(const std::string& agency) { return "cm:events:" + agency; }
std::string ReplicationKey(const std::string& id) { return "cm:replication:" + id; }
std::string ReplicationsKey(const std::string& agency) { return "cm:replications:" + agency; }
std::string ExemplarKey(const std::string& agency, const std::string& exemplar) {
  return ReplicationsKey(agency) + ":x:" + exemplar;
}

// Newest date first, the later record first on the same day.
int64_t DateScore(const std::string& date, int64_t n) {
  std::string digits;
  for (char c : date) {
    if (c != '-') digits += c;
  }
  return std::atoll(digits.c_str()) * kSequenceSpan + n % kSequenceSpan;
}

// Records of `index` below `before` (0 = from the top), newest first; with
// year > 0 only scores of dates in that year.
template <typename Message>
Result<std::vector<Message>> LoadIndexed(RecordStore& store, const std::string& index, const std::string& prefix,
                                         int year, int64_t before, int limit, std::vector<int64_t>* cursors) {
  std::string max = "+inf", min = "-inf";
  if (year > 0) {
    max = std::to_string((year * 10000LL + 1231) * kSequenceSpan + kSequenceSpan - 1);
    min = std::to_string((year * 10000LL + 101) * kSequenceSpan);
  }
  if (before > 0 && (year == 0 || before <= std::stoll(max))) max = "(" + std::to_string(before);
  auto reply = store.redis().Command(
      {"ZREVRANGEBYSCORE", index, max, min, "WITHSCORES", "LIMIT", "0", std::to_string(limit)});
  if (!reply.ok()) return reply.status();
  std::vector<Message> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    const std::string& id = reply->elements[i].str;
    Message m;
    int64_t version = 0;
    TDKT_RETURN_IF_ERROR(store.Load(prefix + id, id, &m, &version));
    m.set_version(version);
    out.push_back(std::move(m));
    cursors->push_back(std::stoll(reply->elements[i + 1].str));
  }
  return out;
}

}  // namespace

Status OutreachStore::CreateEvent(cv1::ExchangeEvent& e, const MemoWriter& memo) {
  auto n = store_.Next("event");
  if (!n.ok()) return n.status();
  e.set_id("event-" + e.agency_id() + "-" + std::to_string(*n));
  e.set_version(1);
  return store_.Store(EventKey(e.id()), 0, e, {IndexOp::Add(EventsKey(e.agency_id()), e.id(), DateScore(e.date(), *n))},
                      memo.For(e));
}

Status OutreachStore::CreateReplication(cv1::Replication& r, const MemoWriter& memo) {
  auto n = store_.Next("replication");
  if (!n.ok()) return n.status();
  r.set_id("repl-" + r.agency_id() + "-" + std::to_string(*n));
  r.set_version(1);
  const int64_t score = DateScore(r.adopted_date(), *n);
  return store_.Store(ReplicationKey(r.id()), 0, r,
                      {IndexOp::Add(ReplicationsKey(r.agency_id()), r.id(), score),
                       IndexOp::Add(ExemplarKey(r.agency_id(), r.exemplar_id()), r.id(), score)},
                      memo.For(r));
}

Result<std::vector<cv1::ExchangeEvent>> OutreachStore::ListEvents(const std::string& agency, int year,
                                                                  int64_t before, int limit,
                                                                  std::vector<int64_t>* cursors) {
  return LoadIndexed<cv1::ExchangeEvent>(store_, EventsKey(agency), "cm:event:", year, before, limit, cursors);
}

Result<std::vector<cv1::Replication>> OutreachStore::ListReplications(const std::string& agency,
                                                                      const std::string& exemplar, int year,
                                                                      int64_t before, int limit,
                                                                      std::vector<int64_t>* cursors) {
  const std::string index = exemplar.empty() ? ReplicationsKey(agency) : ExemplarKey(agency, exemplar);
  return LoadIndexed<cv1::Replication>(store_, index, "cm:replication:", year, before, limit, cursors);
}

}  // namespace tdkt::campaign_media
