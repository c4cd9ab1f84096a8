#include "services/campaign_media/app/outreach_manager.h"

#include "common/access.h"
#include "common/page_request.h"
#include "common/request_fingerprint.h"
#include "services/campaign_media/app/campaign_manager.h"
#include "services/campaign_media/domain/outreach_rules.h"

namespace tdkt::campaign_media {
namespace {

constexpr int kFigurePage = 500;

}  // namespace

Result<cv1::ExchangeEvent> OutreachManager::RecordEvent(const Caller& caller,
                                                       const cv1::RecordExchangeEventRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireCampaignWriter(caller, "record an exchange event"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  cv1::ExchangeEvent e = request.event();
  e.clear_id();
  e.clear_version();
  if (e.agency_id().empty()) e.set_agency_id(caller.agency);
  auto tree = ctx_.TreeFor(caller, e.agency_id(), "event.agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(NormalizeEvent(e));
  TDKT_RETURN_IF_ERROR(CheckDate(e.date(), "event.date"));
  if (!e.campaign_id().empty()) {
    auto campaign = e.campaign_id().size() <= 64 ? campaigns_.Get(e.campaign_id())
                                                 : Result<cv1::Campaign>(Status::NotFound(e.campaign_id()));
    if (!campaign.ok() && campaign.status().code() != Code::kNotFound) return campaign.status();
    // An event belongs to a campaign of its own agency or of one above it.
    if (!campaign.ok() || !(*tree)->IsWithin(campaign->agency_id(), e.agency_id())) {
      return Status::InvalidArgument("event.campaign_id", "không có chiến dịch '" + e.campaign_id().substr(0, 64) +
                                                              "' của đơn vị hoặc đơn vị cấp trên");
    }
  }
  TDKT_RETURN_IF_ERROR(RequireRecognisedExemplars(ctx_, e.exemplar_ids(), "event.exemplar_ids"));
  return RunOnceAtomic<cv1::ExchangeEvent>(ctx_.memo, caller.subject, "RecordExchangeEvent", request.request_id(),
                                           request, [&](const MemoWriter& memo) -> Result<cv1::ExchangeEvent> {
                                             *e.mutable_created_at() = ctx_.Now();
                                             e.set_created_by(caller.subject);
                                             // Before the write: nothing may fail after it.
                                             TDKT_RETURN_IF_ERROR(ctx_.RememberAgency(e.agency_id()));
                                             TDKT_RETURN_IF_ERROR(store_.CreateEvent(e, memo));
                                             return e;
                                           });
}

Result<cv1::ListExchangeEventsResponse> OutreachManager::ListEvents(const Caller& caller,
                                                                    const cv1::ListExchangeEventsRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  TDKT_RETURN_IF_ERROR(CheckListYear(request.year(), "year", false));
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  std::vector<int64_t> cursors;
  auto events = store_.ListEvents(agency, request.year(), *before, *size + 1, &cursors);
  if (!events.ok()) return events.status();
  cv1::ListExchangeEventsResponse out;
  for (int i = 0; i < static_cast<int>(events->size()) && i < *size; ++i) *out.add_events() = (*events)[i];
  if (static_cast<int>(events->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

Result<cv1::Replication> OutreachManager::RecordReplication(const Caller& caller,
                                                           const cv1::RecordReplicationRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireCampaignWriter(caller, "record a replication"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  cv1::Replication r = request.replication();
  r.clear_id();
  r.clear_version();
  if (r.agency_id().empty()) r.set_agency_id(caller.agency);
  auto tree = ctx_.TreeFor(caller, r.agency_id(), "replication.agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(CheckDate(r.adopted_date(), "replication.adopted_date"));
  TDKT_RETURN_IF_ERROR(NormalizeReplication(r, ctx_.Today()));
  if (!r.adopting_agency_id().empty() &&
      (!AgencyTree::IsValidId(r.adopting_agency_id()) || !(*tree)->Find(r.adopting_agency_id()))) {
    return Status::InvalidArgument("replication.adopting_agency_id",
                                   "không có đơn vị mã '" + r.adopting_agency_id().substr(0, 40) +
                                       "'; đơn vị ngoài hệ thống thì ghi tên vào adopting_unit_name");
  }
  google::protobuf::RepeatedPtrField<std::string> adopted;
  *adopted.Add() = r.exemplar_id();
  Status recognised = RequireRecognisedExemplars(ctx_, adopted, "replication.exemplar_id");
  if (recognised.code() == Code::kInvalidArgument) {
    return Status::InvalidArgument("replication.exemplar_id", recognised.message());  // One id, not a list.
  }
  TDKT_RETURN_IF_ERROR(recognised);
  return RunOnceAtomic<cv1::Replication>(ctx_.memo, caller.subject, "RecordReplication", request.request_id(),
                                         request, [&](const MemoWriter& memo) -> Result<cv1::Replication> {
                                           *r.mutable_created_at() = ctx_.Now();
                                           r.set_created_by(caller.subject);
                                           TDKT_RETURN_IF_ERROR(ctx_.RememberAgency(r.agency_id()));
                                           TDKT_RETURN_IF_ERROR(store_.CreateReplication(r, memo));
                                           return r;
                                         });
}

Result<cv1::ListReplicationsResponse> OutreachManager::ListReplications(
    const Caller& caller, const cv1::ListReplicationsRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  TDKT_RETURN_IF_ERROR(CheckListYear(request.year(), "year", false));
  if (request.exemplar_id().size() > 64 || request.exemplar_id().find_first_of(" :*") != std::string::npos) {
    return Status::InvalidArgument("exemplar_id", "mã hồ sơ điển hình không hợp lệ (vd. nom-56-3)");
  }
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  std::vector<int64_t> cursors;
  auto found = store_.ListReplications(agency, request.exemplar_id(), request.year(), *before, *size + 1, &cursors);
  if (!found.ok()) return found.status();
  cv1::ListReplicationsResponse out;
  for (int i = 0; i < static_cast<int>(found->size()) && i < *size; ++i) *out.add_replications() = (*found)[i];
  if (static_cast<int>(found->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

Status OutreachManager::AddYearFigures(const std::string& agency, int year, cv1::AgencyMediaFigures* out) {
  int64_t before = 0;
  while (true) {
    std::vector<int64_t> cursors;
    auto events = store_.ListEvents(agency, year, before, kFigurePage, &cursors);
    if (!events.ok()) return events.status();
    for (const auto& e : *events) {
      if (e.kind() == cv1::EXCHANGE) out->set_exchange_events(out->exchange_events() + 1);
      if (e.kind() == cv1::HONOURING) out->set_honouring_events(out->honouring_events() + 1);
      out->set_event_attendance(out->event_attendance() + e.attendance());
    }
    if (static_cast<int>(events->size()) < kFigurePage) break;
    before = cursors.back();
  }
  before = 0;
  while (true) {
    std::vector<int64_t> cursors;
    auto found = store_.ListReplications(agency, "", year, before, kFigurePage, &cursors);
    if (!found.ok()) return found.status();
    out->set_replications(out->replications() + static_cast<int64_t>(found->size()));
    if (static_cast<int>(found->size()) < kFigurePage) break;
    before = cursors.back();
  }
  return Status::Ok();
}

}  // namespace tdkt::campaign_media
