#include "tools/tdktctl/demo_evaluation.h"

#include <algorithm>
#include <ctime>
#include <memory>

#include "common/grpc_status.h"
#include "common/vn_time.h"
#include "tdkt/evaluation/v1/council.grpc.pb.h"
#include "tdkt/evaluation/v1/decision.grpc.pb.h"
#include "tdkt/evaluation/v1/session.grpc.pb.h"
#include "tools/tdktctl/token.h"

namespace tdkt::ctl {
namespace {

constexpr char kIdPrefix[] = "demo-v1-";
constexpr long kTokenTtlSeconds = 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kWrittenVoteDays = 30;  // absent members may vote in writing this long

std::string CouncilMethod(const char* name) {
  return std::string(ev1::CouncilService::service_full_name()) + "/" + name;
}
std::string SessionMethod(const char* name) {
  return std::string(ev1::SessionService::service_full_name()) + "/" + name;
}
std::string DecisionMethod(const char* name) {
  return std::string(ev1::DecisionService::service_full_name()) + "/" + name;
}

grpc::Status WithContext(const grpc::Status& status, const std::string& context) {
  return grpc::Status(status.error_code(), context + ": " + status.error_message());
}

const v1::Nomination* FindNominee(const EvaluationDemo& demo, const std::string& key) {
  auto it = demo.nominees.find(key);
  return it == demo.nominees.end() ? nullptr : &it->second;
}

const ev1::AgendaItem* OnAgenda(const ev1::Session& session, const std::string& nomination_id) {
  for (const auto& item : session.agenda()) {
    if (item.nomination_id() == nomination_id) return &item;
  }
  return nullptr;
}

// 17:00 (Vietnam time) kWrittenVoteDays after today: the same on every run
// of a day, so a retried CreateSession carries the same request.
int64_t WrittenVoteDeadline() {
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const int64_t today = (now + kVietnamOffsetSeconds) / kDay * kDay - kVietnamOffsetSeconds;
  return today + kWrittenVoteDays * kDay + 17 * 3600;
}

class EvaluationLoader {
 public:
  explicit EvaluationLoader(const EvaluationDemo& demo) : demo_(demo), officer_(As(demo.officer_token)) {}

  int applied = 0;
  int skipped = 0;

  // Finds the council by agency and name (*found false when there is none).
  grpc::Status FindCouncil(const DemoCouncil& c, ev1::Council* out, bool* found) {
    *found = false;
    ev1::ListCouncilsRequest list;
    list.set_agency_id(c.agency_id);
    list.set_page_size(200);
    for (;;) {
      ev1::ListCouncilsResponse page;
      grpc::Status status = officer_.Call(CouncilMethod("ListCouncils"), list, &page);
      if (!status.ok()) return status;
      for (const auto& council : page.councils()) {
        if (council.agency_id() == c.agency_id && council.name() == c.name) {
          *out = council;
          *found = true;
          ++skipped;
          return grpc::Status::OK;
        }
      }
      if (page.next_page_token().empty()) return grpc::Status::OK;
      list.set_page_token(page.next_page_token());
    }
  }

  // Creates the council (as the officer, who sets councils up).
  grpc::Status CreateCouncil(const DemoCouncil& c, ev1::Council* out) {
    ev1::CreateCouncilRequest create;
    create.set_request_id(std::string(kIdPrefix) + c.key);
    ev1::Council* council = create.mutable_council();
    council->set_agency_id(c.agency_id);
    council->set_name(c.name);
    council->set_term_start(c.term_start);
    council->set_term_end(c.term_end);
    for (const auto& m : c.members) {
      ev1::CouncilMember* member = council->add_members();
      member->set_subject(m.subject);
      member->set_full_name(m.full_name);
      member->set_position(m.position);
      member->set_agency_id(m.agency_id);
    }
    grpc::Status status = officer_.Call(CouncilMethod("CreateCouncil"), create, out);
    if (status.ok()) ++applied;
    return status;
  }

