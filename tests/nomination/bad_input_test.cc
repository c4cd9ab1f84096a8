// Bad input, table-driven: each case gets a clear error naming what is wrong,
// and the data in Redis is exactly as before.
#include <functional>

#include <gtest/gtest.h>

#include "tdkt/nomination/v1/agency.grpc.pb.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::testing {
namespace {

struct BadCase {
  std::string what;
  grpc::StatusCode code;
  std::string message_starts_with;  // e.g. "details.name:" for INVALID_ARGUMENT
  std::function<grpc::Status()> call;
};

class BadInputTest : public ::testing::Test {
 protected:
  NominationServer server;
  std::unique_ptr<nv1::NominationService::Stub> noms = nv1::NominationService::NewStub(server.channel());
  std::unique_ptr<nv1::MovementService::Stub> movs = nv1::MovementService::NewStub(server.channel());
  std::unique_ptr<nv1::AgencyService::Stub> agys = nv1::AgencyService::NewStub(server.channel());
  nv1::Nomination existing = CreateAs(server, Role::kOfficer, kKhanhHoa, Details("Đinh Thị Hoa", kBacNhaTrang));

  grpc::Status Create(const std::function<void(nv1::CreateNominationRequest&)>& spoil,
                      Role role = Role::kOfficer, const std::string& agency = kKhanhHoa) {
    nv1::CreateNominationRequest r;
    r.set_request_id(NextRequestId());
    *r.mutable_details() = Details("Nguyễn Văn Tốt", kBacNhaTrang);
    spoil(r);
    nv1::Nomination out;
    return noms->CreateNomination(server.Context(role, agency).get(), r, &out);
  }
  grpc::Status Transition(nv1::NominationState to, int64_t version, const std::string& reason = "") {
    nv1::TransitionNominationRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(existing.id());
    r.set_expected_version(version);
    r.set_to_state(to);
    r.set_reason(reason);
    nv1::Nomination out;
    return noms->TransitionNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
  }
  // A council decision on `existing`: the decision is checked before the
  // record's state, so the record need not be submitted.
  grpc::Status Decide(nv1::NominationState to, const std::function<void(nv1::Recognition&)>& spoil) {
    nv1::TransitionNominationRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(existing.id());
    r.set_expected_version(1);
    r.set_to_state(to);
    r.set_reason("Quyết định của Hội đồng");
    r.mutable_recognition()->set_decision_number("125/QĐ-UBND");
    r.mutable_recognition()->set_decision_date("2026-12-15");
    r.mutable_recognition()->set_title_code("chien-si-thi-dua-co-so");
    spoil(*r.mutable_recognition());
    nv1::Nomination out;
    return noms->TransitionNomination(server.Context(Role::kNode, kKhanhHoa).get(), r, &out);
  }
  grpc::Status Attach(const std::function<void(nv1::AddAttachmentRequest&)>& spoil) {
    nv1::AddAttachmentRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(existing.id());
    r.set_expected_version(1);
    r.mutable_attachment()->set_title("Biên bản họp Hội đồng");
    r.mutable_attachment()->set_uri("tdkt://evaluation/sessions/ses-7/minutes");
    r.mutable_attachment()->set_kind("minutes");
    spoil(r);
    nv1::Nomination out;
    return noms->AddAttachment(server.Context(Role::kCouncilSecretary, kKhanhHoa).get(), r, &out);
  }
  grpc::Status Note(const std::function<void(nv1::AddHistoryNoteRequest&)>& spoil) {
    nv1::AddHistoryNoteRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(existing.id());
    r.set_expected_version(1);
    r.set_kind("objection_lodged");
    r.set_text("Đơn phản ánh của ông Trần Văn A");
    spoil(r);
    nv1::Nomination out;
    return noms->AddHistoryNote(server.Context(Role::kNode, kKhanhHoa).get(), r, &out);
  }
  grpc::Status Snapshot(int64_t known_version, Role role = Role::kNode) {
    nv1::SnapshotAgenciesRequest r;
    r.set_known_version(known_version);
    nv1::AgencySnapshot out;
    return agys->SnapshotAgencies(server.Context(role, kKhanhHoa).get(), r, &out);
  }
};

TEST_F(BadInputTest, EachIsRefusedClearlyAndChangesNothing) {
  std::vector<BadCase> cases = {
      {"empty name", grpc::StatusCode::INVALID_ARGUMENT, "details.name: must not be empty",
       [&] { return Create([](auto& r) { r.mutable_details()->set_name(" "); }); }},
      {"over-long name", grpc::StatusCode::INVALID_ARGUMENT, "details.name: is too long",
       [&] { return Create([](auto& r) { r.mutable_details()->set_name(std::string(400, 'a')); }); }},
      // gRPC decodes before our code runs and proto3 refuses invalid UTF-8,
      // so this error names the request rather than the field.
      {"invalid UTF-8 in the name", grpc::StatusCode::INVALID_ARGUMENT, "request: could not be read; every text must be valid UTF-8",
       [&] { return Create([](auto& r) { r.mutable_details()->set_name("Nguy\xE1\xBB"); }); }},
      {"10 MB achievement text", grpc::StatusCode::INVALID_ARGUMENT, "details.achievements: is too long",
       [&] { return Create([](auto& r) { r.mutable_details()->set_achievements(std::string(10 << 20, 'x')); }); }},
      {"unknown agency", grpc::StatusCode::INVALID_ARGUMENT, "details.agency_id: no agency has the code",
       [&] { return Create([](auto& r) { r.mutable_details()->set_agency_id("99999"); }); }},
      {"unknown field", grpc::StatusCode::INVALID_ARGUMENT, "details.fields[0]:",
       [&] { return Create([](auto& r) { r.mutable_details()->set_fields(0, "chiem-tinh"); }); }},
      {"no kind", grpc::StatusCode::INVALID_ARGUMENT, "details.kind:",
       [&] { return Create([](auto& r) { r.mutable_details()->clear_kind(); }); }},
      {"missing request id", grpc::StatusCode::INVALID_ARGUMENT, "request_id:",
       [&] { return Create([](auto& r) { r.clear_request_id(); }); }},
      {"unknown movement", grpc::StatusCode::INVALID_ARGUMENT, "details.movement_id:",
       [&] { return Create([](auto& r) { r.mutable_details()->set_movement_id("mov-56-999"); }); }},
      {"another agency's unit", grpc::StatusCode::PERMISSION_DENIED, "agency '22333' is outside",
       [&] { return Create([](auto&) {}, Role::kOfficer, kHaNoi); }},
      {"missing token", grpc::StatusCode::UNAUTHENTICATED, "no access token",
       [&] {
         nv1::GetNominationRequest r;
         r.set_id(existing.id());
         nv1::Nomination out;
         grpc::ClientContext c;
         return noms->GetNomination(&c, r, &out);
       }},
      {"wrong version", grpc::StatusCode::ABORTED, "nomination " + existing.id() + " is at version 1, not 7",
       [&] { return Transition(nv1::FOSTERING, 7); }},
      {"version missing", grpc::StatusCode::INVALID_ARGUMENT, "expected_version:",
       [&] { return Transition(nv1::FOSTERING, 0); }},
      {"illegal transition", grpc::StatusCode::FAILED_PRECONDITION, "a candidate that is discovered cannot become replicating",
       [&] { return Transition(nv1::REPLICATING, 1); }},
      {"withdrawal without a reason", grpc::StatusCode::INVALID_ARGUMENT, "reason:",
       [&] { return Transition(nv1::WITHDRAWN, 1); }},
      {"another agency's record", grpc::StatusCode::PERMISSION_DENIED, "agency '22333' is outside",
       [&] {
         nv1::GetNominationRequest r;
         r.set_id(existing.id());
         nv1::Nomination out;
         return noms->GetNomination(server.Context(Role::kOfficer, kBaDinh).get(), r, &out);
       }},
      {"malformed id", grpc::StatusCode::INVALID_ARGUMENT, "id:",
       [&] {
         nv1::GetNominationRequest r;
         r.set_id("'; DROP TABLE nominations; --");
         nv1::Nomination out;
         return noms->GetNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"unknown record", grpc::StatusCode::NOT_FOUND, "no nomination has the id",
       [&] {
         nv1::GetNominationRequest r;
         r.set_id("nom-22333-424242");
         nv1::Nomination out;
         return noms->GetNomination(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"page size too big", grpc::StatusCode::INVALID_ARGUMENT, "page_size:",
       [&] {
         nv1::ListNominationsRequest r;
         r.set_page_size(100000);
         nv1::ListNominationsResponse out;
         return noms->ListNominations(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"forged page token", grpc::StatusCode::INVALID_ARGUMENT, "page_token:",
       [&] {
         nv1::ListNominationsRequest r;
         r.set_page_token("abc");
         nv1::ListNominationsResponse out;
         return noms->ListNominations(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"follow-up without a date", grpc::StatusCode::INVALID_ARGUMENT, "follow_up.date:",
       [&] {
         nv1::AddFollowUpRequest r;
         r.set_request_id(NextRequestId());
         r.set_id(existing.id());
         r.set_expected_version(1);
         r.mutable_follow_up()->set_note("Ghi chú");
         nv1::Nomination out;
         return noms->AddFollowUp(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"fostering plan without measures", grpc::StatusCode::INVALID_ARGUMENT, "plan.support_measures:",
       [&] {
         nv1::SetFosteringPlanRequest r;
         r.set_request_id(NextRequestId());
         r.set_id(existing.id());
         r.set_expected_version(1);
         nv1::Nomination out;
         return noms->SetFosteringPlan(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"movement ending before it starts", grpc::StatusCode::INVALID_ARGUMENT, "movement.period_end:",
       [&] {
         nv1::CreateMovementRequest r;
         r.set_request_id(NextRequestId());
         r.mutable_movement()->set_agency_id(kKhanhHoa);
         r.mutable_movement()->set_name("Phong trào");
         r.mutable_movement()->set_period_start("2026-05-01");
         r.mutable_movement()->set_period_end("2026-04-30");
         nv1::Movement out;
         return movs->CreateMovement(server.Context(Role::kOfficer, kKhanhHoa).get(), r, &out);
       }},
      {"agency moved under itself", grpc::StatusCode::INVALID_ARGUMENT, "new_parent_id:",
       [&] {
         nv1::MoveAgencyRequest r;
         r.set_id(kKhanhHoa);
         r.set_new_parent_id(kBacNhaTrang);
         r.set_expected_version(1);
         nv1::Agency out;
         return agys->MoveAgency(server.Context(Role::kAdmin, "TW").get(), r, &out);
       }},
      {"field slug with spaces", grpc::StatusCode::INVALID_ARGUMENT, "slug:",
       [&] {
         nv1::DefineFieldRequest r;
         r.set_agency_id(kKhanhHoa);
         r.set_slug("khí tượng");
         r.set_name("Khí tượng");
         nv1::Field out;
         return agys->DefineField(server.Context(Role::kAdmin, "TW").get(), r, &out);
       }},
      {"nominee code with a space", grpc::StatusCode::INVALID_ARGUMENT, "details.nominee_code: use only Latin letters",
       [&] { return Create([](auto& r) { r.mutable_details()->set_nominee_code("CB 0042"); }); }},
      {"nominee code with diacritics", grpc::StatusCode::INVALID_ARGUMENT, "details.nominee_code:",
       [&] { return Create([](auto& r) { r.mutable_details()->set_nominee_code("ĐV-0042"); }); }},
      {"over-long nominee code", grpc::StatusCode::INVALID_ARGUMENT, "details.nominee_code: is too long",
       [&] { return Create([](auto& r) { r.mutable_details()->set_nominee_code(std::string(65, 'A')); }); }},
      {"decision with a return", grpc::StatusCode::INVALID_ARGUMENT, "recognition: a decision is recorded only",
       [&] { return Decide(nv1::RETURNED, [](auto&) {}); }},
      {"decision with a withdrawal", grpc::StatusCode::INVALID_ARGUMENT, "recognition:",
       [&] { return Decide(nv1::WITHDRAWN, [](auto&) {}); }},
      {"recognition without a decision number", grpc::StatusCode::INVALID_ARGUMENT,
       "recognition.decision_number: must not be empty",
       [&] { return Decide(nv1::RECOGNISED, [](auto& d) { d.clear_decision_number(); }); }},
      {"recognition without a decision date", grpc::StatusCode::INVALID_ARGUMENT,
       "recognition.decision_date: must not be empty",
       [&] { return Decide(nv1::RECOGNISED, [](auto& d) { d.clear_decision_date(); }); }},
      {"recognition dated 30 February", grpc::StatusCode::INVALID_ARGUMENT,
       "recognition.decision_date: must be a date written YYYY-MM-DD",
       [&] { return Decide(nv1::RECOGNISED, [](auto& d) { d.set_decision_date("2026-02-30"); }); }},
      {"upper-case title code", grpc::StatusCode::INVALID_ARGUMENT, "recognition.title_code:",
       [&] { return Decide(nv1::RECOGNISED, [](auto& d) { d.set_title_code("Chien-Si-Thi-Dua"); }); }},
      {"over-long form", grpc::StatusCode::INVALID_ARGUMENT, "recognition.form: is too long",
       [&] { return Decide(nv1::PROPOSED, [](auto& d) { d.set_form(std::string(201, 'x')); }); }},
      {"deciding agency unknown", grpc::StatusCode::INVALID_ARGUMENT, "recognition.decided_by_agency:",
       [&] { return Decide(nv1::RECOGNISED, [](auto& d) { d.set_decided_by_agency("99999"); }); }},
      {"attachment without a title", grpc::StatusCode::INVALID_ARGUMENT, "attachment.title: must not be empty",
       [&] { return Attach([](auto& r) { r.mutable_attachment()->clear_title(); }); }},
      {"attachment without anything", grpc::StatusCode::INVALID_ARGUMENT, "attachment.title: must not be empty",
       [&] { return Attach([](auto& r) { r.clear_attachment(); }); }},
      {"over-long attachment title", grpc::StatusCode::INVALID_ARGUMENT, "attachment.title: is too long",
       [&] { return Attach([](auto& r) { r.mutable_attachment()->set_title(std::string(201, 't')); }); }},
      {"attachment without a uri", grpc::StatusCode::INVALID_ARGUMENT, "attachment.uri: must not be empty",
       [&] { return Attach([](auto& r) { r.mutable_attachment()->set_uri(" "); }); }},
      {"over-long attachment uri", grpc::StatusCode::INVALID_ARGUMENT, "attachment.uri: is too long",
       [&] { return Attach([](auto& r) { r.mutable_attachment()->set_uri("https://x/" + std::string(500, 'u')); }); }},
      {"unknown attachment kind", grpc::StatusCode::INVALID_ARGUMENT, "attachment.kind: choose minutes",
       [&] { return Attach([](auto& r) { r.mutable_attachment()->set_kind("photo"); }); }},
      {"attachment without a request id", grpc::StatusCode::INVALID_ARGUMENT, "request_id:",
       [&] { return Attach([](auto& r) { r.clear_request_id(); }); }},
      {"attachment on a stale version", grpc::StatusCode::ABORTED, "nomination " + existing.id() + " is at version 1, not 3",
       [&] { return Attach([](auto& r) { r.set_expected_version(3); }); }},
      {"attachment to another agency's record", grpc::StatusCode::PERMISSION_DENIED, "agency '22333' is outside",
       [&] {
         nv1::AddAttachmentRequest r;
         r.set_request_id(NextRequestId());
         r.set_id(existing.id());
         r.set_expected_version(1);
         r.mutable_attachment()->set_title("Biên bản");
         r.mutable_attachment()->set_uri("tdkt://x");
         nv1::Nomination out;
         return noms->AddAttachment(server.Context(Role::kCouncilSecretary, kHaNoi).get(), r, &out);
       }},
      {"unknown note kind", grpc::StatusCode::INVALID_ARGUMENT, "kind: choose objection_lodged",
       [&] { return Note([](auto& r) { r.set_kind("gossip"); }); }},
      {"note posing as a change", grpc::StatusCode::INVALID_ARGUMENT, "kind:",
       [&] { return Note([](auto& r) { r.set_kind("transition"); }); }},
      {"note without text", grpc::StatusCode::INVALID_ARGUMENT, "text: must not be empty",
       [&] { return Note([](auto& r) { r.set_text(" \n "); }); }},
      {"over-long note", grpc::StatusCode::INVALID_ARGUMENT, "text: is too long",
       [&] { return Note([](auto& r) { r.set_text(std::string(2001, 'n')); }); }},
      {"note on an unknown record", grpc::StatusCode::NOT_FOUND, "no nomination has the id",
       [&] { return Note([](auto& r) { r.set_id("nom-22333-424242"); }); }},
      {"note without a version", grpc::StatusCode::INVALID_ARGUMENT, "expected_version:",
       [&] { return Note([](auto& r) { r.set_expected_version(0); }); }},
      {"negative known version", grpc::StatusCode::INVALID_ARGUMENT, "known_version:",
       [&] { return Snapshot(-1); }},
      {"snapshot as an officer", grpc::StatusCode::PERMISSION_DENIED, "the role 'officer' may not",
       [&] { return Snapshot(0, Role::kOfficer); }},
  };
  for (const auto& c : cases) {
    std::string before = RedisDigest();
    grpc::Status st = c.call();
    EXPECT_EQ(st.error_code(), c.code) << c.what << ": " << st.error_message();
    EXPECT_EQ(st.error_message().rfind(c.message_starts_with, 0), 0u)
        << c.what << ": got '" << st.error_message().substr(0, 300) << "'";
    EXPECT_EQ(RedisDigest(), before) << c.what << " changed data";
  }
}

}  // namespace
}  // namespace tdkt::testing
