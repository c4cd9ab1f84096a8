#include "services/campaign_media/app/campaign_manager.h"

#include "common/access.h"
#include "common/page_request.h"
#include "common/request_fingerprint.h"
#include "common/text.h"
#include "services/campaign_media/domain/anniversaries.h"
#include "services/campaign_media/domain/campaign_rules.h"

namespace tdkt::campaign_media {
namespace {

// `agency` and the agencies above it, nearest first.
std::vector<std::string> SelfAndAncestors(const AgencyTree& tree, const std::string& agency) {
  std::vector<std::string> out;
  for (const AgencyUnit* unit = tree.Find(agency); unit && out.size() < 64; unit = tree.Find(unit->parent_id)) {
    out.push_back(unit->id);
    if (unit->parent_id.empty()) break;
  }
  return out;
}

}  // namespace

Status RequireCampaignWriter(const Caller& caller, const char* action) {
  return RequireRole(caller, {Role::kOfficer, Role::kMediaEditor, Role::kAdmin}, action);
}

Status CheckListYear(int year, const char* field, bool required) {
  if (year == 0 && !required) return Status::Ok();
  if (year < 2000 || year > 2100) {
    return Status::InvalidArgument(field, required ? "năm phải từ 2000 đến 2100" : "năm phải từ 2000 đến 2100 (0 = mọi năm)");
  }
  return Status::Ok();
}

Status CampaignManager::Validate(cv1::Campaign& c, const AgencyTree& tree) {
  TDKT_RETURN_IF_ERROR(CheckDate(c.start_date(), "campaign.start_date"));
  TDKT_RETURN_IF_ERROR(CheckDate(c.end_date(), "campaign.end_date"));
  for (int i = 0; i < c.planned_items_size(); ++i) {
    TDKT_RETURN_IF_ERROR(
        CheckDate(c.planned_items(i).planned_date(), "campaign.planned_items[" + std::to_string(i) + "].planned_date"));
  }
  TDKT_RETURN_IF_ERROR(NormalizeCampaign(c));
  for (int i = 0; i < c.planned_items_size(); ++i) {
    const std::string& id = c.planned_items(i).anniversary_id();
    if (id.empty() || FindNational(id)) continue;
    const std::string at = "campaign.planned_items[" + std::to_string(i) + "].anniversary_id";
    auto a = id.size() <= 64 ? store_.GetAnniversary(id) : Result<cv1::Anniversary>(Status::NotFound(id));
    if (!a.ok() && a.status().code() != Code::kNotFound) return a.status();
    if (!a.ok() || !tree.IsWithin(a->agency_id(), c.agency_id())) {
      return Status::InvalidArgument(at, "không có ngày kỷ niệm '" + id.substr(0, 64) +
                                             "' trong lịch của đơn vị (xem ListAnniversaries)");
    }
  }
  return RequireRecognisedExemplars(ctx_, c.exemplar_ids(), "campaign.exemplar_ids");
}

Result<cv1::Campaign> CampaignManager::Create(const Caller& caller, const cv1::CreateCampaignRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireCampaignWriter(caller, "create a campaign"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  cv1::Campaign c = request.campaign();
  if (c.agency_id().empty()) c.set_agency_id(caller.agency);
  auto tree = ctx_.TreeFor(caller, c.agency_id(), "campaign.agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(Validate(c, **tree));
  return RunOnceAtomic<cv1::Campaign>(ctx_.memo, caller.subject, "CreateCampaign", request.request_id(), request,
                                      [&](const MemoWriter& memo) -> Result<cv1::Campaign> {
                                        *c.mutable_created_at() = ctx_.Now();
                                        c.set_created_by(caller.subject);
                                        *c.mutable_updated_at() = c.created_at();
                                        c.set_updated_by(caller.subject);
                                        // Before the write: nothing may fail after it (SADD repeats harmlessly).
                                        TDKT_RETURN_IF_ERROR(ctx_.RememberAgency(c.agency_id()));
                                        TDKT_RETURN_IF_ERROR(store_.Create(c, memo));
                                        return c;
                                      });
}

Result<cv1::Campaign> CampaignManager::Update(const Caller& caller, const cv1::UpdateCampaignRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireCampaignWriter(caller, "change a campaign"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  if (request.id().empty() || request.id().size() > 64) {
    return Status::InvalidArgument("id", "cần mã chiến dịch cần sửa (vd. camp-56-3)");
  }
  auto stored = store_.Get(request.id());
  if (!stored.ok()) return stored.status();
  auto tree = ctx_.TreeFor(caller, stored->agency_id(), "campaign.agency_id");
  if (!tree.ok()) return tree.status();
  cv1::Campaign c = request.campaign();
  if (!c.agency_id().empty() && c.agency_id() != stored->agency_id()) {
    return Status::InvalidArgument("campaign.agency_id",
                                   "không chuyển chiến dịch sang đơn vị khác; hãy tạo chiến dịch mới");
  }
  c.set_agency_id(stored->agency_id());
  c.set_id(stored->id());
  TDKT_RETURN_IF_ERROR(Validate(c, **tree));
  return RunOnceAtomic<cv1::Campaign>(ctx_.memo, caller.subject, "UpdateCampaign", request.request_id(), request,
                                [&](const MemoWriter& memo) -> Result<cv1::Campaign> {
                                  if (request.expected_version() != stored->version()) {
                                    return Status::Aborted("the campaign was changed meanwhile (version " +
                                                           std::to_string(stored->version()) +
                                                           "); read it again and retry");
                                  }
                                  *c.mutable_created_at() = stored->created_at();
                                  c.set_created_by(stored->created_by());
                                  *c.mutable_updated_at() = ctx_.Now();
                                  c.set_updated_by(caller.subject);
                                  TDKT_RETURN_IF_ERROR(store_.Update(c, *stored, memo));
                                  return c;
                                });
}

Result<cv1::Campaign> CampaignManager::Get(const Caller& caller, const cv1::GetCampaignRequest& request) {
  if (request.id().empty() || request.id().size() > 64) {
    return Status::InvalidArgument("id", "cần mã chiến dịch (vd. camp-56-3)");
  }
  auto c = store_.Get(request.id());
  if (!c.ok()) return c.status();
  auto tree = ctx_.TreeFor(caller, c->agency_id(), "id");
  if (!tree.ok()) return tree.status();
  return c;
}

Result<cv1::ListCampaignsResponse> CampaignManager::List(const Caller& caller,
                                                         const cv1::ListCampaignsRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  TDKT_RETURN_IF_ERROR(CheckListYear(request.year(), "year", false));
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  std::vector<int64_t> cursors;
  auto campaigns = store_.List(agency, request.year(), *before, *size + 1, &cursors);
  if (!campaigns.ok()) return campaigns.status();
  cv1::ListCampaignsResponse out;
  for (int i = 0; i < static_cast<int>(campaigns->size()) && i < *size; ++i) *out.add_campaigns() = (*campaigns)[i];
  if (static_cast<int>(campaigns->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

Result<cv1::ListAnniversariesResponse> CampaignManager::ListAnniversaries(
    const Caller& caller, const cv1::ListAnniversariesRequest& request) {
  TDKT_RETURN_IF_ERROR(CheckListYear(request.year(), "year", true));
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  auto calendar = CalendarOf(**tree, agency);
  if (!calendar.ok()) return calendar.status();
  cv1::ListAnniversariesResponse out;
  for (auto& o : OccurrencesIn(*calendar, request.year())) *out.add_occurrences() = std::move(o);
  return out;
}

Result<std::vector<cv1::Anniversary>> CampaignManager::CalendarOf(const AgencyTree& tree, const std::string& agency) {
  std::vector<cv1::Anniversary> calendar = NationalAnniversaries();
  for (const auto& unit : SelfAndAncestors(tree, agency)) {
    auto added = store_.AnniversariesOf(unit);
    if (!added.ok()) return added.status();
    calendar.insert(calendar.end(), added->begin(), added->end());
  }
  return calendar;
}

Result<cv1::Anniversary> CampaignManager::AddAnniversary(const Caller& caller,
                                                         const cv1::AddAnniversaryRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireCampaignWriter(caller, "add an anniversary"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  cv1::Anniversary a = request.anniversary();
  a.clear_id();
  a.clear_national();
  if (a.agency_id().empty()) a.set_agency_id(caller.agency);
  auto tree = ctx_.TreeFor(caller, a.agency_id(), "anniversary.agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(NormalizeAnniversary(a, YearOf(ctx_.Today())));
  auto calendar = CalendarOf(**tree, a.agency_id());
  if (!calendar.ok()) return calendar.status();
  for (const auto& known : *calendar) {
    if (known.month_day() == a.month_day() && text::Fold(known.name()) == text::Fold(a.name())) {
      return Status::InvalidArgument("anniversary.name", "ngày kỷ niệm này đã có trong lịch của đơn vị (mã " +
                                                             known.id() + ")");
    }
  }
  return RunOnceAtomic<cv1::Anniversary>(ctx_.memo, caller.subject, "AddAnniversary", request.request_id(),
                                         request, [&](const MemoWriter& memo) -> Result<cv1::Anniversary> {
                                           TDKT_RETURN_IF_ERROR(ctx_.RememberAgency(a.agency_id()));
                                           TDKT_RETURN_IF_ERROR(store_.AddAnniversary(a, memo));
                                           return a;
                                         });
}

Status CampaignManager::AddYearFigures(const std::string& agency, int year, cv1::AgencyMediaFigures* out) {
  auto campaigns = store_.TouchingYear(agency, year);
  if (!campaigns.ok()) return campaigns.status();
  for (const auto& c : *campaigns) {
    out->set_campaigns(out->campaigns() + 1);
    out->set_campaign_budget_vnd(out->campaign_budget_vnd() + c.budget_vnd());
  }
  return Status::Ok();
}

}  // namespace tdkt::campaign_media
