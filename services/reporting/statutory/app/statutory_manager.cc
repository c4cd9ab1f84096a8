#include "services/reporting/statutory/app/statutory_manager.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "common/access.h"
#include "common/request_fingerprint.h"
#include "common/text.h"

namespace tdkt::reporting::statutory {
namespace nv1 = ::tdkt::nomination::v1;
namespace {

// Who records the sector's statistics, and who reads them: staff records
// carry personal data (birth year, gender, training), so readers are the
// report's own audience, not every role of the node.
const std::initializer_list<Role> kRecorders{Role::kOfficer, Role::kReportingOfficer, Role::kAdmin, Role::kNode};
const std::initializer_list<Role> kReaders{Role::kOfficer,   Role::kReportingOfficer, Role::kAdmin,
                                           Role::kNode,      Role::kInspector,        Role::kSupervisor};


constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;
constexpr int64_t kMaxStaffCount = 100000;

Status CheckYear(const std::string& field, int year) {
  if (year < kMinYear || year > kMaxYear) {
    return Status::InvalidArgument(field, "must be a report year between 2000 and 2100");
  }
  return Status::Ok();
}

Status CheckRequestId(const std::string& request_id) {
  if (request_id.empty()) {
    return Status::InvalidArgument("request_id", "every change needs a client request id (e.g. a UUID) so that a retry is not recorded twice");
  }
  if (request_id.size() > 128) return Status::InvalidArgument("request_id", "at most 128 characters");
  for (unsigned char c : request_id) {
    if (c < 0x21 || c > 0x7e) return Status::InvalidArgument("request_id", "use printable ASCII characters only");
  }
  return Status::Ok();
}

Status CheckCode(const std::string& field, const std::string& code) {
  if (code.empty()) return Status::InvalidArgument(field, "is required");
  if (code.size() > 64) return Status::InvalidArgument(field, "at most 64 characters");
  for (unsigned char c : code) {
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/')) {
      return Status::InvalidArgument(field, "use Latin letters without diacritics, digits and -_./ only");
    }
  }
  return Status::Ok();
}

// The facts of a stored organisation / staff record.
OrganisationFact ToFact(const v1::StatOrganisation& o) {
  return OrganisationFact{o.agency_id(), o.name(), o.kind(), o.full_time_staff(), o.part_time_staff()};
}
StaffFact ToFact(const v1::StatStaff& s) {
  return StaffFact{s.agency_id(), s.person_code(), s.birth_year(), s.woman(), s.training_level(),
                   s.seniority_start_year(), s.full_time()};
}

void ToMessage(const Table& table, v1::FormTable* out) {
  out->set_title(table.title);
  for (const auto& c : table.columns) out->add_columns(c);
  for (const auto& row : table.rows) {
    auto* r = out->add_rows();
    for (const Cell& cell : row) {
      auto* c = r->add_cells();
      c->set_text(cell.text);
      c->set_numeric(cell.numeric);
      c->set_number(cell.number);
    }
  }
  out->set_note(table.note);
}

}  // namespace

std::string LaunchingLevel(const AgencyTree& tree, const std::string& agency) {
  const AgencyUnit* unit = tree.Find(agency);
  if (unit == nullptr) return kLevelOther;
  const std::string kind = text::Fold(unit->kind);
  auto has = [&](const char* word) { return (" " + kind + " ").find(std::string(" ") + word + " ") != std::string::npos; };
  if (has("tinh") || kind.find("thanh pho trung uong") != std::string::npos ||
      kind.find("thanh pho truc thuoc trung uong") != std::string::npos) {
    return kLevelProvince;
  }
  if (has("xa") || has("phuong") || has("thi tran") || kind.find("dac khu") != std::string::npos) return kLevelCommune;
  if (has("bo") || has("nganh") || kind.find("doan the") != std::string::npos) return kLevelMinistry;
  if (unit->parent_id.empty()) return kLevelCentral;
  return kLevelOther;
}

StatutoryManager::StatutoryManager(StatutoryStore& store, NominationClient& nominations, std::string node_agency)
    : store_(store), nominations_(nominations), node_agency_(std::move(node_agency)) {}

