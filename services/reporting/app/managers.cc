#include "services/reporting/app/managers.h"

#include <algorithm>

#include "common/access.h"
#include "common/federation/envelope.h"
#include "common/vn_time.h"
#include "services/reporting/app/report_document.h"
#include "services/reporting/export/table.h"

namespace tdkt::reporting {

namespace nv1 = ::tdkt::nomination::v1;

namespace {

constexpr std::initializer_list<Role> kReaders = {Role::kReportingOfficer, Role::kOfficer, Role::kAdmin, Role::kNode};

Status RequireRequestId(const std::string& id) {
  if (id.empty() || id.size() > 128) {
    return Status::InvalidArgument("request_id", "cần mã yêu cầu (1..128 ký tự) để gửi lại không bị ghi hai lần");
  }
  return Status::Ok();
}

std::string Or(const std::string& value, const std::string& fallback) { return value.empty() ? fallback : value; }

Result<int> PageOffset(const std::string& token) {
  if (token.empty()) return 0;
  int64_t v = 0;
  for (char ch : token) {
    if (ch < '0' || ch > '9' || v > 1000000000) return Status::InvalidArgument("page_token", "mã trang không hợp lệ");
    v = v * 10 + (ch - '0');
  }
  return static_cast<int>(v);
}

Result<int> PageSize(int size) {
  if (size == 0) return 50;
  if (size < 0 || size > 200) return Status::InvalidArgument("page_size", "số dòng mỗi trang phải từ 1 đến 200");
  return size;
}

int YearOf(const std::string& date) { return std::stoi(date.substr(0, 4)); }

}  // namespace

Result<std::shared_ptr<const AgencyTree>> ReportingContext::TreeFor(const Caller& caller, const std::string& agency,
                                                                    const char* field) {
  auto tree = nominations.Tree();
  if (!tree.ok()) return tree.status();
  if (!AgencyTree::IsValidId(agency) || !(*tree)->Find(agency)) {
    return Status::InvalidArgument(field, "không có đơn vị mã '" + agency.substr(0, 40) + "'");
  }
  TDKT_RETURN_IF_ERROR(RequireWithinSubtree(caller, **tree, agency));
  if (!(*tree)->IsWithin(node_agency, agency)) {
    return Status::PermissionDenied("agency '" + agency + "' is outside this node's agency (" + node_agency + ")");
  }
  return *tree;
}

// ---- quotas ----

Result<rv1::QuotaRules> QuotaManager::ForYear(int year) {
  const std::string period = PlanPeriodOf(year);
  auto stored = ctx_.quotas.Get(period);
  if (!stored.ok()) return stored.status();
  if (*stored) return **stored;
  return DefaultQuotaRules(period);
}

Result<rv1::QuotaRules> QuotaManager::Get(const Caller&, const rv1::GetQuotaRulesRequest& request) {
  std::string period = request.plan_period();
  if (period.empty()) period = PlanPeriodOf(VietnamYear(ctx_.clock.NowSeconds()));
  rv1::QuotaRules probe;
  probe.set_plan_period(period);
  Status st = CheckQuotaRules(probe);
  if (!st.ok()) return Status::InvalidArgument("plan_period", st.message());
  auto stored = ctx_.quotas.Get(period);
  if (!stored.ok()) return stored.status();
  if (*stored) return **stored;
  return DefaultQuotaRules(period);
}

Result<rv1::QuotaRules> QuotaManager::Set(const Caller& caller, const rv1::SetQuotaRulesRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kAdmin}, "set quota rules"));
  // The rules serve the whole node: only an admin of the node's agency (or above).
  auto tree = ctx_.TreeFor(caller, ctx_.node_agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  TDKT_RETURN_IF_ERROR(CheckQuotaRules(request.rules()));
  return ctx_.quotas.Set(request.request_id(), request.rules());
}

// ---- activities ----

