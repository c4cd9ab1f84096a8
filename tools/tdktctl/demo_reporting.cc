#include "tools/tdktctl/demo_reporting.h"

#include <ctime>
#include <map>
#include <type_traits>
#include <vector>

#include "common/grpc_status.h"
#include "common/vn_time.h"
#include "tdkt/reporting/v1/reporting.grpc.pb.h"
#include "tdkt/reporting/v1/statutory.grpc.pb.h"
#include "tools/tdktctl/token.h"

namespace tdkt::ctl {
namespace {

namespace rv1 = ::tdkt::reporting::v1;

constexpr char kIdPrefix[] = "demo-v1-rep-";
constexpr long kTokenTtlSeconds = 3600;

// ---- The content (Khánh Hòa, the current report year). Names and figures
// are invented for the demo. Dates are month-day in the current year.

struct DemoInspection {
  std::string key;
  std::string agency_id;    // the inspecting agency
  std::string inspected;    // a unit under it
  std::string month_day;    // MM-DD
  std::vector<std::string> team;
  std::string findings;     // found again by (inspected, findings)
  std::string recommendations;
};

struct DemoTraining {
  std::string key;
  std::string agency_id;
  std::string month_day;
  std::string title;  // " năm <year>" is appended; found again by the full title
  rv1::AudienceKind audience;
  int participants;
};

struct DemoBudget {
  std::string key;
  std::string agency_id;
  int64_t planned, spent;  // VND
  std::string purpose;     // found again by purpose
};

struct DemoOrganisation {
  std::string key;
  std::string agency_id;
  std::string name;  // found again by name
  std::string kind;
  int64_t full_time, part_time;
};

// The statutory record keeps no names (person codes only): the people are
// described here by their code.
struct DemoStaff {
  std::string agency_id;
  std::string person_code;  // found again by code
  int birth_year;
  bool woman;
  std::string training_level;
  int since;
  bool full_time;
};

const std::vector<DemoInspection>& Inspections() {
  static const std::vector<DemoInspection> v = {
      {"insp-bac-nha-trang", "56", "22333", "04-16",
       {"Phạm Văn Hùng", "Nguyễn Thị Thu Hà", "Lê Hoàng Phúc"},
       "Hồ sơ đề nghị khen thưởng điển hình tiên tiến còn thiếu biên bản họp Hội đồng Thi đua - Khen thưởng "
       "phường; 02 hồ sơ tập thể chưa có xác nhận hoàn thành nghĩa vụ thuế.",
       "Bổ sung biên bản họp Hội đồng và xác nhận của cơ quan thuế trước khi trình; mở sổ theo dõi điển hình "
       "tiên tiến của phường."},
      {"insp-van-ninh", "56", "22489", "07-09",
       {"Trần Thị Bích Ngọc", "Võ Minh Tâm"},
       "Xã chưa có kế hoạch phát hiện, bồi dưỡng điển hình tiên tiến riêng; tỷ lệ khen thưởng người lao động "
       "trực tiếp mới đạt 28%.",
       "Xây dựng kế hoạch phát hiện, bồi dưỡng điển hình; ưu tiên khen thưởng ngư dân, nông dân, người lao "
       "động trực tiếp."},
      {"insp-khanh-son", "56", "22714", "10-22",
       {"Phạm Văn Hùng", "Đỗ Thị Kim Oanh", "Huỳnh Văn Lợi"},
       "Chưa công khai danh sách đề nghị khen thưởng tại trụ sở trước khi họp Hội đồng; việc tuyên truyền "
       "điển hình người đồng bào dân tộc thiểu số còn ít.",
       "Niêm yết công khai danh sách ít nhất 05 ngày làm việc; phối hợp Đài truyền thanh xã giới thiệu gương "
       "điển hình."},
  };
  return v;
}

const std::vector<DemoTraining>& Trainings() {
  static const std::vector<DemoTraining> v = {
      {"train-nghiep-vu", "56", "03-26", "Hội nghị tập huấn nghiệp vụ công tác thi đua, khen thưởng",
       rv1::COMMENDATION_STAFF, 145},
      {"train-bao-chi", "56", "08-14", "Tập huấn tuyên truyền, nhân rộng điển hình tiên tiến trên báo chí",
       rv1::MEDIA_STAFF, 62},
  };
  return v;
}

const std::vector<DemoBudget>& Budgets() {
  static const std::vector<DemoBudget> v = {
      {"budget-tien-thuong", "56", 4200000000, 3786400000,
       "Tiền thưởng kèm theo danh hiệu thi đua và hình thức khen thưởng"},
      {"budget-hoi-nghi", "56", 650000000, 512300000,
       "Tổ chức hội nghị điển hình tiên tiến, tập huấn và tuyên truyền gương điển hình"},
  };
  return v;
}

const std::vector<DemoOrganisation>& Organisations() {
  static const std::vector<DemoOrganisation> v = {
      {"org-ban-tdkt", "56", "Ban Thi đua - Khen thưởng tỉnh Khánh Hòa", "ban", 12, 0},
      {"org-vhxh-bac-nha-trang", "22333", "Phòng Văn hóa - Xã hội phường Bắc Nha Trang", "vu-phong", 1, 2},
  };
  return v;
}

const std::vector<DemoStaff>& Staff() {
  static const std::vector<DemoStaff> v = {
      {"56", "KH-BTDKT-001", 1971, false, "thac-si", 1998, true},
      {"56", "KH-BTDKT-002", 1979, true, "thac-si", 2004, true},
      {"56", "KH-BTDKT-003", 1986, true, "dai-hoc", 2011, true},
      {"56", "KH-BTDKT-004", 1993, false, "dai-hoc", 2017, true},
      {"22333", "BNT-VHXH-001", 1988, true, "dai-hoc", 2014, true},
      {"22333", "BNT-VHXH-002", 1982, false, "dai-hoc", 2025, false},
  };
  return v;
}

// ---- Loading.

std::string ActivityMethod(const char* name) {
  return std::string(rv1::ActivityService::service_full_name()) + "/" + name;
}
std::string StatutoryMethod(const char* name) {
  return std::string(rv1::StatutoryService::service_full_name()) + "/" + name;
}

grpc::Status WithContext(const grpc::Status& status, const std::string& context) {
  return grpc::Status(status.error_code(), context + ": " + status.error_message());
}

class ReportingLoader {
 public:
  ReportingLoader(const ReportingDemo& demo, RpcClient inspector, RpcClient reporter)
      : demo_(demo), inspector_(std::move(inspector)), reporter_(std::move(reporter)) {
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    year_ = VietnamYear(now);
    today_ = FormatVietnamTime(now, "%Y-%m-%d");
  }

