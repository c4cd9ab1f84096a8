#include "services/evaluation/storage/session_repository.h"

namespace tdkt::evaluation {

namespace {

// KEYS: state, recused, voters, ballots. ARGV: member, code, choice.
const LuaScript kCastScript(R"lua(
if redis.call('GET', KEYS[1]) ~= 'open' then return 'closed' end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'recused' end
if redis.call('SADD', KEYS[3], ARGV[1]) == 0 then return 'voted' end
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
return 'cast'
)lua");

// KEYS: state, voters, recused. ARGV: member.
const LuaScript kRecuseScript(R"lua(
local state = redis.call('GET', KEYS[1])
if state ~= 'open' and state ~= 'scheduled' then return 'closed' end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'voted' end
redis.call('SADD', KEYS[3], ARGV[1])
return 'recused'
)lua");

// KEYS: state, scores. ARGV: member, sheet.
const LuaScript kScoreScript(R"lua(
if redis.call('GET', KEYS[1]) ~= 'open' then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
)lua");

// KEYS: state. ARGV: from, to.
// KEYS[2] is the node's set of open sessions (tdkt_open_ballots), kept in
// the same step as the state so the two never disagree.
const LuaScript kSwitchScript(R"lua(
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[2] == 'open' then redis.call('SADD', KEYS[2], ARGV[3]) else redis.call('SREM', KEYS[2], ARGV[3]) end
return 1
)lua");

constexpr char kOpenSessionsKey[] = "ev:open-sessions";

}  // namespace

std::string SessionRepository::Key(const std::string& id, const std::string& part) {
  return "ev:ses:{" + id + "}:" + part;
}

Result<std::string> SessionRepository::NewId(const std::string& agency) {
  auto n = store_.Next("session");
  if (!n.ok()) return n.status();
  return "ses-" + agency + "-" + std::to_string(*n);
}

Status SessionRepository::Create(const v1::Session& session, const MemoWriter& memo) {
  auto n = store_.Next("session-order");
  if (!n.ok()) return n.status();
  return store_.Store(Key(session.id(), "meta"), 0, session,
                      {IndexOp::Add("ev:sessions:" + session.council_id(), session.id(), *n),
                       IndexOp::PutIfAbsent(Key(session.id(), "state"), "scheduled")},
                      memo.For(session));
}

Result<v1::Session> SessionRepository::Get(const std::string& id) {
  v1::Session session;
  int64_t version = 0;
  TDKT_RETURN_IF_ERROR(store_.Load(Key(id, "meta"), "session " + id, &session, &version));
  session.set_version(version);
  return session;
}

Status SessionRepository::Update(v1::Session& session, const std::vector<IndexOp>& also, const MemoWriter& memo) {
  int64_t read = session.version();
  session.set_version(read + 1);
  Status s = store_.Store(Key(session.id(), "meta"), read, session, also, memo.For(session));
  if (!s.ok()) session.set_version(read);
  return s;
}

IndexOp SessionRepository::Recusal(const std::string& id, const std::string& nomination, const std::string& member) {
  return IndexOp::AddToSet(Key(id, "recused:" + nomination), member);
}

Result<std::vector<v1::Session>> SessionRepository::ListByCouncil(const std::string& council_id, int64_t before,
                                                                  int limit, std::vector<int64_t>* scores) {
  auto ids = store_.Newest("ev:sessions:" + council_id, before, limit);
  if (!ids.ok()) return ids.status();
  std::vector<v1::Session> out;
  for (const auto& [id, score] : *ids) {
    auto s = Get(id);
    if (!s.ok()) return s.status();
    out.push_back(std::move(*s));
    scores->push_back(score);
  }
  return out;
}

Status SessionRepository::SwitchState(const std::string& id, const std::string& from, const std::string& to) {
  auto reply = store_.redis().Eval(kSwitchScript, {Key(id, "state"), kOpenSessionsKey}, {from, to, id});
  if (!reply.ok()) return reply.status();
  if (reply->integer != 1) return Status::FailedPrecondition("the session is not " + from);
  return Status::Ok();
}

Result<int64_t> SessionRepository::OpenCount() {
  auto reply = store_.redis().Command({"SCARD", kOpenSessionsKey});
  if (!reply.ok()) return reply.status();
  return reply->integer;
}

Result<std::string> SessionRepository::State(const std::string& id) {
  auto reply = store_.redis().Command({"GET", Key(id, "state")});
  if (!reply.ok()) return reply.status();
  return reply->str;
}

Result<SessionRepository::CastOutcome> SessionRepository::CastBallot(const std::string& id,
                                                                     const std::string& nomination,
                                                                     const std::string& member,
                                                                     const std::string& code, int choice) {
  auto reply = store_.redis().Eval(
      kCastScript,
      {Key(id, "state"), Key(id, "recused:" + nomination), Key(id, "voters:" + nomination),
       Key(id, "ballots:" + nomination)},
      {member, code, std::to_string(choice)});
  if (!reply.ok()) return reply.status();
  if (reply->str == "cast") return CastOutcome::kCast;
  if (reply->str == "recused") return CastOutcome::kRecused;
  if (reply->str == "voted") return CastOutcome::kAlreadyVoted;
  return CastOutcome::kClosed;
}

Result<SessionRepository::RecuseOutcome> SessionRepository::Recuse(const std::string& id,
                                                                   const std::string& nomination,
                                                                   const std::string& member) {
  auto reply = store_.redis().Eval(
      kRecuseScript, {Key(id, "state"), Key(id, "voters:" + nomination), Key(id, "recused:" + nomination)},
      {member});
  if (!reply.ok()) return reply.status();
  if (reply->str == "recused") return RecuseOutcome::kRecused;
  if (reply->str == "voted") return RecuseOutcome::kAlreadyVoted;
  return RecuseOutcome::kClosed;
}

Result<bool> SessionRepository::PutScores(const std::string& id, const std::string& nomination,
                                          const std::string& member, const v1::ScoreNomineeRequest& sheet) {
  auto reply = store_.redis().Eval(kScoreScript, {Key(id, "state"), Key(id, "scores:" + nomination)},
                                   {member, sheet.SerializeAsString()});
  if (!reply.ok()) return reply.status();
  return reply->integer == 1;
}

Result<std::map<std::string, v1::ScoreNomineeRequest>> SessionRepository::Scores(const std::string& id,
                                                                                const std::string& nomination) {
  auto reply = store_.redis().Command({"HGETALL", Key(id, "scores:" + nomination)});
  if (!reply.ok()) return reply.status();
  std::map<std::string, v1::ScoreNomineeRequest> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    v1::ScoreNomineeRequest sheet;
    if (!sheet.ParseFromString(reply->elements[i + 1].str)) return Status::Internal("stored score sheet is unreadable");
    out[reply->elements[i].str] = std::move(sheet);
  }
  return out;
}