Result<rv1::Inspection> ActivityManager::RecordInspection(const Caller& caller,
                                                          const rv1::RecordInspectionRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kInspector, Role::kOfficer, Role::kAdmin}, "record an inspection"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  rv1::Inspection i = request.inspection();
  i.set_agency_id(Or(i.agency_id(), caller.agency));
  auto tree = ctx_.TreeFor(caller, i.agency_id(), "inspection.agency_id");
  if (!tree.ok()) return tree.status();
  if (!IsIsoDate(i.date())) return Status::InvalidArgument("inspection.date", "ngày kiểm tra phải viết YYYY-MM-DD");
  if (i.inspected_agency_id().empty() || !(*tree)->Find(i.inspected_agency_id()) ||
      !(*tree)->IsWithin(i.agency_id(), i.inspected_agency_id())) {
    return Status::InvalidArgument("inspection.inspected_agency_id",
                                   "đơn vị được kiểm tra phải là một đơn vị thuộc cơ quan kiểm tra");
  }
  if (i.team().empty()) return Status::InvalidArgument("inspection.team", "đoàn kiểm tra cần ít nhất một thành viên");
  for (const auto& m : i.team())
    if (m.empty()) return Status::InvalidArgument("inspection.team", "tên thành viên không được để trống");
  i.clear_id();
  i.set_recorded_by(caller.subject);
  auto pos = ctx_.activities.Append(i.agency_id(), "insp", request.request_id(), i.SerializeAsString());
  if (!pos.ok()) return pos.status();
  auto bytes = ctx_.activities.At(i.agency_id(), "insp", *pos);
  if (!bytes.ok()) return bytes.status();
  rv1::Inspection out;
  out.ParseFromString(*bytes);
  out.set_id("insp-" + out.agency_id() + "-" + std::to_string(*pos));
  return out;
}

