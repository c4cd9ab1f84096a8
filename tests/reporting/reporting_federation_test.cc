// Two reporting nodes over loopback: the child (Khánh Hòa, Redis db 1)
// submits its report to the parent (the central board, db 2) through the
// uplink, in envelopes signed with the child's node key. Resends are
// recorded once, a newer version replaces the older as latest with the
// history kept, tampered or foreign envelopes are refused, and the parent's
// roll-up counts the child's units once, statutory forms (0601.N-0605.N)
// included: the child's figures travel in its report and replace, never add
// to, what the parent counted for the child's subtree.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "common/federation/envelope.h"
#include "common/vn_time.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"
#include "tdkt/reporting/v1/statutory.grpc.pb.h"
#include "tests/support/nomination_fixtures.h"
#include "tests/support/reporting_server.h"

namespace tdkt::testing {
namespace {

namespace rv1 = ::tdkt::reporting::v1;
namespace fv1 = ::tdkt::federation::v1;
using federation::SigningKey;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class ReportingFederationTest : public ::testing::Test {
 protected:
  NominationServer nomination;
  SigningKey child_key = SigningKey::Generate();
  SigningKey parent_key = SigningKey::Generate();
  std::unique_ptr<ReportingServer> parent;
  std::unique_ptr<ReportingServer> child;
  std::unique_ptr<rv1::ReportService::Stub> parent_reports;
  std::unique_ptr<rv1::ReportService::Stub> child_reports;
  std::unique_ptr<rv1::ReportFederationService::Stub> parent_inbox;
  const int year = VietnamYear(NowMs() / 1000);

  void SetUp() override {
    CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Nguyễn Thị Huệ", kBacNhaTrang, "health"));
    CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Trần Văn Bình", kNhaTrang, "education"));
    CreateAs(nomination, Role::kOfficer, kHaNoi, Details("Lê Văn Hà", kBaDinh, "health"));

    auto parent_options = ReportingOptions(nomination, "TW", 2);
    parent_options.federation.agency = "TW";
    parent_options.federation.children.push_back({kKhanhHoa, child_key.PublicKeyBase64(), "", ""});
    parent_options.federation.children.push_back({kHaNoi, SigningKey::Generate().PublicKeyBase64(), "", ""});
    parent_options.signing_key = parent_key;
    parent = std::make_unique<ReportingServer>(parent_options);

    auto child_options = ReportingOptions(nomination, kKhanhHoa, 1);
    child_options.federation.agency = kKhanhHoa;
    child_options.federation.parent = federation::PeerNode{"TW", parent_key.PublicKeyBase64(), "", parent->address()};
    child_options.federation.max_refusals = 1;
    child_options.signing_key = child_key;
    child = std::make_unique<ReportingServer>(child_options);

    parent_reports = rv1::ReportService::NewStub(parent->channel());
    child_reports = rv1::ReportService::NewStub(child->channel());
    parent_inbox = rv1::ReportFederationService::NewStub(parent->channel());
  }

  rv1::ReportVersion Submit(const std::string& request_id) {
    rv1::SubmitReportRequest s;
    s.set_request_id(request_id);
    s.set_year(year);
    rv1::ReportVersion v;
    auto st = child_reports->SubmitReport(child->Context(Role::kReportingOfficer, kKhanhHoa).get(), s, &v);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return v;
  }

  grpc::Status AtParent(int version, rv1::ReportVersion* out) {
    rv1::GetReportRequest g;
    g.set_agency_id(kKhanhHoa);
    g.set_year(year);
    g.set_version(version);
    return parent_reports->GetReport(parent->Context(Role::kReportingOfficer, "TW").get(), g, out);
  }

  int VersionsAtParent() {
    rv1::ListReportVersionsRequest l;
    l.set_agency_id(kKhanhHoa);
    l.set_year(year);
    rv1::ListReportVersionsResponse out;
    EXPECT_TRUE(parent_reports->ListReportVersions(parent->Context(Role::kOfficer, "TW").get(), l, &out).ok());
    for (const auto& v : out.versions()) EXPECT_GT(v.received_at_unix_ms(), 0);
    return out.versions_size();
  }

  grpc::Status Deliver(const fv1::Envelope& e, fv1::Receipt* receipt) {
    grpc::ClientContext c;
    c.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return parent_inbox->ReceiveReport(&c, e, receipt);
  }
};

TEST_F(ReportingFederationTest, ChildSubmitsParentKeepsVersionsAndRollsUpOnce) {
  rv1::ReportVersion v1 = Submit("sub-1");
  ASSERT_EQ(v1.version(), 1);
  EXPECT_EQ(v1.report().exemplars(), 2);
  Submit("sub-1");  // A retried submit queues nothing new.
  auto drained = child->node().DrainUplink();
  ASSERT_TRUE(drained.ok()) << drained.status().ToString();
  EXPECT_EQ(*drained, 1);

  rv1::ReportVersion held;
  ASSERT_TRUE(AtParent(0, &held).ok());
  EXPECT_EQ(held.version(), 1);
  EXPECT_EQ(held.report().exemplars(), 2);
  EXPECT_GT(held.received_at_unix_ms(), 0);
  EXPECT_EQ(held.message_id().rfind("56/reports/", 0), 0u);
  EXPECT_EQ(VersionsAtParent(), 1);

  // A resend of the same message is recorded once.
  rv1::ReportSubmission submission;
  rv1::ReportVersion own;
  {
    rv1::GetReportRequest g;
    g.set_year(year);
    ASSERT_TRUE(child_reports->GetReport(child->Context(Role::kOfficer, kKhanhHoa).get(), g, &own).ok());
  }
  *submission.mutable_version() = own;
  auto envelope = federation::Seal(child_key, "56/reports/manual-1", kKhanhHoa, "TW", "report",
                                   submission.SerializeAsString(), NowMs());
  fv1::Receipt first, second;
  ASSERT_TRUE(Deliver(envelope, &first).ok());
  ASSERT_TRUE(Deliver(envelope, &second).ok());
  EXPECT_FALSE(first.duplicate());
  EXPECT_TRUE(second.duplicate());
  EXPECT_EQ(first.recorded_as(), second.recorded_as());
  EXPECT_EQ(VersionsAtParent(), 1);

  // The same message id for another version is not a resend: refused, and
  // nothing recorded.
  rv1::ReportSubmission other = submission;
  other.mutable_version()->set_version(7);
  fv1::Receipt refused;
  grpc::Status reused = Deliver(federation::Seal(child_key, "56/reports/manual-1", kKhanhHoa, "TW", "report",
                                                 other.SerializeAsString(), NowMs()),
                                &refused);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(reused.error_message().find("already used"), std::string::npos) << reused.error_message();
  EXPECT_EQ(VersionsAtParent(), 1);

  // A newer version replaces the older as latest; both are kept.
  CreateAs(nomination, Role::kOfficer, kKhanhHoa, Details("Phạm Thị Mới", kNhaTrang, "education"));
  rv1::ReportVersion v2 = Submit("sub-2");
  ASSERT_EQ(v2.version(), 2);
  ASSERT_TRUE(child->node().DrainUplink().ok());
  ASSERT_TRUE(AtParent(0, &held).ok());
  EXPECT_EQ(held.version(), 2);
  EXPECT_EQ(held.report().exemplars(), 3);
  ASSERT_TRUE(AtParent(1, &held).ok());
  EXPECT_EQ(held.report().exemplars(), 2);
  EXPECT_EQ(VersionsAtParent(), 2);

  // The parent's roll-up: the central node lists every record of the shared
  // nomination service, but Khánh Hòa's come only from its report.
  rv1::GetRollupRequest r;
  r.set_year(year);
  rv1::Rollup rollup;
  ASSERT_TRUE(parent_reports->GetRollup(parent->Context(Role::kReportingOfficer, "TW").get(), r, &rollup).ok());
  EXPECT_EQ(rollup.merged().exemplars(), 3 + 1);  // Khánh Hòa's three + Hà Nội's one (not reported: own data).
  EXPECT_EQ(rollup.expected(), 2);
  bool before_due = NowMs() < reporting::DueInstantMs(year);
  EXPECT_EQ(rollup.reported(), before_due ? 1 : 0);
  for (const auto& c : rollup.children()) {
    if (c.agency_id() == kKhanhHoa) {
      EXPECT_TRUE(c.received());
      EXPECT_EQ(c.version(), 2);
      EXPECT_EQ(c.name(), "Tỉnh Khánh Hòa");
    } else {
      EXPECT_FALSE(c.received());
      EXPECT_EQ(c.state(), before_due ? rv1::NOT_REPORTED : rv1::LATE);
    }
  }
}

// The number in statutory form `form`'s line `row` (by label), column
// `column` (by header).
double FormCell(const rv1::StatutoryForms& forms, int form, const std::string& row, const std::string& column) {
  if (form >= forms.forms_size()) {
    ADD_FAILURE() << "no form " << form;
    return -1;
  }
  const auto& t = forms.forms(form);
  int c = 0;
  while (c < t.columns_size() && t.columns(c) != column) ++c;
  for (const auto& r : t.rows()) {
    if (r.cells_size() > 0 && r.cells(0).text() == row && c < r.cells_size()) return r.cells(c).number();
  }
  ADD_FAILURE() << "no " << row << " / " << column << " in " << t.title();
  return -1;
}

// Khánh Hòa records its board, two staff and launches a movement; the centre
// records its own board. After the child submits, the centre's roll-up forms
// hold the child's organisation, staff and movement once (the centre also
// sees the movement through the shared nomination service, but the child's
// figures replace its own view of the child's subtree). A resubmission with a
// third person replaces the first report's figures instead of adding to them.
TEST_F(ReportingFederationTest, StatutoryFormsRollUpOnceAndAResubmissionReplaces) {
  auto child_stat = rv1::StatutoryService::NewStub(child->channel());
  auto parent_stat = rv1::StatutoryService::NewStub(parent->channel());
  auto movements = nv1::MovementService::NewStub(nomination.channel());

  auto organisation = [&](const std::string& agency, const std::string& name, int full, int part) {
    rv1::RecordOrganisationRequest r;
    r.set_request_id(NextRequestId());
    auto* o = r.mutable_organisation();
    o->set_agency_id(agency);
    o->set_year(year);
    o->set_name(name);
    o->set_kind("ban");
    o->set_full_time_staff(full);
    o->set_part_time_staff(part);
    return r;
  };
  auto staff = [&](const std::string& agency, const std::string& code, bool woman) {
    rv1::RecordStaffRequest r;
    r.set_request_id(NextRequestId());
    auto* s = r.mutable_staff();
    s->set_agency_id(agency);
    s->set_year(year);
    s->set_person_code(code);
    s->set_birth_year(1985);
    s->set_woman(woman);
    s->set_training_level("dai-hoc");
    s->set_seniority_start_year(2010);
    s->set_full_time(true);
    return r;
  };
  rv1::StatOrganisation org;
  rv1::StatStaff person;
  ASSERT_TRUE(child_stat
                  ->RecordOrganisation(child->Context(Role::kOfficer, kKhanhHoa).get(),
                                       organisation(kKhanhHoa, "Ban Thi đua - Khen thưởng tỉnh Khánh Hòa", 5, 2), &org)
                  .ok());
  ASSERT_TRUE(
      child_stat->RecordStaff(child->Context(Role::kOfficer, kKhanhHoa).get(), staff(kKhanhHoa, "kh-1", true), &person)
          .ok());
  ASSERT_TRUE(
      child_stat->RecordStaff(child->Context(Role::kOfficer, kKhanhHoa).get(), staff(kNhaTrang, "nt-1", false), &person)
          .ok());
  ASSERT_TRUE(parent_stat
                  ->RecordOrganisation(parent->Context(Role::kOfficer, "TW").get(),
                                       organisation("TW", "Ban Thi đua - Khen thưởng Trung ương", 10, 0), &org)
                  .ok());
  {
    nv1::CreateMovementRequest r;
    r.set_request_id(NextRequestId());
    auto* m = r.mutable_movement();
    m->set_agency_id(kKhanhHoa);
    m->set_name("Phong trào thi đua chuyển đổi số");
    m->set_period_start(std::to_string(year) + "-01-01");
    m->set_period_end(std::to_string(year) + "-12-31");
    m->set_scope("dia-phuong");
    m->set_thematic(true);
    nv1::Movement out;
    grpc::Status st = movements->CreateMovement(nomination.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  // The child's report carries its figures.
  rv1::ReportVersion v1 = Submit("stat-1");
  ASSERT_EQ(v1.report().statutory().year(), year);
  ASSERT_GE(v1.report().statutory().units_size(), 1);
  ASSERT_TRUE(child->node().DrainUplink().ok());

  auto forms_at_parent = [&](bool rollup) {
    rv1::GetStatutoryFormsRequest g;
    g.set_year(year);
    g.set_rollup(rollup);
    rv1::StatutoryForms forms;
    grpc::Status st = parent_stat->GetStatutoryForms(parent->Context(Role::kReportingOfficer, "TW").get(), g, &forms);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return forms;
  };
  rv1::StatutoryForms merged = forms_at_parent(true);
  ASSERT_EQ(merged.forms_size(), 5);
  EXPECT_EQ(merged.units_counted(), 3);  // TW, Khánh Hòa, Nha Trang.
  EXPECT_EQ(FormCell(merged, 0, "Tổng số phong trào thi đua", "Tổng số"), 1);  // Not 2.
  EXPECT_EQ(FormCell(merged, 0, "Tổng số phong trào thi đua", "Chuyên đề"), 1);
  EXPECT_EQ(FormCell(merged, 3, "Tổng số", "Số tổ chức"), 2);  // The child's board + the centre's.
  EXPECT_EQ(FormCell(merged, 3, "Tổng số", "Tổng số người"), 5 + 2 + 10);
  EXPECT_EQ(FormCell(merged, 4, "Tổng số", "Tổng số"), 2);
  EXPECT_EQ(FormCell(merged, 4, "Tổng số", "Trong đó: nữ"), 1);

  // Without rollup the centre shows only what it counts itself: its board,
  // none of the child's staff, the movement seen in the shared nominations.
  rv1::StatutoryForms own = forms_at_parent(false);
  EXPECT_EQ(FormCell(own, 3, "Tổng số", "Số tổ chức"), 1);
  EXPECT_EQ(FormCell(own, 4, "Tổng số", "Tổng số"), 0);
  EXPECT_EQ(FormCell(own, 0, "Tổng số phong trào thi đua", "Tổng số"), 1);

  // The yearly roll-up carries the same merged figures (to the next level up).
  {
    rv1::GetRollupRequest r;
    r.set_year(year);
    rv1::Rollup rollup;
    ASSERT_TRUE(parent_reports->GetRollup(parent->Context(Role::kReportingOfficer, "TW").get(), r, &rollup).ok());
    EXPECT_EQ(rollup.merged().statutory().year(), year);
    std::set<std::string> units;
    for (const auto& u : rollup.merged().statutory().units()) EXPECT_TRUE(units.insert(u.agency_id()).second);
    EXPECT_EQ(units.count(kKhanhHoa), 1u);
    EXPECT_EQ(units.count(kNhaTrang), 1u);
    EXPECT_EQ(units.count("TW"), 1u);
  }

  // A resubmission with one more person replaces the first figures.
  ASSERT_TRUE(
      child_stat->RecordStaff(child->Context(Role::kOfficer, kKhanhHoa).get(), staff(kNhaTrang, "nt-2", true), &person)
          .ok());
  ASSERT_EQ(Submit("stat-2").version(), 2);
  ASSERT_TRUE(child->node().DrainUplink().ok());
  merged = forms_at_parent(true);
  EXPECT_EQ(FormCell(merged, 4, "Tổng số", "Tổng số"), 3);  // Not 2 + 3.
  EXPECT_EQ(FormCell(merged, 4, "Tổng số", "Trong đó: nữ"), 2);
  EXPECT_EQ(FormCell(merged, 3, "Tổng số", "Số tổ chức"), 2);
  EXPECT_EQ(FormCell(merged, 0, "Tổng số phong trào thi đua", "Tổng số"), 1);

  // The export shows the same roll-up.
  rv1::ExportStatutoryFormsRequest e;
  e.set_year(year);
  e.set_format(rv1::CSV);
  e.set_rollup(true);
  rv1::StatutoryFile file;
  ASSERT_TRUE(parent_stat->ExportStatutoryForms(parent->Context(Role::kReportingOfficer, "TW").get(), e, &file).ok());
  EXPECT_EQ(file.file_name(), "bieu-thong-ke-tdkt-tong-hop-TW-" + std::to_string(year) + ".csv");
  EXPECT_FALSE(file.content().empty());

  // A roll-up is of the node's own unit only.
  rv1::GetStatutoryFormsRequest bad;
  bad.set_year(year);
  bad.set_rollup(true);
  bad.set_agency_id(kKhanhHoa);
  rv1::StatutoryForms ignored;
  grpc::Status st = parent_stat->GetStatutoryForms(parent->Context(Role::kReportingOfficer, "TW").get(), bad, &ignored);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ReportingFederationTest, TamperedOrForeignEnvelopesAreRefused) {
  rv1::ReportSubmission submission;
  auto* v = submission.mutable_version();
  v->set_agency_id(kKhanhHoa);
  v->set_year(year);
  v->set_version(7);
  v->mutable_report()->set_agency_id(kKhanhHoa);
  v->mutable_report()->set_year(year);
  v->mutable_report()->set_exemplars(5);
  auto good = federation::Seal(child_key, "56/reports/t-1", kKhanhHoa, "TW", "report",
                               submission.SerializeAsString(), NowMs());
  fv1::Receipt receipt;

  auto tampered = good;
  v->mutable_report()->set_exemplars(500);
  tampered.set_payload(submission.SerializeAsString());
  EXPECT_EQ(Deliver(tampered, &receipt).error_code(), grpc::StatusCode::UNAUTHENTICATED);

  // Signed by a key the parent does not know for 56.
  auto stranger = federation::Seal(SigningKey::Generate(), "56/reports/t-2", kKhanhHoa, "TW", "report",
                                   submission.SerializeAsString(), NowMs());
  EXPECT_NE(Deliver(stranger, &receipt).error_code(), grpc::StatusCode::OK);

  // Khánh Hòa's key cannot submit Hà Nội's report.
  v->set_agency_id(kHaNoi);
  v->mutable_report()->set_agency_id(kHaNoi);
  auto foreign = federation::Seal(child_key, "56/reports/t-3", kKhanhHoa, "TW", "report",
                                  submission.SerializeAsString(), NowMs());
  EXPECT_EQ(Deliver(foreign, &receipt).error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // Nothing was recorded.
  rv1::ReportVersion held;
  EXPECT_EQ(AtParent(0, &held).error_code(), grpc::StatusCode::NOT_FOUND);
  // The untampered one is accepted.
  ASSERT_TRUE(Deliver(good, &receipt).ok());
  EXPECT_EQ(receipt.recorded_as(), "56/" + std::to_string(year) + "/v7");
}

// Hà Nội's node signs with a key the centre does not hold for it: the
// centre refuses, and after max_refusals (1 here) the report is
// dead-lettered with the reason instead of blocking the queue.
TEST_F(ReportingFederationTest, RefusedReportIsDeadLetteredWithTheReason) {
  auto options = ReportingOptions(nomination, kHaNoi, 3);
  options.federation.agency = kHaNoi;
  options.federation.parent = federation::PeerNode{"TW", parent_key.PublicKeyBase64(), "", parent->address()};
  options.federation.max_refusals = 1;
  options.signing_key = SigningKey::Generate();
  ReportingServer hanoi(options);
  auto stub = rv1::ReportService::NewStub(hanoi.channel());
  rv1::SubmitReportRequest s;
  s.set_request_id("hn-1");
  s.set_year(year);
  rv1::ReportVersion v;
  ASSERT_TRUE(stub->SubmitReport(hanoi.Context(Role::kReportingOfficer, kHaNoi).get(), s, &v).ok());
  auto drained = hanoi.node().DrainUplink();
  ASSERT_TRUE(drained.ok()) << drained.status().ToString();
  EXPECT_EQ(*drained, 1);
  auto dead = hanoi.node().uplink()->DeadLetters(0, 10);
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->size(), 1u);
  EXPECT_EQ((*dead)[0].fields.at("agency"), kHaNoi);
  EXPECT_FALSE((*dead)[0].reason.empty());
  rv1::GetReportRequest g;
  g.set_agency_id(kHaNoi);
  g.set_year(year);
  rv1::ReportVersion held;
  EXPECT_EQ(parent_reports->GetReport(parent->Context(Role::kOfficer, "TW").get(), g, &held).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

// The centre is down: the report waits in the queue (retryable failure),
// then arrives once the centre answers again.
TEST_F(ReportingFederationTest, ReportWaitsWhileTheParentIsDown) {
  auto options = ReportingOptions(nomination, kKhanhHoa, 4);
  options.federation.agency = kKhanhHoa;
  options.federation.parent = federation::PeerNode{"TW", parent_key.PublicKeyBase64(), "", "127.0.0.1:1"};
  options.federation.deadline_ms = 500;
  options.signing_key = child_key;
  ReportingServer offline(options);
  auto stub = rv1::ReportService::NewStub(offline.channel());
  rv1::SubmitReportRequest s;
  s.set_request_id("off-1");
  s.set_year(year);
  rv1::ReportVersion v;
  ASSERT_TRUE(stub->SubmitReport(offline.Context(Role::kReportingOfficer, kKhanhHoa).get(), s, &v).ok());
  auto drained = offline.node().DrainUplink();
  EXPECT_FALSE(drained.ok());
  auto stats = offline.node().uplink()->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->depth, 1);
  EXPECT_EQ(stats->dead_letters, 0);
}

}  // namespace
}  // namespace tdkt::testing
