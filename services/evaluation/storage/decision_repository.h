// Appraisals, decisions, disclosures and objections in Redis:
//   ev:ses:{S}:appraisal:<nom>    Appraisal bytes (replaced until decided)
//   ev:ses:{S}:decision:<nom>     hash {step: pending|done, fp: request fingerprint, d: Decision bytes}
//   ev:ses:{S}:disclosed          hash nomination -> disclosure id
//   ev:ses:{S}:objections:<nom>   list of objection ids, oldest first
//   ev:disc:<id>                  record (RecordStore): Disclosure
//   ev:discs:<agency>             sorted set of the agency's disclosures
//   ev:obj:<id>                   record (RecordStore): Objection
// A decision is written in steps (pending, then done once the nomination
// moved) so that a retry after a crash finishes it instead of repeating it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/record_store.h"
#include "tdkt/evaluation/v1/decision.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

class DecisionRepository {
 public:
  explicit DecisionRepository(RecordStore& store) : store_(store) {}

  // The write methods take the request's answer (`memo`), stored in the
  // same atomic step as the change.
  Status PutAppraisal(const v1::Appraisal& appraisal, const MemoWriter& memo = MemoWriter());
  Result<std::optional<v1::Appraisal>> GetAppraisal(const std::string& session, const std::string& nomination);

  struct StoredDecision {
    bool done = false;
    std::string fingerprint;
    v1::Decision decision;
  };
  Result<std::optional<StoredDecision>> GetDecision(const std::string& session, const std::string& nomination);
  // Records the decision as pending unless one is already stored; returns
  // what is stored afterwards.
  Result<StoredDecision> BeginDecision(const v1::Decision& decision, const std::string& fingerprint);
  Status FinishDecision(const v1::Decision& decision);
  // Drops a pending decision whose move was refused.
  Status DropPendingDecision(const std::string& session, const std::string& nomination);

  Result<std::string> NewId(const std::string& prefix, const std::string& agency);
  Status CreateDisclosure(const v1::Disclosure& disclosure, const MemoWriter& memo = MemoWriter());
  Result<v1::Disclosure> GetDisclosure(const std::string& id);
  // The disclosure a nominee of the session is on, if any.
  Result<std::optional<v1::Disclosure>> DisclosureOf(const std::string& session, const std::string& nomination);
  Result<std::vector<v1::Disclosure>> ListDisclosures(const std::string& agency, int64_t before, int limit,
                                                      std::vector<int64_t>* cursors);

  Status CreateObjection(const v1::Objection& objection, const MemoWriter& memo = MemoWriter());
  Result<v1::Objection> GetObjection(const std::string& id, int64_t* version);
  Status UpdateObjection(const v1::Objection& objection, int64_t expected_version,
                         const MemoWriter& memo = MemoWriter());
  Result<std::vector<v1::Objection>> Objections(const std::string& session, const std::string& nomination);

 private:
  RecordStore& store_;
};

}  // namespace tdkt::evaluation
