// Contests end to end over loopback gRPC and the test Redis: organise, take
// entries until the deadline (the ManualClock moves past it), jury scoring
// with common scoring, results and close; bad input changes nothing; every
// RPC x every role.
#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "common/record_store.h"
#include "common/request_fingerprint.h"
#include "common/scoring.h"
#include "common/vn_time.h"
#include "services/campaign_media/contests_component.h"
#include "services/campaign_media/domain/contest_rules.h"
#include "tdkt/campaign_media/v1/contest.grpc.pb.h"
#include "tests/support/access_checks.h"
#include "tests/support/campaign_media_server.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

namespace cv1 = ::tdkt::campaign_media::v1;
using campaign_media::ContestsComponent;

constexpr int64_t kDay = 86400;

class ContestsTest : public ::testing::Test {
 protected:
  ContestsComponent* component = nullptr;
  CampaignMediaServer server{[this](campaign_media::CampaignMediaNode& node) {
    auto c = std::make_unique<ContestsComponent>(node.context(), node.verifier());
    component = c.get();
    node.Add(std::move(c));
  }};
  std::unique_ptr<cv1::ContestService::Stub> stub = cv1::ContestService::NewStub(server.channel());

  std::string Today() { return FormatVietnamTime(server.clock().NowSeconds(), "%Y-%m-%d"); }

  cv1::Contest Draft(const std::string& deadline, std::vector<std::string> jury) {
    cv1::Contest c;
    c.set_kind(cv1::WRITING);
    c.set_title("Cuộc thi viết \"Người tốt, việc tốt\" Khánh Hòa");
    c.set_rules("Mỗi tác giả gửi tối đa hai bài, không quá 3.000 chữ.");
    c.set_entry_deadline(deadline);
    auto* a = c.add_criteria();
    a->set_code("chan-thuc");
    a->set_name("Tính chân thực");
    a->set_weight(3);
    a->set_max_score(10);
    a->set_required(true);
    auto* b = c.add_criteria();
    b->set_code("van-phong");
    b->set_name("Văn phong");
    b->set_weight(1);
    b->set_max_score(20);
    for (const auto& j : jury) c.add_jury(j);
    c.set_normalise(true);
    c.set_prizes(1);
    return c;
  }

  grpc::Status Create(const cv1::Contest& draft, cv1::Contest* out, const std::string& rid = NextRequestId(),
                      Role role = Role::kMediaEditor) {
    cv1::CreateContestRequest r;
    r.set_request_id(rid);
    *r.mutable_contest() = draft;
    return stub->CreateContest(server.Context(role, kKhanhHoa).get(), r, out);
  }

  cv1::ContestEntry Entry(const std::string& contest, const std::string& title) {
    cv1::ContestEntry e;
    e.set_contest_id(contest);
    e.set_title(title);
    e.set_author_name("Trần Thị Mai");
    e.set_author_unit("Báo Khánh Hòa");
    e.set_body("Chuyện người y sĩ ở xã đảo.");
    return e;
  }

  grpc::Status Submit(const cv1::ContestEntry& e, cv1::ContestEntry* out, const std::string& rid = NextRequestId()) {
    cv1::SubmitEntryRequest r;
    r.set_request_id(rid);
    *r.mutable_entry() = e;
    return stub->SubmitEntry(server.Context(Role::kOfficer, kKhanhHoa).get(), r, out);
  }

  cv1::ScoreEntryRequest Sheet(const std::string& contest, const std::string& entry, int truth, int style) {
    cv1::ScoreEntryRequest r;
    r.set_request_id(NextRequestId());
    r.set_contest_id(contest);
    r.set_entry_id(entry);
    auto* a = r.add_scores();
    a->set_code("chan-thuc");
    a->set_score(truth);
    auto* b = r.add_scores();
    b->set_code("van-phong");
    b->set_score(style);
    return r;
  }

  grpc::Status Score(const std::string& juror, const cv1::ScoreEntryRequest& r, cv1::ScoreEntryResponse* out,
                     Role role = Role::kCouncilMember) {
    return stub->ScoreEntry(server.Context(role, kKhanhHoa, juror).get(), r, out);
  }
};

