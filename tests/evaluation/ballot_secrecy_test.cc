// Ballot secrecy, tested as indistinguishability: the same session is run
// twice with the members' votes swapped around (same totals). Everything an
// observer other than the voter can get (every response to the secretary,
// the admin, an inspector and the other members, every log line, the
// metrics) must be the same in both runs once random codes and times are
// masked. If anything tied a member to a choice, the runs would differ.
#include <regex>

#include <gtest/gtest.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "tests/evaluation/evaluation_fixtures.h"

namespace tdkt::testing {
namespace {

std::string Mask(std::string text) {
  text = std::regex_replace(text, std::regex("[0-9a-f]{64}"), "SECRET");
  text = std::regex_replace(text, std::regex("[0-9a-f]{32}"), "CODE");
  text = std::regex_replace(text, std::regex("seconds: [0-9]+"), "seconds: T");
  text = std::regex_replace(text, std::regex("nanos: [0-9]+"), "nanos: N");
  text = std::regex_replace(text, std::regex("\"ts\":\"[^\"]*\""), "\"ts\":\"T\"");
  text = std::regex_replace(text, std::regex("127\\.0\\.0\\.1:[0-9]+"), "LOOPBACK");
  text = std::regex_replace(text, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9:.]+Z?"), "DATETIME");
  return text;
}

struct Observed {
  std::vector<std::string> responses;  // Masked, in call order.
  std::string logs;                    // Masked.
  std::string metrics;
  std::vector<std::string> receipts_checked;  // What each voter's receipt shows them.
};

Observed RunSession(const std::map<std::string, ev1::BallotChoice>& votes) {
  Observed seen;
  ::testing::internal::CaptureStderr();
  {
    EvaluationServer server;
    EvaluationClient client(server);
    auto council = client.Council(kKhanhHoa, Members(5, kKhanhHoa));
    auto nominee = client.Submitted("Nguyễn Văn Minh");
    auto session = client.Session(council, {nominee});
    ev1::Session opened;
    EXPECT_TRUE(client.Open(session, {"m1", "m2", "m3", "m4"}, &opened).ok());
    seen.responses.push_back(Mask(opened.DebugString()));
    std::map<std::string, ev1::BallotReceipt> receipts;
    auto observe_session = [&] {
      for (auto [role, subject] : std::vector<std::pair<Role, std::string>>{
               {Role::kAdmin, ""}, {Role::kCouncilSecretary, ""}, {Role::kInspector, ""},
               {Role::kCouncilMember, "m1"}, {Role::kCouncilMember, "m5"}}) {
        ev1::GetSessionRequest get;
        get.set_id(session.id());
        ev1::Session s;
        auto ctx = server.Context(role, kKhanhHoa, subject);
        grpc::Status st = client.sessions->GetSession(ctx.get(), get, &s);
        seen.responses.push_back(st.ok() ? Mask(s.DebugString()) : st.error_message());
        seen.responses.push_back(Mask(client.Results(session, role, subject).DebugString()));
      }
    };
    for (const auto& [member, choice] : votes) {
      ev1::BallotReceipt receipt;
      EXPECT_TRUE(client.Cast(session, nominee.id(), member, choice, &receipt).ok());
      receipts[member] = receipt;
      observe_session();
    }
    // A second attempt: the refusal must not depend on the first choice.
    seen.responses.push_back(client.Cast(session, nominee.id(), "m2", ev1::AGREE).error_message());
    ev1::Session closed;
    EXPECT_TRUE(client.Close(session, &closed).ok());
    seen.responses.push_back(Mask(closed.DebugString()));
    observe_session();

    ev1::ListBallotsRequest list;
    list.set_session_id(session.id());
    list.set_nomination_id(nominee.id());
    ev1::ListBallotsResponse ballots;
    auto ctx = server.Context(Role::kAdmin, kKhanhHoa);
    EXPECT_TRUE(client.sessions->ListBallots(ctx.get(), list, &ballots).ok());
    // Codes are random, so their order is too: compare the sorted choices.
    std::vector<int> choices;
    int agree = 0;
    std::string previous;
    for (const auto& b : ballots.ballots()) {
      choices.push_back(b.choice());
      agree += b.choice() == ev1::AGREE;
      EXPECT_LT(previous, b.ballot_code()) << "ordered by code";
      previous = b.ballot_code();
    }
    std::sort(choices.begin(), choices.end());
    for (int c : choices) seen.responses.push_back("ballot " + std::to_string(c));
    seen.responses.push_back(Mask(ballots.tally().DebugString()));
    EXPECT_EQ(agree, ballots.tally().agree()) << "anyone can recompute the tally from the stored ballots";
    for (auto format : {ev1::TEXT, ev1::HTML}) {
      ev1::GetMinutesRequest m;
      m.set_session_id(session.id());
      m.set_format(format);
      ev1::Minutes minutes;
      ctx = server.Context(Role::kCouncilSecretary, kKhanhHoa);
      EXPECT_TRUE(client.sessions->GetMinutes(ctx.get(), m, &minutes).ok());
      seen.responses.push_back(Mask(minutes.content()));
    }
    // Each voter, and only the voter, can check their own ballot.
    for (const auto& [member, receipt] : receipts) {
      ev1::VerifyReceiptRequest verify;
      verify.set_session_id(session.id());
      verify.set_nomination_id(nominee.id());
      verify.set_secret(receipt.secret());
      ev1::VerifyReceiptResponse verified;
      ctx = server.Context(Role::kCouncilMember, kKhanhHoa, member);
      EXPECT_TRUE(client.sessions->VerifyReceipt(ctx.get(), verify, &verified).ok());
      EXPECT_TRUE(verified.counted());
      EXPECT_EQ(verified.ballot_code(), receipt.ballot_code());
      EXPECT_EQ(verified.choice(), votes.at(member)) << "counted as cast";
    }
    prometheus::TextSerializer serializer;
    seen.metrics = serializer.Serialize(server.metrics().registry().Collect());
  }
  seen.logs = Mask(::testing::internal::GetCapturedStderr());
  return seen;
}

TEST(BallotSecrecy, ObserversCannotTellWhoVotedHow) {
  const std::map<std::string, ev1::BallotChoice> first = {
      {"m1", ev1::AGREE}, {"m2", ev1::DISAGREE}, {"m3", ev1::ABSTAIN}, {"m4", ev1::AGREE}, {"m5", ev1::AGREE}};
  const std::map<std::string, ev1::BallotChoice> swapped = {
      {"m1", ev1::DISAGREE}, {"m2", ev1::AGREE}, {"m3", ev1::AGREE}, {"m4", ev1::ABSTAIN}, {"m5", ev1::AGREE}};
  Observed a = RunSession(first);
  Observed b = RunSession(swapped);
  ASSERT_EQ(a.responses.size(), b.responses.size());
  for (size_t i = 0; i < a.responses.size(); ++i) {
    EXPECT_EQ(a.responses[i], b.responses[i]) << "response " << i << " differs between the two runs";
  }
  EXPECT_EQ(a.logs, b.logs) << "log lines differ between the two runs";
  for (const std::string* metrics : {&a.metrics, &b.metrics}) {
    for (const char* word : {"\"m1\"", "\"m2\"", "AGREE", "DISAGREE", "ABSTAIN", "agree"}) {
      EXPECT_EQ(metrics->find(word), std::string::npos) << word << " appears in the metrics";
    }
  }
}

}  // namespace
}  // namespace tdkt::testing