Result<rv1::Training> ActivityManager::RecordTraining(const Caller& caller, const rv1::RecordTrainingRequest& request) {
  TDKT_RETURN_IF_ERROR(
      RequireRole(caller, {Role::kOfficer, Role::kReportingOfficer, Role::kAdmin}, "record a training"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  rv1::Training t = request.training();
  t.set_agency_id(Or(t.agency_id(), caller.agency));
  auto tree = ctx_.TreeFor(caller, t.agency_id(), "training.agency_id");
  if (!tree.ok()) return tree.status();
  if (!IsIsoDate(t.date())) return Status::InvalidArgument("training.date", "ngày tập huấn phải viết YYYY-MM-DD");
  if (t.title().empty() || t.title().size() > 500) {
    return Status::InvalidArgument("training.title", "cần tên lớp tập huấn (tối đa 500 ký tự)");
  }
  if (t.audience() != rv1::COMMENDATION_STAFF && t.audience() != rv1::MEDIA_STAFF) {
    return Status::InvalidArgument("training.audience", "đối tượng phải là cán bộ thi đua, khen thưởng hoặc phóng viên");
  }
  if (t.participants() < 1 || t.participants() > 100000) {
    return Status::InvalidArgument("training.participants", "số người tham dự phải từ 1 đến 100000");
  }
  t.clear_id();
  t.set_recorded_by(caller.subject);
  auto pos = ctx_.activities.Append(t.agency_id(), "train", request.request_id(), t.SerializeAsString());
  if (!pos.ok()) return pos.status();
  auto bytes = ctx_.activities.At(t.agency_id(), "train", *pos);
  if (!bytes.ok()) return bytes.status();
  rv1::Training out;
  out.ParseFromString(*bytes);
  out.set_id("train-" + out.agency_id() + "-" + std::to_string(*pos));
  return out;
}

Result<rv1::Budget> ActivityManager::RecordBudget(const Caller& caller, const rv1::RecordBudgetRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kReportingOfficer, Role::kAdmin}, "record a budget"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  rv1::Budget b = request.budget();
  b.set_agency_id(Or(b.agency_id(), caller.agency));
  auto tree = ctx_.TreeFor(caller, b.agency_id(), "budget.agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(b.year(), "budget.year"));
  if (b.planned() < 0) return Status::InvalidArgument("budget.planned", "kinh phí dự toán không được âm");
  if (b.spent() < 0) return Status::InvalidArgument("budget.spent", "kinh phí đã chi không được âm");
  if (b.purpose().empty() || b.purpose().size() > 500) {
    return Status::InvalidArgument("budget.purpose", "cần nêu nội dung chi (tối đa 500 ký tự)");
  }
  b.clear_id();
  b.set_recorded_by(caller.subject);
  auto pos = ctx_.activities.Append(b.agency_id(), "budget", request.request_id(), b.SerializeAsString());
  if (!pos.ok()) return pos.status();
  auto bytes = ctx_.activities.At(b.agency_id(), "budget", *pos);
  if (!bytes.ok()) return bytes.status();
  rv1::Budget out;
  out.ParseFromString(*bytes);
  out.set_id("budget-" + out.agency_id() + "-" + std::to_string(*pos));
  return out;
}

namespace {

// Pages a list of one activity kind, keeping records of `year` (0 = all).
// The token is the 0-based list position to continue from.
template <typename Record, typename YearOfRecord>
Status PageActivities(ActivityStore& store, const std::string& agency, const char* kind, const std::string& prefix,
                      const rv1::ListActivitiesRequest& r, YearOfRecord year_of,
                      google::protobuf::RepeatedPtrField<Record>* out, std::string* next_token) {
  auto size = PageSize(r.page_size());
  if (!size.ok()) return size.status();
  auto offset = PageOffset(r.page_token());
  if (!offset.ok()) return offset.status();
  if (r.year() != 0) TDKT_RETURN_IF_ERROR(CheckYear(r.year(), "year"));
  int64_t at = *offset;
  constexpr int64_t kChunk = 200;
  while (out->size() < *size) {
    auto chunk = store.Range(agency, kind, at, kChunk);
    if (!chunk.ok()) return chunk.status();
    if (chunk->empty()) {
      next_token->clear();
      return Status::Ok();
    }
    for (auto& [position, bytes] : *chunk) {
      at = position;  // 1-based position = next 0-based offset.
      Record rec;
      if (!rec.ParseFromString(bytes)) return Status::Internal("stored activity is unreadable");
      rec.set_id(prefix + "-" + agency + "-" + std::to_string(position));
      if (r.year() == 0 || year_of(rec) == r.year()) *out->Add() = std::move(rec);
      if (out->size() >= *size) break;
    }
  }
  // Is there anything after `at`?
  auto more = store.Range(agency, kind, at, 1);
  if (!more.ok()) return more.status();
  *next_token = more->empty() ? "" : std::to_string(at);
  return Status::Ok();
}

}  // namespace

Result<rv1::ListInspectionsResponse> ActivityManager::ListInspections(const Caller& caller,
                                                                      const rv1::ListActivitiesRequest& r) {
  const std::string agency = Or(r.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  rv1::ListInspectionsResponse out;
  TDKT_RETURN_IF_ERROR(PageActivities(ctx_.activities, agency, "insp", "insp", r,
                                      [](const rv1::Inspection& i) { return YearOf(i.date()); },
                                      out.mutable_inspections(), out.mutable_next_page_token()));
  return out;
}

Result<rv1::ListTrainingsResponse> ActivityManager::ListTrainings(const Caller& caller,
                                                                  const rv1::ListActivitiesRequest& r) {
  const std::string agency = Or(r.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  rv1::ListTrainingsResponse out;
  TDKT_RETURN_IF_ERROR(PageActivities(ctx_.activities, agency, "train", "train", r,
                                      [](const rv1::Training& t) { return YearOf(t.date()); },
                                      out.mutable_trainings(), out.mutable_next_page_token()));
  return out;
}

Result<rv1::ListBudgetsResponse> ActivityManager::ListBudgets(const Caller& caller,
                                                              const rv1::ListActivitiesRequest& r) {
  const std::string agency = Or(r.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  rv1::ListBudgetsResponse out;
  TDKT_RETURN_IF_ERROR(PageActivities(ctx_.activities, agency, "budget", "budget", r,
                                      [](const rv1::Budget& b) { return b.year(); }, out.mutable_budgets(),
                                      out.mutable_next_page_token()));
  return out;
}

Result<Activities> ActivityManager::ForYear(const std::string& agency, int year) {
  Activities a;
  auto read = [&](const char* kind, auto* into, auto year_of) -> Status {
    for (int64_t at = 0;; at += 500) {
      auto chunk = ctx_.activities.Range(agency, kind, at, 500);
      if (!chunk.ok()) return chunk.status();
      for (auto& [position, bytes] : *chunk) {
        typename std::remove_reference_t<decltype(*into)>::value_type rec;
        if (!rec.ParseFromString(bytes)) return Status::Internal("stored activity is unreadable");
        rec.set_id(std::string(kind) + "-" + agency + "-" + std::to_string(position));
        if (year_of(rec) == year) into->push_back(std::move(rec));
      }
      if (chunk->size() < 500) return Status::Ok();
    }
  };
  TDKT_RETURN_IF_ERROR(read("insp", &a.inspections, [](const rv1::Inspection& i) { return YearOf(i.date()); }));
  TDKT_RETURN_IF_ERROR(read("train", &a.trainings, [](const rv1::Training& t) { return YearOf(t.date()); }));
  TDKT_RETURN_IF_ERROR(read("budget", &a.budgets, [](const rv1::Budget& b) { return b.year(); }));
  return a;
}

// ---- reports ----

Result<std::vector<RecordFacts>> ReportManager::Facts(const std::string& agency) {
  std::vector<RecordFacts> facts;
  nv1::ListNominationsRequest request;
  request.set_agency_id(agency);
  request.set_page_size(200);
  do {
    auto page = ctx_.nominations.List(request);
    if (!page.ok()) return page.status();
    for (const auto& n : page->nominations()) facts.push_back(FactsOf(n));
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  return facts;
}

Result<rv1::YearlyReport> ReportManager::Compute(const AgencyTree& tree, const std::string& agency, int year) {
  auto facts = Facts(agency);
  if (!facts.ok()) return facts.status();
  auto activities = activities_.ForYear(agency, year);
  if (!activities.ok()) return activities.status();
  auto rules = quotas_.ForYear(year);
  if (!rules.ok()) return rules.status();
  return ToReport(Aggregate(*facts, *activities, year), tree, agency, year, *rules, ctx_.NowMs());
}

Result<rv1::YearlyReport> ReportManager::Build(const Caller& caller, const rv1::BuildReportRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "build a report"));
  const std::string agency = Or(request.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(request.year(), "year"));
  return Compute(**tree, agency, request.year());
}

Result<rv1::ReportVersion> ReportManager::Submit(const Caller& caller, const rv1::SubmitReportRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kReportingOfficer, Role::kAdmin}, "submit a report"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  auto tree = ctx_.TreeFor(caller, ctx_.node_agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(request.year(), "year"));
  // A node with children reports its roll-up; a leaf its own figures.
  rv1::ReportVersion version;
  if (!ctx_.federation.children.empty()) {
    auto rollup = ComputeRollup(**tree, request.year());
    if (!rollup.ok()) return rollup.status();
    *version.mutable_report() = rollup->merged();
  } else {
    auto report = Compute(**tree, ctx_.node_agency, request.year());
    if (!report.ok()) return report.status();
    *version.mutable_report() = std::move(*report);
  }
  version.set_agency_id(ctx_.node_agency);
  version.set_year(request.year());
  version.set_submitted_at_unix_ms(ctx_.NowMs());
  version.set_submitted_by(caller.subject);
  return ctx_.reports.Submit(request.request_id(), std::move(version), ctx_.federation.parent.has_value());
}

Result<rv1::ReportVersion> ReportManager::Get(const Caller& caller, const rv1::GetReportRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kReportingOfficer, Role::kOfficer, Role::kAdmin, Role::kNode,
                                            Role::kInspector, Role::kSupervisor},
                                   "read reports"));
  const std::string agency = Or(request.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(request.year(), "year"));
  if (request.version() < 0) return Status::InvalidArgument("version", "số phiên bản không được âm");
  auto v = ctx_.reports.Get(agency, request.year(), request.version());
  if (!v.ok()) return v.status();
  if (!*v) {
    return Status::NotFound("no report of " + agency + " for " + std::to_string(request.year()) +
                            (request.version() ? " version " + std::to_string(request.version()) : ""));
  }
  return **v;
}