Result<std::string> StatutoryManager::ResolveAgency(const Caller& caller, const std::string& field,
                                                    const std::string& agency) {
  const std::string id = agency.empty() ? caller.agency : agency;
  auto tree = nominations_.Tree();
  if (!tree.ok()) return tree.status();
  if ((*tree)->Find(id) == nullptr) {
    return Status::InvalidArgument(field, "no agency has the code '" + id.substr(0, 40) + "'");
  }
  if (!(*tree)->IsWithin(node_agency_, id)) {
    return Status::InvalidArgument(field, "unit " + id + " is not served by this node (" + node_agency_ + ")");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, **tree, id));
  return id;
}

Result<v1::StatOrganisation> StatutoryManager::RecordOrganisation(const Caller& caller,
                                                                  v1::RecordOrganisationRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kRecorders,
                                   "record emulation-commendation organisations"));
  TDKT_RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  v1::StatOrganisation& o = *request.mutable_organisation();
  o.clear_recorded_by();
  const std::string fingerprint = RequestFingerprint(request.GetDescriptor()->name(), request);
  auto agency = ResolveAgency(caller, "organisation.agency_id", o.agency_id());
  if (!agency.ok()) return agency.status();
  o.set_agency_id(*agency);
  TDKT_RETURN_IF_ERROR(CheckYear("organisation.year", o.year()));
  auto name = text::NormalizeInput("organisation.name", o.name());
  if (!name.ok()) return name.status();
  if (name->empty()) return Status::InvalidArgument("organisation.name", "is required");
  if (name->find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidArgument("organisation.name", "must be one line");
  }
  if (text::CodePointCount(*name) > 200) return Status::InvalidArgument("organisation.name", "at most 200 characters");
  o.set_name(*name);
  if (!IsOrganisationKind(o.kind())) {
    return Status::InvalidArgument("organisation.kind",
                                   "must be ban (Ban Thi đua - Khen thưởng), vu-phong (vụ, phòng), bo-phan (bộ phận) or khac");
  }
  if (o.full_time_staff() < 0 || o.full_time_staff() > kMaxStaffCount) {
    return Status::InvalidArgument("organisation.full_time_staff", "must be between 0 and 100000");
  }
  if (o.part_time_staff() < 0 || o.part_time_staff() > kMaxStaffCount) {
    return Status::InvalidArgument("organisation.part_time_staff", "must be between 0 and 100000");
  }
  o.set_recorded_by(caller.subject);
  return store_.PutOrganisation(o, text::Fold(o.name()), request.request_id(), fingerprint);
}

Result<v1::StatStaff> StatutoryManager::RecordStaff(const Caller& caller, v1::RecordStaffRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kRecorders,
                                   "record emulation-commendation staff"));
  TDKT_RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  v1::StatStaff& s = *request.mutable_staff();
  s.clear_recorded_by();
  const std::string fingerprint = RequestFingerprint(request.GetDescriptor()->name(), request);
  auto agency = ResolveAgency(caller, "staff.agency_id", s.agency_id());
  if (!agency.ok()) return agency.status();
  s.set_agency_id(*agency);
  TDKT_RETURN_IF_ERROR(CheckYear("staff.year", s.year()));
  TDKT_RETURN_IF_ERROR(CheckCode("staff.person_code", s.person_code()));
  if (s.birth_year() < 1900 || s.birth_year() > s.year()) {
    return Status::InvalidArgument("staff.birth_year", "must be a year between 1900 and the report year");
  }
  if (!IsTrainingLevel(s.training_level())) {
    return Status::InvalidArgument("staff.training_level",
                                   "must be tien-si, thac-si, dai-hoc, cao-dang, trung-cap or khac");
  }
  if (s.seniority_start_year() < s.birth_year() || s.seniority_start_year() > s.year()) {
    return Status::InvalidArgument("staff.seniority_start_year",
                                   "must be the first year in this work, between the birth year and the report year");
  }
  s.set_recorded_by(caller.subject);
  return store_.PutStaff(s, request.request_id(), fingerprint);
}

Result<v1::ListOrganisationsResponse> StatutoryManager::ListOrganisations(const Caller& caller,
                                                                         const v1::ListOrganisationsRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "read emulation-commendation organisations"));
  auto agency = ResolveAgency(caller, "agency_id", request.agency_id());
  if (!agency.ok()) return agency.status();
  TDKT_RETURN_IF_ERROR(CheckYear("year", request.year()));
  auto found = store_.Organisations(*agency, request.year());
  if (!found.ok()) return found.status();
  v1::ListOrganisationsResponse out;
  for (auto& o : *found) *out.add_organisations() = std::move(o);
  return out;
}

