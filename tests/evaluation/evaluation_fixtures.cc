#include "tests/evaluation/evaluation_fixtures.h"

namespace tdkt::testing {

std::vector<ev1::CouncilMember> Members(int n, const std::string& unit) {
  std::vector<ev1::CouncilMember> out;
  for (int i = 1; i <= n; ++i) {
    ev1::CouncilMember m;
    m.set_subject("m" + std::to_string(i));
    m.set_full_name("Thành viên số " + std::to_string(i));
    m.set_position(i == 1 ? ev1::CHAIR : i == 2 ? ev1::SECRETARY : ev1::MEMBER);
    m.set_agency_id(unit);
    out.push_back(m);
  }
  return out;
}

EvaluationClient::EvaluationClient(EvaluationServer& s)
    : server(s),
      councils(ev1::CouncilService::NewStub(s.channel())),
      sessions(ev1::SessionService::NewStub(s.channel())),
      decisions(ev1::DecisionService::NewStub(s.channel())),
      criteria(ev1::CriteriaService::NewStub(s.channel())),
      nominations(nv1::NominationService::NewStub(s.nomination().channel())) {}

ev1::Council EvaluationClient::Council(const std::string& agency_id, const std::vector<ev1::CouncilMember>& members,
                                       const std::vector<ev1::VoteThreshold>& thresholds, int disclosure_days) {
  ev1::CreateCouncilRequest request;
  request.set_request_id(NextRequestId());
  ev1::Council* c = request.mutable_council();
  c->set_agency_id(agency_id);
  c->set_name("Hội đồng Thi đua - Khen thưởng thử nghiệm");
  for (const auto& m : members) *c->add_members() = m;
  c->set_term_start("2020-01-01");
  c->set_term_end("2099-12-31");
  for (const auto& t : thresholds) *c->add_thresholds() = t;
  c->set_disclosure_working_days(disclosure_days);
  ev1::Council out;
  auto ctx = server.Context(Role::kOfficer, agency_id);
  grpc::Status st = councils->CreateCouncil(ctx.get(), request, &out);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return out;
}

nv1::Nomination EvaluationClient::Submitted(const std::string& name, const std::string& unit,
                                            const std::string& field) {
  nv1::Nomination n = CreateAs(server.nomination(), Role::kOfficer, kKhanhHoa, Details(name, unit, field));
  return MoveTo(server.nomination(), Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
}

ev1::Session EvaluationClient::Session(const ev1::Council& council, const std::vector<nv1::Nomination>& nominees,
                                       const std::string& title_code) {
  ev1::CreateSessionRequest create;
  create.set_request_id(NextRequestId());
  create.set_council_id(council.id());
  create.set_title("Phiên bình xét năm 2026");
  create.mutable_written_vote_deadline()->set_seconds(server.clock().NowSeconds() + 3600);
  create.set_normalise_scores(true);
  ev1::Session session;
  auto ctx = server.Context(Role::kCouncilSecretary, council.agency_id());
  grpc::Status st = sessions->CreateSession(ctx.get(), create, &session);
  EXPECT_TRUE(st.ok()) << st.error_message();
  for (const auto& n : nominees) {
    ev1::AddAgendaItemRequest add;
    add.set_request_id(NextRequestId());
    add.set_session_id(session.id());
    add.set_nomination_id(n.id());
    add.set_title_code(title_code);
    add.set_title_name("Chiến sĩ thi đua cơ sở");
    auto c = server.Context(Role::kCouncilSecretary, council.agency_id());
    st = sessions->AddAgendaItem(c.get(), add, &session);
    EXPECT_TRUE(st.ok()) << st.error_message();
  }
  return session;
}

grpc::Status EvaluationClient::Open(const ev1::Session& session, const std::vector<std::string>& present,
                                    ev1::Session* out) {
  ev1::OpenSessionRequest request;
  request.set_session_id(session.id());
  for (const auto& p : present) request.add_present(p);
  ev1::Session ignored;
  auto ctx = server.Context(Role::kCouncilSecretary, session.agency_id());
  return sessions->OpenSession(ctx.get(), request, out ? out : &ignored);
}

grpc::Status EvaluationClient::Cast(const ev1::Session& session, const std::string& nomination_id,
                                    const std::string& member, ev1::BallotChoice choice, ev1::BallotReceipt* receipt) {
  ev1::CastBallotRequest request;
  request.set_session_id(session.id());
  request.set_nomination_id(nomination_id);
  request.set_choice(choice);
  ev1::BallotReceipt ignored;
  auto ctx = server.Context(Role::kCouncilMember, kBacNhaTrang, member);
  return sessions->CastBallot(ctx.get(), request, receipt ? receipt : &ignored);
}

grpc::Status EvaluationClient::Close(const ev1::Session& session, ev1::Session* out) {
  ev1::CloseSessionRequest request;
  request.set_session_id(session.id());
  ev1::Session ignored;
  auto ctx = server.Context(Role::kCouncilSecretary, session.agency_id());
  return sessions->CloseSession(ctx.get(), request, out ? out : &ignored);
}

ev1::SessionResults EvaluationClient::Results(const ev1::Session& session, Role role, const std::string& subject) {
  ev1::GetResultsRequest request;
  request.set_session_id(session.id());
  ev1::SessionResults out;
  auto ctx = server.Context(role, session.agency_id(), subject);
  grpc::Status st = sessions->GetResults(ctx.get(), request, &out);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return out;
}

}  // namespace tdkt::testing
