// The statutory forms end to end: a real in-process nomination service (its
// movements and recognised candidates), the StatutoryComponent on its own
// gRPC server over the test Redis, organisations and staff recorded through
// the API, the five forms counted and exported; bad input refused naming the
// field with Redis unchanged.
#include <functional>
#include <vector>

#include <gtest/gtest.h>

#include "common/metrics.h"
#include "common/nomination_client.h"
#include "services/reporting/statutory/statutory_component.h"
#include "tdkt/nomination/v1/movement.grpc.pb.h"
#include "tdkt/reporting/v1/statutory.grpc.pb.h"
#include "tests/support/nomination_fixtures.h"
#include "tests/support/test_env.h"

namespace tdkt::testing {
namespace {

namespace rv1 = ::tdkt::reporting::v1;

NominationClientOptions ClientOptions(const std::string& address) {
  NominationClientOptions o;
  o.address = address;
  o.jwt_secret = kTestSecret;
  o.subject = "reporting@TW";
  o.agency = "TW";
  return o;
}

class StatutoryComponentTest : public ::testing::Test {
 protected:
  StatutoryComponentTest()
      : redis(TestRedisOptions(), nullptr),
        client(ClientOptions(server.address())),
        component(redis, verifier, client, "TW") {
    ServerHostOptions options;
    options.service_name = "reporting-statutory-test";
    host = std::make_unique<ServerHost>(options, metrics);
    component.Register(*host);
    Status st = host->Start();
    EXPECT_TRUE(st.ok()) << st.ToString();
    stub = rv1::StatutoryService::NewStub(
        grpc::CreateChannel("127.0.0.1:" + std::to_string(host->grpc_port()), grpc::InsecureChannelCredentials()));
    movements = nv1::MovementService::NewStub(server.channel());
    nominations = nv1::NominationService::NewStub(server.channel());
  }
  ~StatutoryComponentTest() override { host->Shutdown(1000); }

  std::unique_ptr<grpc::ClientContext> Ctx(Role role = Role::kOfficer, const std::string& agency = kKhanhHoa) {
    return server.Context(role, agency);
  }

  nv1::Movement CreateMovement(const std::string& agency, const std::string& scope, bool thematic,
                               const std::string& start, const std::string& end, grpc::Status* status = nullptr) {
    nv1::CreateMovementRequest r;
    r.set_request_id(NextRequestId());
    auto* m = r.mutable_movement();
    m->set_agency_id(agency);
    m->set_name("Phong trào thi đua " + start);
    m->set_period_start(start);
    m->set_period_end(end);
    m->set_scope(scope);
    m->set_thematic(thematic);
    nv1::Movement out;
    grpc::Status st = movements->CreateMovement(Ctx().get(), r, &out);
    if (status != nullptr) {
      *status = st;
    } else {
      EXPECT_TRUE(st.ok()) << st.error_message();
    }
    return out;
  }