  // Takes the session as far as `s` says, skipping the steps done before.
  // A session not created yet is created only when `startable` (its
  // nominees are all SUBMITTED); else *started is false and nothing happens.
  grpc::Status Session(const DemoSession& s, const DemoCouncil& dc, const ev1::Council& council, bool startable,
                       Json* out, bool* started) {
    *started = true;
    std::vector<const v1::Nomination*> nominees;
    for (const auto& entry : s.agenda) nominees.push_back(FindNominee(demo_, entry.candidate_key));
    auto secretary_it = std::find_if(dc.members.begin(), dc.members.end(),
                                     [](const DemoMember& m) { return m.position == ev1::SECRETARY; });
    if (secretary_it == dc.members.end()) return Internal("demo council " + dc.key + " has no secretary");
    RpcClient* secretary = nullptr;
    grpc::Status status = MemberClient(dc, *secretary_it, &secretary);
    if (!status.ok()) return status;

    ev1::Session session;
    bool found = false;
    status = FindSession(s, council, &session, &found);
    if (!status.ok()) return status;
    if (!found && !startable) {
      *started = false;
      return grpc::Status::OK;
    }
    if (!found) {
      status = CreateSession(s, council, *secretary, &session);
      if (!status.ok()) return status;
    }

    // Agenda and opening, while the session is still being prepared.
    if (session.state() == ev1::SCHEDULED) {
      for (size_t i = 0; i < s.agenda.size(); ++i) {
        const DemoAgendaEntry& entry = s.agenda[i];
        if (OnAgenda(session, nominees[i]->id())) {
          ++skipped;
          continue;
        }
        ev1::AddAgendaItemRequest add;
        add.set_request_id(std::string(kIdPrefix) + s.key + "-" + entry.candidate_key);
        add.set_session_id(session.id());
        add.set_nomination_id(nominees[i]->id());
        add.set_title_code(entry.title_code);
        add.set_title_name(entry.title_name);
        status = secretary->Call(SessionMethod("AddAgendaItem"), add, &session);
        if (!status.ok()) return WithContext(status, "agenda item " + nominees[i]->id());
        ++applied;
      }
      ev1::OpenSessionRequest open;
      open.set_session_id(session.id());
      for (const auto& m : dc.members) {
        if (std::find(s.absent.begin(), s.absent.end(), m.subject) == s.absent.end()) open.add_present(m.subject);
      }
      status = secretary->Call(SessionMethod("OpenSession"), open, &session);
      if (!status.ok()) return WithContext(status, "open");
      ++applied;
    } else {
      skipped += static_cast<int>(s.agenda.size()) + 1;
    }

    // Ballots, each member with its own token, while the ballot is open.
    for (size_t i = 0; i < s.agenda.size(); ++i) {
      const auto& ballots = s.agenda[i].ballots;
      for (size_t m = 0; m < ballots.size() && m < dc.members.size(); ++m) {
        if (session.state() != ev1::IN_PROGRESS) {
          ++skipped;
          continue;
        }
        RpcClient* member = nullptr;
        status = MemberClient(dc, dc.members[m], &member);
        if (!status.ok()) return status;
        ev1::CastBallotRequest cast;
        cast.set_session_id(session.id());
        cast.set_nomination_id(nominees[i]->id());
        cast.set_choice(ballots[m]);
        ev1::BallotReceipt receipt;
        status = member->Call(SessionMethod("CastBallot"), cast, &receipt);
        // An earlier run stopped half-way: this member's ballot is in.
        if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION &&
            status.error_message().find("already cast") != std::string::npos) {
          ++skipped;
          continue;
        }
        if (!status.ok()) return WithContext(status, "ballot of " + dc.members[m].subject + " on " + nominees[i]->id());
        ++applied;
      }
    }
    if (s.close) {
      if (session.state() == ev1::IN_PROGRESS) {
        ev1::CloseSessionRequest close;
        close.set_session_id(session.id());
        status = secretary->Call(SessionMethod("CloseSession"), close, &session);
        if (!status.ok()) return WithContext(status, "close");
        ++applied;
      } else {
        ++skipped;
      }
    }

    // Appraisal and decision, once the ballots are closed.
    std::vector<Json> decisions(s.agenda.size());
    for (size_t i = 0; i < s.agenda.size(); ++i) {
      if (s.agenda[i].outcome == ev1::DECISION_OUTCOME_UNSPECIFIED || session.state() != ev1::CLOSED) continue;
      status = Decide(s, session, s.agenda[i], *nominees[i], &decisions[i]);
      if (!status.ok()) return WithContext(status, "decision on " + nominees[i]->id());
    }
    return Summarise(session, decisions, out);
  }

 private:
  RpcClient As(const std::string& token) const {
    Endpoint e = demo_.endpoint;
    e.token = token;
    return RpcClient(e);
  }

