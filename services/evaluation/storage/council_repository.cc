#include "services/evaluation/storage/council_repository.h"

namespace tdkt::evaluation {

namespace {
std::string Key(const std::string& id) { return "ev:council:" + id; }
}  // namespace

Result<std::string> CouncilRepository::NewId(const std::string& agency) {
  auto n = store_.Next("council");
  if (!n.ok()) return n.status();
  return "hd-" + agency + "-" + std::to_string(*n);
}

Status CouncilRepository::Create(v1::Council& council, const MemoWriter& memo) {
  auto n = store_.Next("council-order");
  if (!n.ok()) return n.status();
  council.set_version(1);
  return store_.Store(Key(council.id()), 0, council, {IndexOp::Add("ev:councils:" + council.agency_id(), council.id(), *n)},
                      memo.For(council));
}

Result<v1::Council> CouncilRepository::Get(const std::string& id) {
  v1::Council council;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(Key(id), "council " + id, &council, &version));
  council.set_version(version);
  return council;
}

Status CouncilRepository::Update(v1::Council& council, const MemoWriter& memo) {
  int64_t read = council.version();
  council.set_version(read + 1);
  Status s = store_.Store(Key(council.id()), read, council, {}, memo.For(council));
  if (!s.ok()) council.set_version(read);
  return s;
}

Result<std::vector<v1::Council>> CouncilRepository::ListByAgency(const std::string& agency, int64_t before, int limit,
                                                                 std::vector<int64_t>* cursors) {
  auto ids = store_.Newest("ev:councils:" + agency, before, limit);
  if (!ids.ok()) return ids.status();
  std::vector<v1::Council> out;
  for (const auto& [id, score] : *ids) {
    auto c = Get(id);
    if (!c.ok()) return c.status();
    out.push_back(std::move(*c));
    cursors->push_back(score);
  }
  return out;
}

}  // namespace tdkt::evaluation