  void Recognise(const std::string& name, const std::string& agency, nv1::NominationKind kind,
                 const std::string& title_code, const std::string& date) {
    auto n = CreateAs(server, Role::kOfficer, kKhanhHoa, Details(name, agency, "health", kind));
    n = MoveTo(server, Role::kOfficer, kKhanhHoa, n, nv1::SUBMITTED);
    nv1::TransitionNominationRequest r;
    r.set_request_id(NextRequestId());
    r.set_id(n.id());
    r.set_expected_version(n.version());
    r.set_to_state(nv1::RECOGNISED);
    r.mutable_recognition()->set_decision_number("125/QĐ-UBND");
    r.mutable_recognition()->set_decision_date(date);
    r.mutable_recognition()->set_form(title_code);
    r.mutable_recognition()->set_title_code(title_code);
    nv1::Nomination out;
    grpc::Status st = nominations->TransitionNomination(Ctx(Role::kNode).get(), r, &out);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  rv1::RecordOrganisationRequest Organisation(const std::string& agency, const std::string& name,
                                              const std::string& kind, int full, int part) {
    rv1::RecordOrganisationRequest r;
    r.set_request_id(NextRequestId());
    auto* o = r.mutable_organisation();
    o->set_agency_id(agency);
    o->set_year(2026);
    o->set_name(name);
    o->set_kind(kind);
    o->set_full_time_staff(full);
    o->set_part_time_staff(part);
    return r;
  }

  rv1::RecordStaffRequest Staff(const std::string& agency, const std::string& code, int birth, bool woman,
                                const std::string& level, int since, bool full_time) {
    rv1::RecordStaffRequest r;
    r.set_request_id(NextRequestId());
    auto* s = r.mutable_staff();
    s->set_agency_id(agency);
    s->set_year(2026);
    s->set_person_code(code);
    s->set_birth_year(birth);
    s->set_woman(woman);
    s->set_training_level(level);
    s->set_seniority_start_year(since);
    s->set_full_time(full_time);
    return r;
  }

  NominationServer server;
  Metrics metrics;
  RedisClient redis;
  TokenVerifier verifier{kTestSecret};
  NominationClient client;
  reporting::StatutoryComponent component;
  std::unique_ptr<ServerHost> host;
  std::unique_ptr<rv1::StatutoryService::Stub> stub;
  std::unique_ptr<nv1::MovementService::Stub> movements;
  std::unique_ptr<nv1::NominationService::Stub> nominations;
};

// The number in `form`'s line `row` (by label), column `column` (by header).
double Cell(const rv1::StatutoryForms& forms, int form, const std::string& row, const std::string& column) {
  const auto& t = forms.forms(form);
  int c = 0;
  while (c < t.columns_size() && t.columns(c) != column) ++c;
  for (const auto& r : t.rows()) {
    if (r.cells(0).text() == row && c < r.cells_size()) return r.cells(c).number();
  }
  ADD_FAILURE() << "no " << row << " / " << column << " in " << t.title();
  return -1;
}

TEST_F(StatutoryComponentTest, FormsCountTheNodesMovementsCommendationsOrganisationsAndStaff) {
  CreateMovement(kKhanhHoa, "nganh", true, "2026-03-01", "2026-06-30");
  CreateMovement(kBacNhaTrang, "dia-phuong", false, "2026-01-01", "2026-12-31");
  CreateMovement(kBacNhaTrang, "", false, "2024-01-01", "2025-06-30");  // Over before 2026.
  Recognise("Nguyễn Thị Huệ", kBacNhaTrang, nv1::INDIVIDUAL, "huan-chuong-lao-dong-hang-ba", "2026-05-10");
  Recognise("Hợp tác xã Vĩnh Thạnh", kNhaTrang, nv1::COLLECTIVE, "bang-khen-tinh", "2026-11-20");
  Recognise("Trần Văn Nam", kNhaTrang, nv1::INDIVIDUAL, "chien-si-thi-dua-co-so", "2026-11-20");  // On no form.

  rv1::StatOrganisation org;
  auto board = Organisation(kKhanhHoa, "Ban Thi đua - Khen thưởng tỉnh Khánh Hòa", "ban", 9, 0);
  ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), board, &org).ok());
  EXPECT_EQ(org.recorded_by(), "officer@56");
  // A retry with the same request id answers the same and writes nothing.
  const std::string before = RedisDigest();
  rv1::StatOrganisation again;
  ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), board, &again).ok());
  EXPECT_EQ(again.SerializeAsString(), org.SerializeAsString());
  EXPECT_EQ(RedisDigest(), before);
  ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), Organisation(kBacNhaTrang, "Văn phòng phường", "khac", 0, 2), &org).ok());

  rv1::StatStaff person;
  ASSERT_TRUE(stub->RecordStaff(Ctx().get(), Staff(kKhanhHoa, "cb-001", 1985, true, "thac-si", 2012, true), &person).ok());
  ASSERT_TRUE(stub->RecordStaff(Ctx().get(), Staff(kKhanhHoa, "cb-002", 1998, false, "dai-hoc", 2023, true), &person).ok());
  // Recording the same person again replaces the record.
  ASSERT_TRUE(stub->RecordStaff(Ctx().get(), Staff(kKhanhHoa, "cb-002", 1998, true, "dai-hoc", 2023, true), &person).ok());
  ASSERT_TRUE(stub->RecordStaff(Ctx().get(), Staff(kBacNhaTrang, "cb-003", 1970, false, "cao-dang", 2005, false), &person).ok());

  rv1::GetStatutoryFormsRequest get;
  get.set_agency_id(kKhanhHoa);
  get.set_year(2026);
  rv1::StatutoryForms forms;
  grpc::Status st = stub->GetStatutoryForms(Ctx().get(), get, &forms);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(forms.forms_size(), 5);
  EXPECT_EQ(forms.due_date(), "2026-12-15");
  EXPECT_NE(forms.title().find("Tỉnh Khánh Hòa"), std::string::npos);
  EXPECT_EQ(Cell(forms, 0, "Tổng số phong trào thi đua", "Tổng số"), 2);
  EXPECT_EQ(Cell(forms, 0, "Tỉnh, thành phố trực thuộc trung ương", "Chuyên đề"), 1);
  EXPECT_EQ(Cell(forms, 0, "Xã, phường, đặc khu", "Thường xuyên, hằng năm"), 1);
  EXPECT_EQ(Cell(forms, 0, "Ngành, lĩnh vực", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 0, "Dưới 1 năm", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 1, "Huân chương Lao động", "Cá nhân"), 1);
  EXPECT_EQ(Cell(forms, 1, "Tổng số", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 2, "Bằng khen của bộ, ban, ngành, tỉnh", "Tập thể"), 1);
  EXPECT_EQ(Cell(forms, 2, "Tổng số", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 3, "Tổng số", "Số tổ chức"), 2);
  EXPECT_EQ(Cell(forms, 3, "Tổng số", "Tổng số người"), 11);
  EXPECT_EQ(Cell(forms, 3, "Ban Thi đua - Khen thưởng", "Chuyên trách"), 9);
  EXPECT_EQ(Cell(forms, 4, "Tổng số", "Tổng số"), 3);
  EXPECT_EQ(Cell(forms, 4, "Tổng số", "Trong đó: nữ"), 2);
  EXPECT_EQ(Cell(forms, 4, "Tổng số", "Kiêm nhiệm"), 1);
  EXPECT_EQ(Cell(forms, 4, "Dưới 30 tuổi", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 4, "Cao đẳng", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 4, "Từ 15 năm trở lên", "Tổng số"), 1);

  // A ward's forms count only its own subtree.
  get.set_agency_id(kBacNhaTrang);
  ASSERT_TRUE(stub->GetStatutoryForms(Ctx().get(), get, &forms).ok());
  EXPECT_EQ(Cell(forms, 0, "Tổng số phong trào thi đua", "Tổng số"), 1);
  EXPECT_EQ(Cell(forms, 2, "Tổng số", "Tổng số"), 0);
  EXPECT_EQ(Cell(forms, 4, "Tổng số", "Tổng số"), 1);

  // The same forms as files.
  for (auto format : {rv1::CSV, rv1::XLSX, rv1::HTML}) {
    rv1::ExportStatutoryFormsRequest ex;
    ex.set_agency_id(kKhanhHoa);
    ex.set_year(2026);
    ex.set_format(format);
    rv1::StatutoryFile file;
    st = stub->ExportStatutoryForms(Ctx().get(), ex, &file);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_FALSE(file.content().empty());
    EXPECT_NE(file.file_name().find("bieu-thong-ke-tdkt-56-2026."), std::string::npos);
    if (format == rv1::CSV) {
      EXPECT_NE(file.content().find("Biểu 0601.N/BNV-TĐKT"), std::string::npos);
    } else if (format == rv1::HTML) {
      EXPECT_NE(file.content().find("Ban Thi đua - Khen thưởng"), std::string::npos);
    } else {
      EXPECT_EQ(file.content().substr(0, 2), "PK");
    }
  }
}