  static grpc::Status Internal(const std::string& message) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "demo content: " + message);
  }

  // A client carrying the member's own token (subject = member subject).
  grpc::Status MemberClient(const DemoCouncil& dc, const DemoMember& m, RpcClient** out) {
    auto& client = members_[dc.key + "/" + m.subject];
    if (!client) {
      const char* role = m.position == ev1::SECRETARY ? "council_secretary" : "council_member";
      auto token = MintToken(demo_.secret_file, role, dc.agency_id, m.subject, kTokenTtlSeconds);
      if (!token.ok()) return ToGrpcStatus(token.status());
      Endpoint e = demo_.endpoint;
      e.token = *token;
      client = std::make_unique<RpcClient>(e);
    }
    *out = client.get();
    return grpc::Status::OK;
  }

  grpc::Status FindSession(const DemoSession& s, const ev1::Council& council, ev1::Session* out, bool* found) {
    *found = false;
    ev1::ListSessionsRequest list;
    list.set_council_id(council.id());
    list.set_page_size(200);
    for (;;) {
      ev1::ListSessionsResponse page;
      grpc::Status status = officer_.Call(SessionMethod("ListSessions"), list, &page);
      if (!status.ok()) return status;
      for (const auto& session : page.sessions()) {
        if (session.title() == s.title) {
          *out = session;
          *found = true;
          ++skipped;
          return grpc::Status::OK;
        }
      }
      if (page.next_page_token().empty()) return grpc::Status::OK;
      list.set_page_token(page.next_page_token());
    }
  }

  // Created by the council's secretary, as a real session would be.
  grpc::Status CreateSession(const DemoSession& s, const ev1::Council& council, RpcClient& secretary,
                             ev1::Session* out) {
    ev1::CreateSessionRequest create;
    create.set_request_id(std::string(kIdPrefix) + s.key);
    create.set_council_id(council.id());
    create.set_title(s.title);
    create.mutable_written_vote_deadline()->set_seconds(WrittenVoteDeadline());
    grpc::Status status = secretary.Call(SessionMethod("CreateSession"), create, out);
    if (status.ok()) ++applied;
    return status;
  }

  // Appraises (when the entry says so) and decides, unless a decision exists.
  grpc::Status Decide(const DemoSession& s, const ev1::Session& session, const DemoAgendaEntry& entry,
                      const v1::Nomination& nominee, Json* out) {
    const std::string id_base = std::string(kIdPrefix) + s.key + "-" + entry.candidate_key;
    ev1::GetDecisionRequest get;
    get.set_session_id(session.id());
    get.set_nomination_id(nominee.id());
    ev1::Decision decision;
    grpc::Status status = officer_.Call(DecisionMethod("GetDecision"), get, &decision);
    if (status.ok()) {
      skipped += entry.appraisal_checks.empty() ? 1 : 2;
      *out = DecisionJson(decision);
      return grpc::Status::OK;
    }
    if (status.error_code() != grpc::StatusCode::NOT_FOUND) return status;

    if (!entry.appraisal_checks.empty()) {
      ev1::AppraiseRequest appraise;
      appraise.set_request_id(id_base + "-appraisal");
      ev1::Appraisal* a = appraise.mutable_appraisal();
      a->set_session_id(session.id());
      a->set_nomination_id(nominee.id());
      for (const auto& text : entry.appraisal_checks) {
        ev1::ChecklistItem* item = a->add_checklist();
        item->set_text(text);
        item->set_satisfied(true);
      }
      a->set_result(ev1::APPRAISAL_PASSED);
      a->set_comments(entry.appraisal_comments);
      ev1::Appraisal appraisal;
      status = officer_.Call(DecisionMethod("Appraise"), appraise, &appraisal);
      // FAILED_PRECONDITION: an earlier run began the decision, which
      // closes the appraisal; Decide below finishes that decision.
      if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
        ++skipped;
      } else if (!status.ok()) {
        return WithContext(status, "appraisal");
      } else {
        ++applied;
      }
    }

    ev1::DecideRequest decide;
    decide.set_request_id(id_base + "-decision");
    ev1::Decision* d = decide.mutable_decision();
    d->set_session_id(session.id());
    d->set_nomination_id(nominee.id());
    d->set_outcome(entry.outcome);
    if (entry.outcome == ev1::RECOGNISE) {
      d->set_decision_number(entry.decision_number);
      // The day the council closed the ballots: the same on every run.
      d->set_decision_date(FormatVietnamTime(session.closed_at().seconds(), "%Y-%m-%d"));
    }
    d->set_reason(entry.reason);
    status = officer_.Call(DecisionMethod("Decide"), decide, &decision);
    if (!status.ok()) return status;
    ++applied;
    *out = DecisionJson(decision);
    return grpc::Status::OK;
  }

  static Json DecisionJson(const ev1::Decision& d) {
    Json out{{"outcome", ev1::DecisionOutcome_Name(d.outcome())}};
    if (!d.decision_number().empty()) out["decision_number"] = d.decision_number();
    if (!d.decision_date().empty()) out["decision_date"] = d.decision_date();
    if (d.outcome() == ev1::RETURN) out["reason"] = d.reason();
    return out;
  }

  // The session as it is now: ballots cast per nominee, the tally once
  // closed, and the decisions.
  grpc::Status Summarise(const ev1::Session& before, const std::vector<Json>& decisions, Json* out) {
    ev1::GetSessionRequest get;
    get.set_id(before.id());
    ev1::Session session;
    grpc::Status status = officer_.Call(SessionMethod("GetSession"), get, &session);
    if (!status.ok()) return status;
    ev1::SessionResults results;
    if (session.state() == ev1::CLOSED) {
      ev1::GetResultsRequest r;
      r.set_session_id(session.id());
      status = officer_.Call(SessionMethod("GetResults"), r, &results);
      if (!status.ok()) return status;
    }
    Json agenda = Json::array();
    for (int i = 0; i < session.agenda_size(); ++i) {
      const ev1::AgendaItem& item = session.agenda(i);
      Json entry{{"nomination_id", item.nomination_id()},
                 {"nominee_name", item.nominee_name()},
                 {"title_code", item.title_code()},
                 {"ballots_cast", item.ballots_cast()}};
      for (const auto& r : results.items()) {
        if (r.nomination_id() != item.nomination_id() || !r.has_tally()) continue;
        const ev1::Tally& t = r.tally();
        entry["tally"] = Json{{"agree", t.agree()},
                              {"disagree", t.disagree()},
                              {"abstain", t.abstain()},
                              {"percent_needed", t.percent_needed()},
                              {"passed", t.passed()}};
      }
      if (i < static_cast<int>(decisions.size()) && !decisions[i].is_null()) entry["decision"] = decisions[i];
      agenda.push_back(std::move(entry));
    }
    *out = Json{{"id", session.id()},
                {"council_id", session.council_id()},
                {"title", session.title()},
                {"state", ev1::SessionState_Name(session.state())},
                {"agenda", agenda}};
    return grpc::Status::OK;
  }

  const EvaluationDemo& demo_;
  RpcClient officer_;
  std::map<std::string, std::unique_ptr<RpcClient>> members_;
};

}  // namespace