  int year() const { return year_; }
  int applied = 0;
  int skipped = 0;
  int outside = 0;

  grpc::Status LoadInspections(int* count) {
    for (const auto& d : Inspections()) {
      if (!demo_.in_scope(d.agency_id) || !demo_.in_scope(d.inspected)) {
        ++outside;
        continue;
      }
      std::vector<rv1::Inspection>* known = nullptr;
      grpc::Status status = Known(d.agency_id, "ListInspections", &inspections_, &known);
      if (!status.ok()) return status;
      bool found = false;
      for (const auto& i : *known) found = found || (i.inspected_agency_id() == d.inspected && i.findings() == d.findings);
      ++*count;
      if (found) {
        ++skipped;
        continue;
      }
      rv1::RecordInspectionRequest r;
      r.set_request_id(RequestId(d.key));
      rv1::Inspection* i = r.mutable_inspection();
      i->set_agency_id(d.agency_id);
      i->set_date(DateOf(d.month_day));
      i->set_inspected_agency_id(d.inspected);
      for (const auto& m : d.team) i->add_team(m);
      i->set_findings(d.findings);
      i->set_recommendations(d.recommendations);
      rv1::Inspection out;
      status = inspector_.Call(ActivityMethod("RecordInspection"), r, &out);
      if (!status.ok()) return WithContext(status, "inspection of " + d.inspected);
      ++applied;
    }
    return grpc::Status::OK;
  }

  grpc::Status LoadTrainings(int* count) {
    for (const auto& d : Trainings()) {
      if (!demo_.in_scope(d.agency_id)) {
        ++outside;
        continue;
      }
      const std::string title = d.title + " năm " + std::to_string(year_);
      std::vector<rv1::Training>* known = nullptr;
      grpc::Status status = Known(d.agency_id, "ListTrainings", &trainings_, &known);
      if (!status.ok()) return status;
      bool found = false;
      for (const auto& t : *known) found = found || t.title() == title;
      ++*count;
      if (found) {
        ++skipped;
        continue;
      }
      rv1::RecordTrainingRequest r;
      r.set_request_id(RequestId(d.key));
      rv1::Training* t = r.mutable_training();
      t->set_agency_id(d.agency_id);
      t->set_date(DateOf(d.month_day));
      t->set_title(title);
      t->set_audience(d.audience);
      t->set_participants(d.participants);
      rv1::Training out;
      status = reporter_.Call(ActivityMethod("RecordTraining"), r, &out);
      if (!status.ok()) return WithContext(status, "training '" + title + "'");
      ++applied;
    }
    return grpc::Status::OK;
  }