TEST_F(StatutoryComponentTest, ListsOrganisationsAndPagesStaff) {
  rv1::StatOrganisation org;
  ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), Organisation(kKhanhHoa, "Phòng TĐKT", "vu-phong", 3, 1), &org).ok());
  rv1::StatStaff s;
  for (const char* code : {"c", "a", "b"}) {
    ASSERT_TRUE(stub->RecordStaff(Ctx().get(), Staff(kKhanhHoa, code, 1980, false, "dai-hoc", 2010, true), &s).ok());
  }
  rv1::ListOrganisationsRequest lo;
  lo.set_year(2026);  // Empty agency = the caller's.
  rv1::ListOrganisationsResponse orgs;
  ASSERT_TRUE(stub->ListOrganisations(Ctx().get(), lo, &orgs).ok());
  ASSERT_EQ(orgs.organisations_size(), 1);
  EXPECT_EQ(orgs.organisations(0).name(), "Phòng TĐKT");

  rv1::ListStaffRequest ls;
  ls.set_agency_id(kKhanhHoa);
  ls.set_year(2026);
  ls.set_page_size(2);
  rv1::ListStaffResponse page;
  ASSERT_TRUE(stub->ListStaff(Ctx().get(), ls, &page).ok());
  ASSERT_EQ(page.staff_size(), 2);
  EXPECT_EQ(page.staff(0).person_code(), "a");
  EXPECT_EQ(page.staff(1).person_code(), "b");
  ASSERT_EQ(page.next_page_token(), "b");
  ls.set_page_token(page.next_page_token());
  ASSERT_TRUE(stub->ListStaff(Ctx().get(), ls, &page).ok());
  ASSERT_EQ(page.staff_size(), 1);
  EXPECT_EQ(page.staff(0).person_code(), "c");
  EXPECT_TRUE(page.next_page_token().empty());

  // Another province's officer sees none of it.
  ls.clear_page_token();
  grpc::Status st = stub->ListStaff(Ctx(Role::kOfficer, kHaNoi).get(), ls, &page);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(StatutoryComponentTest, FiguresTravelAsProtoAndMergeIntoAParentOnce) {
  rv1::StatOrganisation org;
  ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), Organisation(kBacNhaTrang, "Tổ TĐKT", "bo-phan", 2, 1), &org).ok());
  auto child = component.manager().BuildFigures(kBacNhaTrang, 2026);
  ASSERT_TRUE(child.ok()) << child.status().ToString();
  rv1::StatutoryFigures wire = reporting::statutory::ToProto(*child);
  ASSERT_EQ(wire.units_size(), 1);
  EXPECT_EQ(wire.units(0).agency_id(), kBacNhaTrang);
  rv1::StatutoryFigures parsed;
  ASSERT_TRUE(parsed.ParseFromString(wire.SerializeAsString()));
  reporting::statutory::Figures parent;
  parent.year = 2026;
  reporting::statutory::Merge(parent, reporting::statutory::FromProto(parsed));
  reporting::statutory::Merge(parent, reporting::statutory::FromProto(parsed));  // Delivered twice.
  auto doc = reporting::statutory::Render(parent, "Tỉnh Khánh Hòa");
  const auto& total = doc.tables.at(3).rows.at(0);
  EXPECT_EQ(total.at(2).number, 1);  // Số tổ chức.
  EXPECT_EQ(total.at(3).number, 3);  // Tổng số người.
}