Result<v1::ListStaffResponse> StatutoryManager::ListStaff(const Caller& caller, const v1::ListStaffRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "read staff records"));
  auto agency = ResolveAgency(caller, "agency_id", request.agency_id());
  if (!agency.ok()) return agency.status();
  TDKT_RETURN_IF_ERROR(CheckYear("year", request.year()));
  int page_size = request.page_size() == 0 ? 100 : request.page_size();
  if (page_size < 1 || page_size > 500) return Status::InvalidArgument("page_size", "must be between 1 and 500");
  if (!request.page_token().empty()) TDKT_RETURN_IF_ERROR(CheckCode("page_token", request.page_token()));
  auto found = store_.Staff(*agency, request.year());
  if (!found.ok()) return found.status();
  v1::ListStaffResponse out;
  // The token is the last person code of the previous page (codes are unique
  // and sorted), so records added meanwhile are neither skipped nor repeated.
  for (auto& s : *found) {
    if (!request.page_token().empty() && s.person_code() <= request.page_token()) continue;
    if (out.staff_size() == page_size) {
      out.set_next_page_token(out.staff(out.staff_size() - 1).person_code());
      break;
    }
    *out.add_staff() = std::move(s);
  }
  return out;
}

Result<Facts> StatutoryManager::CollectFacts(const std::string& agency, int year) {
  Facts facts;
  auto tree = nominations_.Tree();
  if (!tree.ok()) return tree.status();
  // Movements launched in the subtree (the nomination service lists a subtree).
  std::string token;
  do {
    nv1::ListMovementsRequest request;
    request.set_agency_id(agency);
    request.set_page_size(200);
    request.set_page_token(token);
    auto page = nominations_.ListMovements(request);
    if (!page.ok()) return page.status();
    for (const auto& m : page->movements()) {
      facts.movements.push_back(MovementFact{m.agency_id(), LaunchingLevel(**tree, m.agency_id()), m.scope(),
                                             m.thematic(), m.period_start(), m.period_end()});
    }
    token = page->next_page_token();
  } while (!token.empty());
  // Commendations: candidates recognised (and those now being replicated)
  // whose decision falls in the year; the title code says the form.
  for (nv1::NominationState state : {nv1::RECOGNISED, nv1::REPLICATING}) {
    token.clear();
    do {
      nv1::ListNominationsRequest request;
      request.set_agency_id(agency);
      request.set_state(state);
      request.set_page_size(200);
      request.set_page_token(token);
      auto page = nominations_.List(request);
      if (!page.ok()) return page.status();
      for (const auto& n : page->nominations()) {
        const auto& r = n.recognition();
        if (r.title_code().empty() || r.decision_date().size() < 4) continue;
        const std::string unit = n.current_agency_id().empty() ? n.details().agency_id() : n.current_agency_id();
        facts.commendations.push_back(CommendationFact{unit, r.title_code(), n.details().kind() != nv1::INDIVIDUAL,
                                                       std::atoi(r.decision_date().substr(0, 4).c_str())});
      }
      token = page->next_page_token();
    } while (!token.empty());
  }
  std::vector<v1::StatOrganisation> organisations;
  std::vector<v1::StatStaff> staff;
  TDKT_RETURN_IF_ERROR(store_.LoadUnits((*tree)->Subtree(agency), year, &organisations, &staff));
  for (const auto& o : organisations) facts.organisations.push_back(ToFact(o));
  for (const auto& s : staff) facts.staff.push_back(ToFact(s));
  return facts;
}

v1::StatutoryFigures ToProto(const Figures& figures) {
  v1::StatutoryFigures out;
  out.set_year(figures.year);
  for (const auto& [unit, counts] : figures.units) {
    auto* u = out.add_units();
    u->set_agency_id(unit);
    for (const auto& [key, n] : counts) (*u->mutable_counts())[key] = n;
  }
  return out;
}

Figures FromProto(const v1::StatutoryFigures& in) {
  Figures out;
  out.year = in.year();
  for (const auto& u : in.units()) {
    UnitCounts& counts = out.units[u.agency_id()];
    for (const auto& [key, n] : u.counts()) counts[key] = n;
  }
  return out;
}

Result<Figures> StatutoryManager::BuildFigures(const std::string& agency, int year) {
  auto facts = CollectFacts(agency, year);
  if (!facts.ok()) return facts.status();
  return Compute(*facts, year);
}