  grpc::Status LoadBudgets(int* count) {
    for (const auto& d : Budgets()) {
      if (!demo_.in_scope(d.agency_id)) {
        ++outside;
        continue;
      }
      std::vector<rv1::Budget>* known = nullptr;
      grpc::Status status = Known(d.agency_id, "ListBudgets", &budgets_, &known);
      if (!status.ok()) return status;
      bool found = false;
      for (const auto& b : *known) found = found || b.purpose() == d.purpose;
      ++*count;
      if (found) {
        ++skipped;
        continue;
      }
      rv1::RecordBudgetRequest r;
      r.set_request_id(RequestId(d.key));
      rv1::Budget* b = r.mutable_budget();
      b->set_agency_id(d.agency_id);
      b->set_year(year_);
      b->set_planned(d.planned);
      b->set_spent(d.spent);
      b->set_purpose(d.purpose);
      rv1::Budget out;
      status = reporter_.Call(ActivityMethod("RecordBudget"), r, &out);
      if (!status.ok()) return WithContext(status, "budget '" + d.purpose + "'");
      ++applied;
    }
    return grpc::Status::OK;
  }

  grpc::Status LoadOrganisations(int* count) {
    for (const auto& d : Organisations()) {
      if (!demo_.in_scope(d.agency_id)) {
        ++outside;
        continue;
      }
      rv1::ListOrganisationsRequest list;
      list.set_agency_id(d.agency_id);
      list.set_year(year_);
      rv1::ListOrganisationsResponse known;
      grpc::Status status = reporter_.Call(StatutoryMethod("ListOrganisations"), list, &known);
      if (!status.ok()) return WithContext(status, "organisations of " + d.agency_id);
      bool found = false;
      for (const auto& o : known.organisations()) found = found || o.name() == d.name;
      ++*count;
      if (found) {
        ++skipped;
        continue;
      }
      rv1::RecordOrganisationRequest r;
      r.set_request_id(RequestId(d.key));
      rv1::StatOrganisation* o = r.mutable_organisation();
      o->set_agency_id(d.agency_id);
      o->set_year(year_);
      o->set_name(d.name);
      o->set_kind(d.kind);
      o->set_full_time_staff(d.full_time);
      o->set_part_time_staff(d.part_time);
      rv1::StatOrganisation out;
      status = reporter_.Call(StatutoryMethod("RecordOrganisation"), r, &out);
      if (!status.ok()) return WithContext(status, "organisation '" + d.name + "'");
      ++applied;
    }
    return grpc::Status::OK;
  }

  grpc::Status LoadStaff(int* count) {
    std::map<std::string, std::vector<std::string>> codes;  // agency -> person codes recorded
    for (const auto& d : Staff()) {
      if (!demo_.in_scope(d.agency_id)) {
        ++outside;
        continue;
      }
      auto known = codes.find(d.agency_id);
      if (known == codes.end()) {
        std::vector<std::string> found;
        grpc::Status status = StaffCodes(d.agency_id, &found);
        if (!status.ok()) return WithContext(status, "staff of " + d.agency_id);
        known = codes.emplace(d.agency_id, std::move(found)).first;
      }
      ++*count;
      bool found = false;
      for (const auto& c : known->second) found = found || c == d.person_code;
      if (found) {
        ++skipped;
        continue;
      }
      rv1::RecordStaffRequest r;
      r.set_request_id(RequestId("staff-" + d.person_code));
      rv1::StatStaff* s = r.mutable_staff();
      s->set_agency_id(d.agency_id);
      s->set_year(year_);
      s->set_person_code(d.person_code);
      s->set_birth_year(d.birth_year);
      s->set_woman(d.woman);
      s->set_training_level(d.training_level);
      s->set_seniority_start_year(d.since);
      s->set_full_time(d.full_time);
      rv1::StatStaff out;
      grpc::Status status = reporter_.Call(StatutoryMethod("RecordStaff"), r, &out);
      if (!status.ok()) return WithContext(status, "staff " + d.person_code);
      ++applied;
    }
    return grpc::Status::OK;
  }

 private:
  // Request ids carry the year: next year's demo records are new records.
  std::string RequestId(const std::string& key) const {
    return std::string(kIdPrefix) + std::to_string(year_) + "-" + key;
  }

  // The content's day in the current year, but never after today (early in
  // a year the demo does not record visits that have not happened yet).
  std::string DateOf(const std::string& month_day) const {
    const std::string date = std::to_string(year_) + "-" + month_day;
    return date > today_ ? today_ : date;
  }