TEST_F(StatutoryComponentTest, ANodeRecordsOnlyUnitsOfItsOwnSubtree) {
  // A province node (56) asked, even by a central caller, about Hà Nội.
  reporting::statutory::StatutoryStore store(redis);
  reporting::statutory::StatutoryManager province(store, client, kKhanhHoa);
  Caller central{"officer@TW", Role::kOfficer, "TW"};
  const std::string before = RedisDigest();
  auto out = province.RecordOrganisation(central, Organisation(kBaDinh, "Tổ TĐKT", "bo-phan", 1, 0));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(out.status().field(), "organisation.agency_id");
  EXPECT_EQ(RedisDigest(), before);
  EXPECT_TRUE(province.RecordOrganisation(central, Organisation(kNhaTrang, "Tổ TĐKT", "bo-phan", 1, 0)).ok());
}

TEST_F(StatutoryComponentTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  rv1::StatOrganisation org;
  ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), Organisation(kKhanhHoa, "Ban TĐKT", "ban", 1, 0), &org).ok());
  const std::string before = RedisDigest();
  struct Case {
    const char* field;
    std::function<grpc::Status()> call;
  };
  auto org_case = [&](std::function<void(rv1::RecordOrganisationRequest&)> edit) {
    return [this, edit] {
      auto r = Organisation(kKhanhHoa, "Ban TĐKT mới", "ban", 1, 0);
      edit(r);
      rv1::StatOrganisation out;
      return stub->RecordOrganisation(Ctx().get(), r, &out);
    };
  };
  auto staff_case = [&](std::function<void(rv1::RecordStaffRequest&)> edit) {
    return [this, edit] {
      auto r = Staff(kKhanhHoa, "cb-9", 1990, true, "dai-hoc", 2015, true);
      edit(r);
      rv1::StatStaff out;
      return stub->RecordStaff(Ctx().get(), r, &out);
    };
  };
  std::vector<Case> cases = {
      {"request_id", org_case([](auto& r) { r.clear_request_id(); })},
      {"organisation.agency_id", org_case([](auto& r) { r.mutable_organisation()->set_agency_id("99999"); })},
      {"organisation.year", org_case([](auto& r) { r.mutable_organisation()->set_year(1999); })},
      {"organisation.name", org_case([](auto& r) { r.mutable_organisation()->set_name("  "); })},
      {"organisation.name", org_case([](auto& r) { r.mutable_organisation()->set_name("Ban\nTĐKT"); })},
      {"organisation.kind", org_case([](auto& r) { r.mutable_organisation()->set_kind("so-noi-vu"); })},
      {"organisation.full_time_staff", org_case([](auto& r) { r.mutable_organisation()->set_full_time_staff(-1); })},
      {"organisation.part_time_staff", org_case([](auto& r) { r.mutable_organisation()->set_part_time_staff(100001); })},
      {"staff.person_code", staff_case([](auto& r) { r.mutable_staff()->set_person_code("Nguyễn Huệ"); })},
      {"staff.person_code", staff_case([](auto& r) { r.mutable_staff()->clear_person_code(); })},
      {"staff.birth_year", staff_case([](auto& r) { r.mutable_staff()->set_birth_year(2030); })},
      {"staff.training_level", staff_case([](auto& r) { r.mutable_staff()->set_training_level("tien-si-khoa-hoc"); })},
      {"staff.seniority_start_year", staff_case([](auto& r) { r.mutable_staff()->set_seniority_start_year(2027); })},
      {"staff.year", staff_case([](auto& r) { r.mutable_staff()->set_year(2101); })},
      // The same request id for a different request.
      {"request_id", [&] {
         auto r = Organisation(kKhanhHoa, "Ban TĐKT khác", "ban", 1, 0);
         r.set_request_id("reused-id");
         rv1::StatOrganisation out;
         return stub->RecordOrganisation(Ctx().get(), r, &out);
       }},
      {"year", [&] {
         rv1::GetStatutoryFormsRequest r;
         r.set_year(0);
         rv1::StatutoryForms out;
         return stub->GetStatutoryForms(Ctx().get(), r, &out);
       }},
      {"format", [&] {
         rv1::ExportStatutoryFormsRequest r;
         r.set_year(2026);
         rv1::StatutoryFile out;
         return stub->ExportStatutoryForms(Ctx().get(), r, &out);
       }},
      {"page_size", [&] {
         rv1::ListStaffRequest r;
         r.set_year(2026);
         r.set_page_size(501);
         rv1::ListStaffResponse out;
         return stub->ListStaff(Ctx().get(), r, &out);
       }},
      {"movement.scope", [&] {
         grpc::Status st;
         CreateMovement(kKhanhHoa, "toan-the-gioi", false, "2026-01-01", "2026-12-31", &st);
         return st;
       }},
  };
  // "reused-id" is first used by a real write, outside the digest window.
  {
    auto first = Organisation(kKhanhHoa, "Ban TĐKT", "ban", 1, 0);
    first.set_request_id("reused-id");
    // Same content as the record above, so the digest moves only by the memo.
    ASSERT_TRUE(stub->RecordOrganisation(Ctx().get(), first, &org).ok());
  }
  const std::string with_memo = RedisDigest();
  EXPECT_NE(with_memo, before);
  for (const Case& c : cases) {
    grpc::Status st = c.call();
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.field << ": " << st.error_message();
    EXPECT_EQ(st.error_message().rfind(std::string(c.field) + ":", 0), 0u) << c.field << " vs " << st.error_message();
    EXPECT_EQ(RedisDigest(), with_memo) << c.field;
  }
}

}  // namespace
}  // namespace tdkt::testing