Result<Figures> StatutoryManager::BuildRollupFigures(int year, const std::vector<ChildFigures>& children) {
  auto own = BuildFigures(node_agency_, year);
  if (!own.ok()) return own.status();
  auto tree = nominations_.Tree();
  if (!tree.ok()) return tree.status();
  std::vector<Figures> figures;
  for (const auto& child : children) figures.push_back(child.figures);
  std::shared_ptr<const AgencyTree> t = *tree;
  return MergeRollup(*own, figures, [&](const std::string& unit) {
    for (const auto& child : children) {
      if (child.figures.year == year && t->IsWithin(child.agency, unit)) return true;
    }
    return false;
  });
}

Result<Figures> StatutoryManager::FormsFigures(const std::string& agency, int year, bool rollup) {
  if (!rollup) return BuildFigures(agency, year);
  std::vector<ChildFigures> children;
  if (children_ != nullptr) {
    auto latest = children_->LatestChildFigures(year);
    if (!latest.ok()) return latest.status();
    children = std::move(*latest);
  }
  return BuildRollupFigures(year, children);
}

Result<Document> StatutoryManager::DocumentOf(const Figures& figures, const std::string& agency) {
  auto tree = nominations_.Tree();
  if (!tree.ok()) return tree.status();
  const AgencyUnit* unit = (*tree)->Find(agency);
  return Render(figures, unit != nullptr ? unit->name : agency);
}

Result<std::string> StatutoryManager::FormsAgency(const Caller& caller, const std::string& agency, bool rollup) {
  if (rollup && !agency.empty() && agency != node_agency_) {
    return Status::InvalidArgument("agency_id", "the roll-up covers this node's unit (" + node_agency_ +
                                                    ") only: leave agency_id empty or give " + node_agency_);
  }
  return ResolveAgency(caller, "agency_id", rollup ? node_agency_ : agency);
}

Result<v1::StatutoryForms> StatutoryManager::GetForms(const Caller& caller, const v1::GetStatutoryFormsRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "read the statutory forms"));
  TDKT_RETURN_IF_ERROR(CheckYear("year", request.year()));
  auto agency = FormsAgency(caller, request.agency_id(), request.rollup());
  if (!agency.ok()) return agency.status();
  auto figures = FormsFigures(*agency, request.year(), request.rollup());
  if (!figures.ok()) return figures.status();
  const int units = static_cast<int>(figures->units.size());
  auto doc = DocumentOf(*figures, *agency);
  if (!doc.ok()) return doc.status();
  v1::StatutoryForms out;
  out.set_agency_id(*agency);
  out.set_year(request.year());
  out.set_due_date(std::to_string(request.year()) + "-12-15");
  out.set_title(doc->title);
  out.set_subtitle(doc->subtitle);
  for (const Table& t : doc->tables) ToMessage(t, out.add_forms());
  out.set_units_counted(units);
  return out;
}

Result<v1::StatutoryFile> StatutoryManager::Export(const Caller& caller, const v1::ExportStatutoryFormsRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "export the statutory forms"));
  TDKT_RETURN_IF_ERROR(CheckYear("year", request.year()));
  if (request.format() != v1::CSV && request.format() != v1::XLSX && request.format() != v1::HTML) {
    return Status::InvalidArgument("format", "must be CSV, XLSX or HTML");
  }
  auto agency = FormsAgency(caller, request.agency_id(), request.rollup());
  if (!agency.ok()) return agency.status();
  auto figures = FormsFigures(*agency, request.year(), request.rollup());
  if (!figures.ok()) return figures.status();
  auto doc = DocumentOf(*figures, *agency);
  if (!doc.ok()) return doc.status();
  v1::StatutoryFile out;
  const std::string base = std::string(request.rollup() ? "bieu-thong-ke-tdkt-tong-hop-" : "bieu-thong-ke-tdkt-") +
                           *agency + "-" + std::to_string(request.year());
  switch (request.format()) {
    case v1::CSV:
      out.set_content(ToCsv(*doc));
      out.set_file_name(base + ".csv");
      out.set_mime_type("text/csv; charset=utf-8");
      break;
    case v1::XLSX: {
      auto bytes = ToXlsx(*doc);
      if (!bytes.ok()) return bytes.status();
      out.set_content(std::move(*bytes));
      out.set_file_name(base + ".xlsx");
      out.set_mime_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      break;
    }
    default:
      out.set_content(ToHtml(*doc));
      out.set_file_name(base + ".html");
      out.set_mime_type("text/html; charset=utf-8");
  }
  return out;
}

}  // namespace tdkt::reporting::statutory