  // The activities of one kind that `agency` recorded this year, read once.
  template <typename Record>
  grpc::Status Known(const std::string& agency, const char* method,
                     std::map<std::string, std::vector<Record>>* cache, std::vector<Record>** out) {
    auto it = cache->find(agency);
    if (it == cache->end()) {
      std::vector<Record> records;
      rv1::ListActivitiesRequest list;
      list.set_agency_id(agency);
      list.set_year(year_);
      list.set_page_size(200);
      for (;;) {
        grpc::Status status;
        std::string next;
        if constexpr (std::is_same_v<Record, rv1::Inspection>) {
          rv1::ListInspectionsResponse page;
          status = inspector_.Call(ActivityMethod(method), list, &page);
          records.insert(records.end(), page.inspections().begin(), page.inspections().end());
          next = page.next_page_token();
        } else if constexpr (std::is_same_v<Record, rv1::Training>) {
          rv1::ListTrainingsResponse page;
          status = reporter_.Call(ActivityMethod(method), list, &page);
          records.insert(records.end(), page.trainings().begin(), page.trainings().end());
          next = page.next_page_token();
        } else {
          rv1::ListBudgetsResponse page;
          status = reporter_.Call(ActivityMethod(method), list, &page);
          records.insert(records.end(), page.budgets().begin(), page.budgets().end());
          next = page.next_page_token();
        }
        if (!status.ok()) return WithContext(status, std::string(method) + " of " + agency);
        if (next.empty()) break;
        list.set_page_token(next);
      }
      it = cache->emplace(agency, std::move(records)).first;
    }
    *out = &it->second;
    return grpc::Status::OK;
  }

  grpc::Status StaffCodes(const std::string& agency, std::vector<std::string>* out) {
    rv1::ListStaffRequest list;
    list.set_agency_id(agency);
    list.set_year(year_);
    list.set_page_size(500);
    for (;;) {
      rv1::ListStaffResponse page;
      grpc::Status status = reporter_.Call(StatutoryMethod("ListStaff"), list, &page);
      if (!status.ok()) return status;
      for (const auto& s : page.staff()) out->push_back(s.person_code());
      if (page.next_page_token().empty()) return grpc::Status::OK;
      list.set_page_token(page.next_page_token());
    }
  }

  const ReportingDemo& demo_;
  RpcClient inspector_;
  RpcClient reporter_;
  int year_ = 0;
  std::string today_;
  std::map<std::string, std::vector<rv1::Inspection>> inspections_;
  std::map<std::string, std::vector<rv1::Training>> trainings_;
  std::map<std::string, std::vector<rv1::Budget>> budgets_;
};

}  // namespace

grpc::Status LoadReportingDemo(const ReportingDemo& demo, Json* summary) {
  // Inspections by an inspector of the node's agency; the rest by its
  // reporting officer (the one role that may record all of it).
  auto inspector_token = MintToken(demo.secret_file, "inspector", demo.agency, "demo-inspector", kTokenTtlSeconds);
  if (!inspector_token.ok()) return ToGrpcStatus(inspector_token.status());
  auto reporter_token =
      MintToken(demo.secret_file, "reporting_officer", demo.agency, "demo-reporting-officer", kTokenTtlSeconds);
  if (!reporter_token.ok()) return ToGrpcStatus(reporter_token.status());
  Endpoint as_inspector = demo.endpoint, as_reporter = demo.endpoint;
  as_inspector.token = *inspector_token;
  as_reporter.token = *reporter_token;
  ReportingLoader loader(demo, RpcClient(as_inspector), RpcClient(as_reporter));

  int inspections = 0, trainings = 0, budgets = 0, organisations = 0, staff = 0;
  grpc::Status status = loader.LoadInspections(&inspections);
  if (status.ok()) status = loader.LoadTrainings(&trainings);
  if (status.ok()) status = loader.LoadBudgets(&budgets);
  if (status.ok()) status = loader.LoadOrganisations(&organisations);
  if (status.ok()) status = loader.LoadStaff(&staff);
  if (!status.ok()) return status;
  *summary = Json{{"year", loader.year()},
                  {"inspections", inspections},
                  {"trainings", trainings},
                  {"budget_lines", budgets},
                  {"organisations", organisations},
                  {"staff", staff},
                  {"steps_applied", loader.applied},
                  {"steps_already_done", loader.skipped},
                  {"skipped_outside_agency", loader.outside}};
  return grpc::Status::OK;
}

}  // namespace tdkt::ctl