Result<rv1::ListReportVersionsResponse> ReportManager::ListVersions(const Caller& caller,
                                                                    const rv1::ListReportVersionsRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, {Role::kReportingOfficer, Role::kOfficer, Role::kAdmin, Role::kNode,
                                            Role::kInspector, Role::kSupervisor},
                                   "read reports"));
  const std::string agency = Or(request.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(request.year(), "year"));
  auto versions = ctx_.reports.List(agency, request.year());
  if (!versions.ok()) return versions.status();
  rv1::ListReportVersionsResponse out;
  for (auto& v : *versions) *out.add_versions() = std::move(v);
  return out;
}

Result<rv1::Rollup> ReportManager::ComputeRollup(const AgencyTree& tree, int year) {
  auto facts = Facts(ctx_.node_agency);
  if (!facts.ok()) return facts.status();
  auto activities = activities_.ForYear(ctx_.node_agency, year);
  if (!activities.ok()) return activities.status();
  auto rules = quotas_.ForYear(year);
  if (!rules.ok()) return rules.status();
  std::vector<rv1::YearlyReport> child_reports;
  std::map<std::string, rv1::ReportVersion> latest;
  std::map<std::string, int64_t> first;
  std::vector<ExpectedChild> expected;
  for (const auto& child : ctx_.federation.children) {
    const AgencyUnit* unit = tree.Find(child.agency);
    expected.push_back({child.agency, unit ? unit->name : child.agency});
    auto v = ctx_.reports.Get(child.agency, year, 0);
    if (!v.ok()) return v.status();
    if (!*v) continue;
    auto f = ctx_.reports.FirstReceivedMs(child.agency, year);
    if (!f.ok()) return f.status();
    first[child.agency] = *f;
    child_reports.push_back((*v)->report());
    (*v)->clear_report();
    latest[child.agency] = std::move(**v);
  }
  rv1::Rollup rollup;
  *rollup.mutable_merged() =
      ToReport(RollupFigures(*facts, *activities, year, tree, child_reports), tree, ctx_.node_agency, year, *rules,
               ctx_.NowMs());
  FillCompleteness(expected, latest, first, year, ctx_.NowMs(), &rollup);
  return rollup;
}