TEST_F(ContestsTest, WholeFlowFromEntriesToPrizes) {
  nv1::Nomination exemplar = CreateAs(server.nomination(), Role::kOfficer, kKhanhHoa,
                                      Details("Nguyễn Văn Hùng", kKhanhHoa));
  ASSERT_FALSE(exemplar.id().empty());

  cv1::Contest contest;
  const std::string create_rid = NextRequestId();
  ASSERT_TRUE(Create(Draft(Today(), {"gk-an", "gk-binh", "gk-chi"}), &contest, create_rid).ok());
  EXPECT_EQ(contest.state(), cv1::OPEN);
  EXPECT_EQ(contest.agency_id(), kKhanhHoa);
  EXPECT_EQ(contest.version(), 1);
  EXPECT_EQ(contest.created_by(), "media_editor@56");
  // A retry of the create returns the same contest; the id reused for another contest is refused.
  cv1::Contest again;
  ASSERT_TRUE(Create(Draft(Today(), {"gk-an", "gk-binh", "gk-chi"}), &again, create_rid).ok());
  EXPECT_EQ(again.id(), contest.id());
  cv1::Contest other_draft = Draft(Today(), {"gk-an"});
  EXPECT_EQ(Create(other_draft, &again, create_rid).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // Entries, one about the exemplar; an unknown exemplar is bad input and changes nothing.
  std::vector<cv1::ContestEntry> entries(3);
  cv1::ContestEntry first = Entry(contest.id(), "Người y sĩ ở đảo Bích Đầm");
  first.add_exemplar_ids(exemplar.id());
  const std::string entry_rid = NextRequestId();
  ASSERT_TRUE(Submit(first, &entries[0], entry_rid).ok());
  EXPECT_EQ(entries[0].id(), "entry-" + contest.id() + "-1");
  cv1::ContestEntry retry;
  ASSERT_TRUE(Submit(first, &retry, entry_rid).ok());
  EXPECT_EQ(retry.id(), entries[0].id());
  ASSERT_TRUE(Submit(Entry(contest.id(), "Thầy giáo vùng cao"), &entries[1]).ok());
  // The last second of the deadline day (Vietnam time) still takes entries.
  const int64_t closes = campaign_media::EntriesCloseAt(contest.entry_deadline());
  server.clock().Set(closes - 1);
  ASSERT_TRUE(Submit(Entry(contest.id(), "Nữ dân quân giữ biển"), &entries[2]).ok());
  {
    const std::string before = RedisDigest();
    cv1::ContestEntry bad = Entry(contest.id(), "Bài khác");
    bad.add_exemplar_ids("nom-56-999999");
    cv1::ContestEntry out;
    grpc::Status st = Submit(bad, &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(st.error_message().find("entry.exemplar_ids[0]"), std::string::npos) << st.error_message();
    bad = Entry(contest.id(), "<script>alert(1)</script>");
    EXPECT_EQ(Submit(bad, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(RedisDigest(), before);
  }

  // The jury scores only after the deadline.
  cv1::ScoreEntryResponse ack;
  EXPECT_EQ(Score("gk-an", Sheet(contest.id(), entries[0].id(), 5, 5), &ack).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  server.clock().Set(closes);
  {
    const std::string before = RedisDigest();
    cv1::ContestEntry out;
    grpc::Status st = Submit(Entry(contest.id(), "Bài nộp muộn"), &out);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(st.error_message().find("entry.contest_id"), std::string::npos) << st.error_message();
    EXPECT_NE(st.error_message().find("đã hết hạn nhận bài dự thi"), std::string::npos) << st.error_message();
    EXPECT_EQ(RedisDigest(), before);
  }
  server.clock().Advance(2 * kDay);

  // Someone outside the jury may not score, whatever the role.
  for (Role role : {Role::kOfficer, Role::kAdmin, Role::kMediaEditor}) {
    EXPECT_EQ(Score("outsider", Sheet(contest.id(), entries[0].id(), 5, 5), &ack, role).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  // A bad sheet names the score and changes nothing.
  {
    const std::string before = RedisDigest();
    grpc::Status st = Score("gk-an", Sheet(contest.id(), entries[0].id(), 5, 21), &ack);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(st.error_message().find("scores[1].score"), std::string::npos) << st.error_message();
    EXPECT_EQ(RedisDigest(), before);
  }

  // gk-an is strict, gk-binh lenient, gk-chi scores two entries.
  std::map<std::string, std::map<std::string, std::pair<int, int>>> given = {
      {"gk-an", {{entries[0].id(), {2, 4}}, {entries[1].id(), {6, 10}}, {entries[2].id(), {1, 2}}}},
      {"gk-binh", {{entries[0].id(), {10, 20}}, {entries[1].id(), {9, 18}}, {entries[2].id(), {8, 19}}}},
      {"gk-chi", {{entries[0].id(), {7, 11}}, {entries[2].id(), {7, 12}}}},
  };
  // gk-an first sends another sheet of the first entry, replaced below.
  ASSERT_TRUE(Score("gk-an", Sheet(contest.id(), entries[0].id(), 10, 20), &ack).ok());
  EXPECT_DOUBLE_EQ(ack.weighted_total(), (3 * 10 + 20) / 4.0);
  scoring::Sheets sheets;
  for (const auto& [juror, by_entry] : given) {
    for (const auto& [entry, s] : by_entry) {
      cv1::ScoreEntryRequest r = Sheet(contest.id(), entry, s.first, s.second);
      ASSERT_TRUE(Score(juror, r, &ack).ok()) << juror;
      EXPECT_EQ(ack.juror(), juror);
      sheets[entry][juror] = {{"chan-thuc", s.first}, {"van-phong", s.second}};
      // A retry of the same sheet gets the same answer.
      cv1::ScoreEntryResponse replay;
      ASSERT_TRUE(Score(juror, r, &replay).ok());
      EXPECT_EQ(replay.SerializeAsString(), ack.SerializeAsString());
    }
  }

  // The ranking is common scoring's, normalised.
  std::vector<scoring::Criterion> rubric{{"chan-thuc", 3, 10, true}, {"van-phong", 1, 20, false}};
  std::map<std::string, scoring::Rubric> rubrics;
  for (const auto& e : entries) rubrics[e.id()] = {rubric, 0};
  auto expected = scoring::Summarise(sheets, rubrics, true);
  std::vector<std::string> order;
  for (const auto& e : entries) order.push_back(e.id());
  std::sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return expected.at(a).normalised_total > expected.at(b).normalised_total;
  });

  cv1::GetResultsRequest get;
  get.set_contest_id(contest.id());
  cv1::GetResultsResponse results;
  ASSERT_TRUE(stub->GetResults(server.Context(Role::kInspector, kKhanhHoa).get(), get, &results).ok());
  ASSERT_EQ(results.results_size(), 3);
  for (int i = 0; i < 3; ++i) {
    const auto& r = results.results(i);
    EXPECT_EQ(r.entry_id(), order[i]);
    EXPECT_EQ(r.rank(), i + 1);
    EXPECT_NEAR(r.normalised_total(), expected.at(r.entry_id()).normalised_total, 1e-9);
    EXPECT_NEAR(r.mean_total(), expected.at(r.entry_id()).mean_total, 1e-9);
    EXPECT_EQ(r.jurors(), expected.at(r.entry_id()).scorers);
    EXPECT_EQ(r.prize(), i == 0);
    EXPECT_TRUE(r.requirements_met());
  }

  // Close: a stale version is refused, then results are fixed and scoring stops.
  cv1::CloseContestRequest close;
  close.set_request_id(NextRequestId());
  close.set_contest_id(contest.id());
  close.set_expected_version(7);
  cv1::GetResultsResponse closed;
  EXPECT_EQ(stub->CloseContest(server.Context(Role::kOfficer, kKhanhHoa).get(), close, &closed).error_code(),
            grpc::StatusCode::ABORTED);
  close.set_request_id(NextRequestId());
  close.set_expected_version(contest.version());
  ASSERT_TRUE(stub->CloseContest(server.Context(Role::kOfficer, kKhanhHoa).get(), close, &closed).ok());
  EXPECT_EQ(closed.contest().state(), cv1::CLOSED);
  EXPECT_EQ(closed.results_size(), 3);
  EXPECT_EQ(closed.results(0).entry_id(), order[0]);
  EXPECT_EQ(Score("gk-chi", Sheet(contest.id(), entries[1].id(), 10, 20), &ack).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  cv1::GetResultsResponse after;
  ASSERT_TRUE(stub->GetResults(server.Context(Role::kMediaEditor, kKhanhHoa).get(), get, &after).ok());
  EXPECT_EQ(after.SerializeAsString(), closed.SerializeAsString());
  cv1::ContestEntry out;
  EXPECT_EQ(Submit(Entry(contest.id(), "Sau khi kết thúc"), &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // Entries in submission order, paged.
  cv1::ListEntriesRequest list;
  list.set_contest_id(contest.id());
  list.set_page_size(2);
  cv1::ListEntriesResponse page;
  ASSERT_TRUE(stub->ListEntries(server.Context(Role::kOfficer, kKhanhHoa).get(), list, &page).ok());
  ASSERT_EQ(page.entries_size(), 2);
  EXPECT_EQ(page.entries(0).id(), entries[0].id());
  EXPECT_EQ(page.entries(0).exemplar_ids(0), exemplar.id());
  list.set_page_token(page.next_page_token());
  ASSERT_TRUE(stub->ListEntries(server.Context(Role::kOfficer, kKhanhHoa).get(), list, &page).ok());
  ASSERT_EQ(page.entries_size(), 1);
  EXPECT_EQ(page.entries(0).id(), entries[2].id());
  EXPECT_TRUE(page.next_page_token().empty());

  // The year's figures count the contest and its entries.
  cv1::AgencyMediaFigures figures;
  figures.set_agency_id(kKhanhHoa);
  ASSERT_TRUE(component->manager().AddYearFigures(kKhanhHoa, std::stoi(contest.entry_deadline().substr(0, 4)),
                                                  &figures).ok());
  EXPECT_EQ(figures.contests(), 1);
  EXPECT_EQ(figures.contest_entries(), 3);
}

// The process dies right after each write (no Finish) and the one-minute
// claim runs out: every retry gets the first answer and writes nothing again.
TEST_F(ContestsTest, RetryAfterACrashRightAfterTheWriteWritesOnce) {
  RedisClient redis(TestRedisOptions(), nullptr);
  RequestMemo& memo = server.node().context().memo;
  auto expire_claim = [&](const std::string& key) {  // What the claim's expiry would do.
    auto v = redis.Command({"GET", key});
    if (!v->is_nil() && v->str.rfind("pending\n", 0) == 0) (void)redis.Command({"DEL", key});
  };
  memo.DropFinishForTest(true);
  cv1::Contest contest, again;
  ASSERT_TRUE(Create(Draft(Today(), {"gk-an"}), &contest, "contest-crash-1").ok());
  expire_claim(memo.Key("media_editor@56", "contest-crash-1"));
  cv1::ContestEntry entry, entry_again;
  ASSERT_TRUE(Submit(Entry(contest.id(), "Người lái đò trên sông Cái"), &entry, "entry-crash-1").ok());
  expire_claim(memo.Key("officer@56", "entry-crash-1"));
  memo.DropFinishForTest(false);
  ASSERT_TRUE(Create(Draft(Today(), {"gk-an"}), &again, "contest-crash-1").ok());
  EXPECT_EQ(again.id(), contest.id());
  ASSERT_TRUE(Submit(Entry(contest.id(), "Người lái đò trên sông Cái"), &entry_again, "entry-crash-1").ok());
  EXPECT_EQ(entry_again.id(), entry.id());
  cv1::ListContestsRequest lc;
  cv1::ListContestsResponse contests;
  ASSERT_TRUE(stub->ListContests(server.Context(Role::kOfficer, kKhanhHoa).get(), lc, &contests).ok());
  EXPECT_EQ(contests.contests_size(), 1);
  cv1::ListEntriesRequest le;
  le.set_contest_id(contest.id());
  cv1::ListEntriesResponse entries;
  ASSERT_TRUE(stub->ListEntries(server.Context(Role::kOfficer, kKhanhHoa).get(), le, &entries).ok());
  EXPECT_EQ(entries.entries_size(), 1);

  server.clock().Set(campaign_media::EntriesCloseAt(contest.entry_deadline()));
  cv1::ScoreEntryRequest sheet = Sheet(contest.id(), entry.id(), 8, 15);
  sheet.set_request_id("score-crash-1");
  memo.DropFinishForTest(true);
  cv1::ScoreEntryResponse scored, scored_again;
  ASSERT_TRUE(Score("gk-an", sheet, &scored).ok());
  expire_claim(memo.Key("gk-an", "score-crash-1"));
  cv1::CloseContestRequest close;
  close.set_request_id("close-crash-1");
  close.set_contest_id(contest.id());
  close.set_expected_version(contest.version());
  cv1::GetResultsResponse closed, closed_again;
  grpc::Status st = stub->CloseContest(server.Context(Role::kOfficer, kKhanhHoa).get(), close, &closed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const std::string key = memo.Key("officer@56", "close-crash-1");
  EXPECT_EQ(redis.Command({"GET", key})->str,
            RequestFingerprint("CloseContest", close) + "\n" + closed.SerializeAsString());
  expire_claim(key);
  memo.DropFinishForTest(false);
  // Both retries come after the close: without the stored answers they would be refused.
  st = Score("gk-an", sheet, &scored_again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(scored_again.weighted_total(), scored.weighted_total());
  st = stub->CloseContest(server.Context(Role::kOfficer, kKhanhHoa).get(), close, &closed_again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(closed_again.contest().state(), cv1::CLOSED);
  EXPECT_EQ(closed_again.contest().version(), 2);
  ASSERT_EQ(closed_again.results_size(), 1);
}

TEST_F(ContestsTest, BadContestsChangeNothing) {
  const std::string before = RedisDigest();
  cv1::Contest out;
  cv1::Contest d = Draft(Today(), {"gk"});
  d.set_title("Cuộc thi <script>alert(1)</script>");
  grpc::Status st = Create(d, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(st.error_message().find("contest.title"), std::string::npos) << st.error_message();
  d = Draft("2026-13-01", {"gk"});
  EXPECT_EQ(Create(d, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  d = Draft(Today(), {});
  EXPECT_EQ(Create(d, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  d = Draft(Today(), {"gk"});
  d.set_agency_id("99999");
  EXPECT_EQ(Create(d, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  d.set_agency_id(kHaNoi);  // Outside Khánh Hòa's subtree.
  EXPECT_EQ(Create(d, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  d.set_agency_id("");
  cv1::CreateContestRequest no_id;
  *no_id.mutable_contest() = d;
  EXPECT_EQ(stub->CreateContest(server.Context(Role::kOfficer, kKhanhHoa).get(), no_id, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(RedisDigest(), before);
}

TEST_F(ContestsTest, ListContestsNewestFirstAndPaged) {
  cv1::Contest a, b, c;
  ASSERT_TRUE(Create(Draft(Today(), {"gk"}), &a).ok());
  ASSERT_TRUE(Create(Draft(Today(), {"gk"}), &b).ok());
  ASSERT_TRUE(Create(Draft(Today(), {"gk"}), &c).ok());
  cv1::ListContestsRequest r;
  r.set_page_size(2);
  cv1::ListContestsResponse page;
  ASSERT_TRUE(stub->ListContests(server.Context(Role::kInspector, kKhanhHoa).get(), r, &page).ok());
  ASSERT_EQ(page.contests_size(), 2);
  EXPECT_EQ(page.contests(0).id(), c.id());
  EXPECT_EQ(page.contests(1).id(), b.id());
  r.set_page_token(page.next_page_token());
  ASSERT_TRUE(stub->ListContests(server.Context(Role::kInspector, kKhanhHoa).get(), r, &page).ok());
  ASSERT_EQ(page.contests_size(), 1);
  EXPECT_EQ(page.contests(0).id(), a.id());
  // Another province's contests are not readable from Hà Nội.
  cv1::GetContestRequest g;
  g.set_id(a.id());
  cv1::Contest out;
  EXPECT_EQ(stub->GetContest(server.Context(Role::kOfficer, kHaNoi).get(), g, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

struct Rpc {
  std::string name;
  std::set<Role> allowed;
  Call call;
};

TEST_F(ContestsTest, EveryRpcByEveryRole) {
  // Every role's default subject sits on the jury, so anyone may score.
  std::vector<std::string> everyone;
  for (Role role : EveryRole()) everyone.push_back(RoleName(role) + "@" + kKhanhHoa);
  const std::string next_year = std::to_string(std::stoi(Today().substr(0, 4)) + 1) + "-12-31";
  cv1::Contest open, past, to_close;
  ASSERT_TRUE(Create(Draft(next_year, everyone), &open).ok());
  ASSERT_TRUE(Create(Draft(Today(), everyone), &past).ok());
  ASSERT_TRUE(Create(Draft(Today(), everyone), &to_close).ok());
  cv1::ContestEntry entry;
  ASSERT_TRUE(Submit(Entry(past.id(), "Bài dự thi"), &entry).ok());
  server.clock().Advance(2 * kDay);

  const std::set<Role> organisers{Role::kOfficer, Role::kMediaEditor, Role::kAdmin};
  const std::set<Role>& every = EveryRole();
  std::vector<Rpc> rpcs;
  rpcs.push_back({"CreateContest", organisers, [&](grpc::ClientContext* c) {
                    cv1::CreateContestRequest r;
                    r.set_request_id(NextRequestId());
                    *r.mutable_contest() = Draft(next_year, {"gk"});
                    cv1::Contest out;
                    return stub->CreateContest(c, r, &out);
                  }});
  rpcs.push_back({"GetContest", every, [&](grpc::ClientContext* c) {
                    cv1::GetContestRequest r;
                    r.set_id(open.id());
                    cv1::Contest out;
                    return stub->GetContest(c, r, &out);
                  }});
  rpcs.push_back({"ListContests", every, [&](grpc::ClientContext* c) {
                    cv1::ListContestsRequest r;
                    cv1::ListContestsResponse out;
                    return stub->ListContests(c, r, &out);
                  }});
  rpcs.push_back({"SubmitEntry", organisers, [&](grpc::ClientContext* c) {
                    cv1::SubmitEntryRequest r;
                    r.set_request_id(NextRequestId());
                    *r.mutable_entry() = Entry(open.id(), "Bài dự thi");
                    cv1::ContestEntry out;
                    return stub->SubmitEntry(c, r, &out);
                  }});
  rpcs.push_back({"ListEntries", every, [&](grpc::ClientContext* c) {
                    cv1::ListEntriesRequest r;
                    r.set_contest_id(past.id());
                    cv1::ListEntriesResponse out;
                    return stub->ListEntries(c, r, &out);
                  }});
  rpcs.push_back({"ScoreEntry", every, [&](grpc::ClientContext* c) {
                    cv1::ScoreEntryRequest r = Sheet(past.id(), entry.id(), 5, 5);
                    cv1::ScoreEntryResponse out;
                    return stub->ScoreEntry(c, r, &out);
                  }});
  rpcs.push_back({"GetResults", every, [&](grpc::ClientContext* c) {
                    cv1::GetResultsRequest r;
                    r.set_contest_id(past.id());
                    cv1::GetResultsResponse out;
                    return stub->GetResults(c, r, &out);
                  }});
  rpcs.push_back({"CloseContest", organisers, [&](grpc::ClientContext* c) {
                    cv1::CloseContestRequest r;
                    r.set_request_id(NextRequestId());
                    r.set_contest_id(to_close.id());
                    r.set_expected_version(to_close.version());
                    cv1::GetResultsResponse out;
                    return stub->CloseContest(c, r, &out);
                  }});
  std::set<std::string> listed;
  for (const auto& rpc : rpcs) {
    listed.insert(rpc.name);
    for (Role role : EveryRole()) {
      grpc::Status st = rpc.call(server.Context(role, kKhanhHoa).get());
      if (rpc.allowed.count(role)) {
        EXPECT_NE(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
        EXPECT_NE(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << rpc.name;
        EXPECT_NE(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
            << rpc.name << " as " << RoleName(role) << ": " << st.error_message();
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << rpc.name << " as " << RoleName(role);
      }
    }
    // Outside the subtree (Hà Nội's officer on Khánh Hòa's contests) is refused.
    if (rpc.name != "CreateContest" && rpc.name != "ListContests") {
      EXPECT_EQ(rpc.call(server.Context(Role::kOfficer, kHaNoi).get()).error_code(),
                grpc::StatusCode::PERMISSION_DENIED)
          << rpc.name;
    }
    for (const auto& header : BadAuthorizationHeaders()) {
      EXPECT_EQ(rpc.call(WithAuthorization(header).get()).error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << rpc.name << " with '" << header.substr(0, 20) << "'";
    }
  }
  ExpectEveryMethodListed(listed, {"tdkt.campaign_media.v1.ContestService"});
}

}  // namespace
}  // namespace tdkt::testing