grpc::Status LoadEvaluationDemo(const EvaluationDemo& demo, Json* summary) {
  EvaluationLoader loader(demo);
  std::map<std::string, ev1::Council> councils;  // by DemoCouncil key
  Json council_list = Json::array();
  Json session_list = Json::array();
  int outside = 0, not_started = 0;
  for (const auto& s : DemoSessions()) {
    auto dc = std::find_if(DemoCouncils().begin(), DemoCouncils().end(),
                           [&](const DemoCouncil& c) { return c.key == s.council_key; });
    if (dc == DemoCouncils().end()) return grpc::Status(grpc::StatusCode::INTERNAL, "demo content: no council " + s.council_key);
    bool in_scope = demo.in_scope(dc->agency_id);
    bool startable = true;  // every nominee still waits for a council
    for (const auto& entry : s.agenda) {
      const v1::Nomination* n = FindNominee(demo, entry.candidate_key);
      in_scope = in_scope && n;
      startable = startable && n && n->state() == v1::SUBMITTED;
    }
    if (!in_scope) {  // its council or a nominee lies outside the node's subtree
      ++outside;
      continue;
    }
    auto known = councils.find(dc->key);
    if (known == councils.end()) {
      ev1::Council council;
      bool found = false;
      grpc::Status status = loader.FindCouncil(*dc, &council, &found);
      if (status.ok() && !found && !startable) {  // e.g. data of an older demo, decided without a council
        ++not_started;
        continue;
      }
      if (status.ok() && !found) status = loader.CreateCouncil(*dc, &council);
      if (!status.ok()) return WithContext(status, "council '" + dc->name + "'");
      known = councils.emplace(dc->key, council).first;
      council_list.push_back(Json{{"id", council.id()},
                                  {"agency_id", council.agency_id()},
                                  {"name", council.name()},
                                  {"members", council.members_size()}});
    }
    Json session;
    bool started = false;
    grpc::Status status = loader.Session(s, *dc, known->second, startable, &session, &started);
    if (!status.ok()) return WithContext(status, "session '" + s.title + "' of " + known->second.id());
    if (!started) {
      ++not_started;
      continue;
    }
    session_list.push_back(std::move(session));
  }
  *summary = Json{{"councils", council_list},
                  {"sessions", session_list},
                  {"steps_applied", loader.applied},
                  {"steps_already_done", loader.skipped},
                  {"skipped_outside_agency", outside},
                  {"skipped_nominees_not_submitted", not_started}};
  return grpc::Status::OK;
}

}  // namespace tdkt::ctl