Result<rv1::Rollup> ReportManager::Rollup(const Caller& caller, const rv1::GetRollupRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "read the roll-up"));
  auto tree = ctx_.TreeFor(caller, ctx_.node_agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(request.year(), "year"));
  return ComputeRollup(**tree, request.year());
}

Result<rv1::ExportReportResponse> ReportManager::Export(const Caller& caller, const rv1::ExportReportRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kReaders, "export a report"));
  const std::string agency = request.rollup() ? ctx_.node_agency : Or(request.agency_id(), caller.agency);
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckYear(request.year(), "year"));
  if (request.format() != rv1::CSV && request.format() != rv1::XLSX && request.format() != rv1::HTML) {
    return Status::InvalidArgument("format", "định dạng phải là CSV, XLSX hoặc HTML");
  }
  std::shared_ptr<const AgencyTree> names_tree = *tree;
  UnitNames names = [names_tree](const std::string& id) {
    const AgencyUnit* unit = names_tree->Find(id);
    return unit ? unit->name : id;
  };
  Document document;
  if (request.rollup()) {
    auto rollup = ComputeRollup(**tree, request.year());
    if (!rollup.ok()) return rollup.status();
    document = RollupDocument(*rollup, names);
  } else {
    auto report = Compute(**tree, agency, request.year());
    if (!report.ok()) return report.status();
    document = ReportDocument(*report, names);
  }
  rv1::ExportReportResponse out;
  const std::string base = std::string(request.rollup() ? "tong-hop-" : "bao-cao-") + agency + "-" +
                           std::to_string(request.year());
  switch (request.format()) {
    case rv1::CSV:
      out.set_content(ToCsv(document));
      out.set_file_name(base + ".csv");
      out.set_mime_type("text/csv; charset=utf-8");
      break;
    case rv1::XLSX: {
      auto bytes = ToXlsx(document);
      if (!bytes.ok()) return bytes.status();
      out.set_content(std::move(*bytes));
      out.set_file_name(base + ".xlsx");
      out.set_mime_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      break;
    }
    default:
      out.set_content(ToHtml(document));
      out.set_file_name(base + ".html");
      out.set_mime_type("text/html; charset=utf-8");
  }
  return out;
}

Result<fv1::Receipt> ReportManager::Receive(const fv1::Envelope& envelope) {
  federation::OpenOptions options;
  options.recipient_agency = ctx_.node_agency;
  options.expected_kind = "report";
  options.now_unix_ms = ctx_.NowMs();
  TDKT_RETURN_IF_ERROR(federation::Open(envelope, ctx_.child_keys, options));
  rv1::ReportSubmission submission;
  if (!submission.ParseFromString(envelope.payload())) {
    return Status::InvalidArgument("payload", "the payload is not a ReportSubmission");
  }
  rv1::ReportVersion version = submission.version();
  if (version.agency_id() != envelope.sender_agency() || version.report().agency_id() != envelope.sender_agency()) {
    return Status::PermissionDenied("a node may only submit its own report: sender " + envelope.sender_agency() +
                                    " sent a report of " + version.agency_id());
  }
  TDKT_RETURN_IF_ERROR(CheckYear(version.year(), "payload.version.year"));
  if (version.version() < 1) return Status::InvalidArgument("payload.version.version", "version must be 1 or more");
  version.set_received_at_unix_ms(ctx_.NowMs());
  version.set_message_id(envelope.message_id());
  auto received = ctx_.reports.Receive(envelope.message_id(), federation::PayloadDigest(envelope.payload()), version);
  if (!received.ok()) return received.status();
  fv1::Receipt receipt;
  receipt.set_message_id(envelope.message_id());
  receipt.set_duplicate(received->duplicate);
  receipt.set_recorded_as(version.agency_id() + "/" + std::to_string(version.year()) + "/v" +
                          std::to_string(received->version));
  return receipt;
}

}  // namespace tdkt::reporting
