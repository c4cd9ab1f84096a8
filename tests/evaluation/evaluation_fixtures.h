// Builders and a small client for the evaluation end-to-end tests: a
// council of named members, submitted nominations, sessions, ballots.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tdkt/evaluation/v1/council.grpc.pb.h"
#include "tdkt/evaluation/v1/criteria.grpc.pb.h"
#include "tdkt/evaluation/v1/decision.grpc.pb.h"
#include "tdkt/evaluation/v1/session.grpc.pb.h"
#include "tests/support/evaluation_server.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {

namespace ev1 = ::tdkt::evaluation::v1;

// Members "m1".."m<n>" (m1 chairs, m2 is secretary) working in `unit`.
std::vector<ev1::CouncilMember> Members(int n, const std::string& unit);

class EvaluationClient {
 public:
  explicit EvaluationClient(EvaluationServer& server);

  // Creates the council of `agency` (officer of `agency`) with the given
  // thresholds (empty: the defaults).
  ev1::Council Council(const std::string& agency, const std::vector<ev1::CouncilMember>& members,
                       const std::vector<ev1::VoteThreshold>& thresholds = {}, int disclosure_days = 10);
  // A candidate of `unit` (a ward of Khánh Hòa) moved to SUBMITTED.
  nv1::Nomination Submitted(const std::string& name, const std::string& unit = kBacNhaTrang,
                            const std::string& field = "health");
  ev1::Session Session(const ev1::Council& council, const std::vector<nv1::Nomination>& nominees,
                       const std::string& title_code = "chien-si-thi-dua-co-so");
  grpc::Status Open(const ev1::Session& session, const std::vector<std::string>& present, ev1::Session* out = nullptr);
  grpc::Status Cast(const ev1::Session& session, const std::string& nomination_id, const std::string& member,
                    ev1::BallotChoice choice, ev1::BallotReceipt* receipt = nullptr);
  grpc::Status Close(const ev1::Session& session, ev1::Session* out = nullptr);
  ev1::SessionResults Results(const ev1::Session& session, Role role = Role::kOfficer, const std::string& subject = "");

  EvaluationServer& server;
  std::string agency = kKhanhHoa;
  std::unique_ptr<ev1::CouncilService::Stub> councils;
  std::unique_ptr<ev1::SessionService::Stub> sessions;
  std::unique_ptr<ev1::DecisionService::Stub> decisions;
  std::unique_ptr<ev1::CriteriaService::Stub> criteria;
  std::unique_ptr<nv1::NominationService::Stub> nominations;
};

}  // namespace tdkt::testing
