#include "services/reporting/app/activity_manager.h"

#include <type_traits>

#include "common/access.h"
#include "common/vn_time.h"

namespace tdkt::reporting {

namespace {

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

}  // namespace tdkt::reporting
