#include "services/reporting/app/report_manager.h"

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

}  // namespace

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
  activities->media = ctx_.MediaFor(agency, year);
  auto rules = quotas_.ForYear(year);
  if (!rules.ok()) return rules.status();
  auto stat_figures = statutory_.BuildFigures(agency, year);
  if (!stat_figures.ok()) return stat_figures.status();
  rv1::YearlyReport report = ToReport(Aggregate(*facts, *activities, year), tree, agency, year, *rules, ctx_.NowMs());
  *report.mutable_statutory() = statutory::ToProto(*stat_figures);
  return report;
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
  activities->media = ctx_.MediaFor(ctx_.node_agency, year);
  auto rules = quotas_.ForYear(year);
  if (!rules.ok()) return rules.status();
  ChildReports children;
  TDKT_RETURN_IF_ERROR(CollectChildReports(tree, year, &children));
  std::vector<rv1::YearlyReport> child_reports;
  std::vector<statutory::ChildFigures> child_statutory;
  for (auto& [agency, version] : children.latest) {
    child_statutory.push_back({agency, statutory::FromProto(version.report().statutory())});
    child_reports.push_back(version.report());
    version.clear_report();
  }
  auto stat_figures = statutory_.BuildRollupFigures(year, child_statutory);
  if (!stat_figures.ok()) return stat_figures.status();
  rv1::Rollup rollup;
  *rollup.mutable_merged() =
      ToReport(RollupFigures(*facts, *activities, year, tree, child_reports), tree, ctx_.node_agency, year, *rules,
               ctx_.NowMs());
  *rollup.mutable_merged()->mutable_statutory() = statutory::ToProto(*stat_figures);
  FillCompleteness(children.expected, children.latest, children.first_received_ms, year, ctx_.NowMs(), &rollup);
  return rollup;
}

Status ReportManager::CollectChildReports(const AgencyTree& tree, int year, ChildReports* out) {
  for (const auto& child : ctx_.federation.children) {
    const AgencyUnit* unit = tree.Find(child.agency);
    out->expected.push_back({child.agency, unit ? unit->name : child.agency});
    auto v = ctx_.reports.Get(child.agency, year, 0);
    if (!v.ok()) return v.status();
    if (!*v) continue;
    auto f = ctx_.reports.FirstReceivedMs(child.agency, year);
    if (!f.ok()) return f.status();
    out->first_received_ms[child.agency] = *f;
    out->latest[child.agency] = std::move(**v);
  }
  return Status::Ok();
}

Result<rv1::Rollup> ReportManager::Completeness(const AgencyTree& tree, int year) {
  ChildReports children;
  TDKT_RETURN_IF_ERROR(CollectChildReports(tree, year, &children));
  for (auto& [agency, version] : children.latest) version.clear_report();
  rv1::Rollup rollup;
  FillCompleteness(children.expected, children.latest, children.first_received_ms, year, ctx_.NowMs(), &rollup);
  return rollup;
}

Result<std::vector<statutory::ChildFigures>> ReportManager::LatestChildFigures(int year) {
  std::vector<statutory::ChildFigures> out;
  for (const auto& child : ctx_.federation.children) {
    auto v = ctx_.reports.Get(child.agency, year, 0);
    if (!v.ok()) return v.status();
    if (*v) out.push_back({child.agency, statutory::FromProto((*v)->report().statutory())});
  }
  return out;
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
