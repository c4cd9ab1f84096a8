// Council sessions in Redis. All keys of one session share the hash tag
// {<session id>} so they sit in one slot and one Lua script can check and
// change them together:
//   ev:ses:{S}:meta            record (RecordStore): the Session message
//   ev:ses:{S}:state           "scheduled" | "open" | "closed"
//   ev:ses:{S}:voters:<nom>    set of members who cast a ballot (who, never how)
//   ev:ses:{S}:ballots:<nom>   hash ballot code -> choice number (how, never who)
//   ev:ses:{S}:recused:<nom>   set of members recused for the nominee
//   ev:ses:{S}:scores:<nom>    hash member -> ScoreNomineeRequest bytes
//   ev:ses:{S}:results         SessionResults bytes, frozen at close
//   ev:sessions:<council>      sorted set of the council's sessions
// The two ballot keys are written in one atomic step but hold no common
// field, so the stored data ties no member to a choice.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/redis_client.h"
#include "common/record_store.h"
#include "tdkt/evaluation/v1/session.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

class SessionRepository {
 public:
  explicit SessionRepository(RecordStore& store) : store_(store) {}

  Result<std::string> NewId(const std::string& agency);
  // The session record, its index entry, its ballot state "scheduled" and
  // the request's answer (`memo`), in one atomic step.
  Status Create(const v1::Session& session, const MemoWriter& memo = MemoWriter());
  Result<v1::Session> Get(const std::string& id);
  // Stores `session` (its version must be the one read) as version + 1,
  // with `also` and the request's answer (`memo`) in the same step.
  Status Update(v1::Session& session, const std::vector<IndexOp>& also = {}, const MemoWriter& memo = MemoWriter());
  // The change that recuses `member` for the nominee, for Update's `also`.
  static IndexOp Recusal(const std::string& id, const std::string& nomination, const std::string& member);
  Result<std::vector<v1::Session>> ListByCouncil(const std::string& council_id, int64_t before, int limit,
                                                 std::vector<int64_t>* scores);

  // Moves the ballot state from `from` to `to`; FAILED_PRECONDITION when it
  // is not `from`.
  Status SwitchState(const std::string& id, const std::string& from, const std::string& to);
  Result<std::string> State(const std::string& id);
  // Sessions whose ballot box is open (state "open"), node-wide.
  Result<int64_t> OpenCount();

  enum class CastOutcome { kCast, kClosed, kRecused, kAlreadyVoted };
  // Atomically: the ballot box is open, the member is not recused and has
  // not voted; then records that the member voted, and the choice under
  // `code`.
  Result<CastOutcome> CastBallot(const std::string& id, const std::string& nomination, const std::string& member,
                                 const std::string& code, int choice);
  enum class RecuseOutcome { kRecused, kAlreadyVoted, kClosed };
  // Atomically: recuses the member unless they already voted or the box is closed.
  Result<RecuseOutcome> Recuse(const std::string& id, const std::string& nomination, const std::string& member);

  // Stores a member's score sheet while the session is open; false when closed.
  Result<bool> PutScores(const std::string& id, const std::string& nomination, const std::string& member,
                         const v1::ScoreNomineeRequest& sheet);
  Result<std::map<std::string, v1::ScoreNomineeRequest>> Scores(const std::string& id,
                                                               const std::string& nomination);

  // Ballots of a nominee: code -> choice.
  Result<std::map<std::string, int>> Ballots(const std::string& id, const std::string& nomination);
  Result<std::optional<int>> BallotByCode(const std::string& id, const std::string& nomination,
                                          const std::string& code);
  Result<std::vector<std::string>> Voters(const std::string& id, const std::string& nomination);
  Result<int> BallotCount(const std::string& id, const std::string& nomination);

  Status PutResults(const std::string& id, const v1::SessionResults& results);
  Result<std::optional<v1::SessionResults>> Results(const std::string& id);

 private:
  static std::string Key(const std::string& id, const std::string& part);
  RecordStore& store_;
};

}  // namespace tdkt::evaluation