Result<std::map<std::string, int>> SessionRepository::Ballots(const std::string& id, const std::string& nomination) {
  auto reply = store_.redis().Command({"HGETALL", Key(id, "ballots:" + nomination)});
  if (!reply.ok()) return reply.status();
  std::map<std::string, int> out;
  for (size_t i = 0; i + 1 < reply->elements.size(); i += 2) {
    out[reply->elements[i].str] = std::stoi(reply->elements[i + 1].str);
  }
  return out;
}

Result<std::optional<int>> SessionRepository::BallotByCode(const std::string& id, const std::string& nomination,
                                                           const std::string& code) {
  auto reply = store_.redis().Command({"HGET", Key(id, "ballots:" + nomination), code});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<int>();
  return std::optional<int>(std::stoi(reply->str));
}

Result<std::vector<std::string>> SessionRepository::Voters(const std::string& id, const std::string& nomination) {
  auto reply = store_.redis().Command({"SMEMBERS", Key(id, "voters:" + nomination)});
  if (!reply.ok()) return reply.status();
  std::vector<std::string> out;
  for (const auto& e : reply->elements) out.push_back(e.str);
  return out;
}

Result<int> SessionRepository::BallotCount(const std::string& id, const std::string& nomination) {
  auto reply = store_.redis().Command({"HLEN", Key(id, "ballots:" + nomination)});
  if (!reply.ok()) return reply.status();
  return static_cast<int>(reply->integer);
}

Status SessionRepository::PutResults(const std::string& id, const v1::SessionResults& results) {
  auto reply = store_.redis().Command({"SET", Key(id, "results"), results.SerializeAsString()});
  return reply.ok() ? Status::Ok() : reply.status();
}

Result<std::optional<v1::SessionResults>> SessionRepository::Results(const std::string& id) {
  auto reply = store_.redis().Command({"GET", Key(id, "results")});
  if (!reply.ok()) return reply.status();
  if (reply->is_nil()) return std::optional<v1::SessionResults>();
  v1::SessionResults results;
  if (!results.ParseFromString(reply->str)) return Status::Internal("stored results are unreadable");
  return std::optional<v1::SessionResults>(std::move(results));
}

}  // namespace tdkt::evaluation
