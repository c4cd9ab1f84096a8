#include "services/campaign_media/app/item_manager.h"

#include <algorithm>
#include <set>

#include "common/access.h"
#include "common/page_request.h"
#include "common/request_fingerprint.h"
#include "common/text.h"
#include "common/vn_time.h"
#include "services/campaign_media/domain/achievements.h"
#include "services/campaign_media/domain/channels.h"
#include "services/campaign_media/domain/item_rules.h"

namespace tdkt::campaign_media {
namespace {

constexpr auto kWriters = {Role::kMediaEditor, Role::kOfficer};
constexpr auto kMovers = {Role::kMediaEditor, Role::kOfficer, Role::kAdmin};
constexpr char kWatchActor[] = "nomination-watch";

v1::ItemHistoryEntry NewEntry(const Caller& caller, const std::string& action, const std::string& request_id,
                              const google::protobuf::Timestamp& at) {
  v1::ItemHistoryEntry e;
  *e.mutable_at() = at;
  e.set_actor(caller.subject);
  e.set_actor_role(RoleName(caller.role));
  e.set_action(action);
  e.set_request_id(request_id);
  return e;
}

// Unix seconds of 1 January of `year`, 00:00 Vietnam time.
int64_t YearStart(int year) {
  int64_t days = 0;  // days from 1970-01-01 to year-01-01
  for (int y = 1970; y < year; ++y) days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365;
  return days * 86400 - kVietnamOffsetSeconds;
}

void AddKeyCount(google::protobuf::RepeatedPtrField<v1::KeyCount>* counts, const std::string& key, int64_t n) {
  for (auto& c : *counts) {
    if (c.key() == key) {
      c.set_count(c.count() + n);
      return;
    }
  }
  auto* c = counts->Add();
  c->set_key(key);
  c->set_count(n);
}

}  // namespace

ItemManager::ItemManager(CampaignMediaContext& ctx) : ctx_(ctx), items_(ctx.store) {}

Result<v1::MediaItem> ItemManager::Load(const Caller& caller, const std::string& id) {
  std::string agency;
  int64_t seq = 0;
  if (!ItemStore::ParseId(id, &agency, &seq)) {
    return Status::InvalidArgument("id", "'" + id.substr(0, 80) + "' không phải mã tác phẩm (vd. item-56-12)");
  }
  auto tree = ctx_.TreeFor(caller, agency, "id");
  if (!tree.ok()) return tree.status();
  auto item = items_.Get(id);
  if (!item.ok() && item.status().code() == Code::kNotFound) {
    return Status::NotFound("không có tác phẩm mã '" + id + "'");
  }
  return item;
}

std::map<std::string, nv1::Nomination> ItemManager::ExemplarRecords(const v1::MediaItem& item) {
  std::map<std::string, nv1::Nomination> out;
  for (const auto& id : item.exemplar_ids()) {
    auto record = ctx_.nominations.Get(id);
    if (record.ok()) out[id] = std::move(*record);
  }
  return out;
}

Status ItemManager::CheckPresentable(const v1::MediaItem& item) {
  if (item.flagged()) {
    return Status::FailedPrecondition("tác phẩm " + item.id() + " đang bị gắn cờ: " + item.flag_reason());
  }
  const ClaimChecks checks = CheckClaims(item, ExemplarRecords(item));
  if (checks.unsupported > 0) {
    for (const auto& check : checks.checks) {
      if (check.supported()) continue;
      return Status::InvalidArgument("claims[" + std::to_string(check.index()) + "].achievement_ref",
                                     "còn " + std::to_string(checks.unsupported) +
                                         " nhận định chưa dựa trên thành tích đã ghi nhận (" + check.problem() +
                                         "); xem ReviewItem");
    }
  }
  return RequireRecognisedExemplars(ctx_, item.exemplar_ids(), "exemplar_ids");
}

Result<v1::MediaItem> ItemManager::Apply(const Caller& caller, const std::string& id, int64_t expected_version,
                                         const std::string& action, const Change& change, const v1::Reach* reach,
                                         int reach_year, const MemoWriter& memo) {
  for (int attempt = 0;; ++attempt) {
    auto current = Load(caller, id);
    if (!current.ok()) return current.status();
    if (expected_version >= 0 && expected_version != current->version()) {
      return Status::Aborted("tác phẩm " + id + " đang ở phiên bản " + std::to_string(current->version()) +
                             ", không phải " + std::to_string(expected_version) +
                             ": đã có người sửa; hãy tải lại rồi làm lại");
    }
    v1::MediaItem next = *current;
    v1::ItemHistoryEntry entry = NewEntry(caller, action, "", ctx_.Now());
    entry.set_from_state(current->state());
    TDKT_RETURN_IF_ERROR(change(next, entry));
    next.set_version(current->version() + 1);
    *next.mutable_updated_at() = entry.at();
    next.set_updated_by(caller.subject);
    entry.set_version(next.version());
    entry.set_to_state(next.state());
    Status saved = items_.Save(&*current, next, entry, reach, reach_year, memo.For(next));
    if (saved.ok()) return next;
    // Only retry when the caller did not pin a version.
    if (saved.code() != Code::kAborted || expected_version >= 0 || attempt >= 5) return saved;
  }
}

Result<v1::MediaItem> ItemManager::Mutate(const Caller& caller, const char* method,
                                          const google::protobuf::Message& request, const std::string& request_id,
                                          const std::string& id, int64_t expected_version, const std::string& action,
                                          const Change& change, const v1::Reach* reach, int reach_year) {
  TDKT_RETURN_IF_ERROR(RequireRequestId(request_id));
  return RunOnceAtomic<v1::MediaItem>(ctx_.memo, caller.subject, method, request_id, request,
                                      [&](const MemoWriter& memo) {
                                        return Apply(caller, id, expected_version, action,
                                                     [&](v1::MediaItem& next, v1::ItemHistoryEntry& entry) {
                                                       entry.set_request_id(request_id);
                                                       return change(next, entry);
                                                     },
                                                     reach, reach_year, memo);
                                      });
}

Result<v1::MediaItem> ItemManager::Create(const Caller& caller, v1::CreateItemRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "viết tác phẩm truyền thông"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  v1::MediaItem& item = *request.mutable_item();
  if (item.agency_id().empty()) item.set_agency_id(caller.agency);
  auto tree = ctx_.TreeFor(caller, item.agency_id(), "item.agency_id");
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(NormalizeItemContent(item, "item"));
  for (int i = 0; i < item.exemplar_ids_size(); ++i) {
    auto record = ctx_.Exemplar(item.exemplar_ids(i), "item.exemplar_ids[" + std::to_string(i) + "]");
    if (!record.ok()) return record.status();
  }
  return RunOnceAtomic<v1::MediaItem>(ctx_.memo, caller.subject, "CreateItem", request.request_id(), request,
                                      [&](const MemoWriter& memo) -> Result<v1::MediaItem> {
    auto id = items_.NewId(item.agency_id());
    if (!id.ok()) return id.status();
    v1::MediaItem next;
    next.set_id(*id);
    next.set_version(1);
    next.set_agency_id(item.agency_id());
    next.set_campaign_id(item.campaign_id());
    next.set_kind(item.kind());
    *next.mutable_exemplar_ids() = item.exemplar_ids();
    next.set_title(item.title());
    next.set_summary(item.summary());
    next.set_body(item.body());
    next.set_channel(item.channel());
    next.set_planned_date(item.planned_date());
    next.set_state(v1::DRAFT);
    *next.mutable_claims() = item.claims();
    next.set_author(item.author().empty() ? caller.subject : item.author());
    *next.mutable_created_at() = ctx_.Now();
    *next.mutable_updated_at() = next.created_at();
    next.set_created_by(caller.subject);
    next.set_updated_by(caller.subject);
    v1::ItemHistoryEntry entry = NewEntry(caller, "create", request.request_id(), next.created_at());
    entry.set_version(1);
    entry.set_to_state(v1::DRAFT);
    TDKT_RETURN_IF_ERROR(ctx_.RememberAgency(next.agency_id()));
    TDKT_RETURN_IF_ERROR(items_.Save(nullptr, next, entry, nullptr, 0, memo.For(next)));
    return next;
  });
}

Result<v1::MediaItem> ItemManager::Update(const Caller& caller, v1::UpdateItemRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "sửa tác phẩm truyền thông"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  if (request.expected_version() <= 0) {
    return Status::InvalidArgument("expected_version", "hãy gửi phiên bản đã đọc (bắt đầu từ 1)");
  }
  v1::MediaItem& item = *request.mutable_item();
  TDKT_RETURN_IF_ERROR(NormalizeItemContent(item, "item"));
  for (int i = 0; i < item.exemplar_ids_size(); ++i) {
    auto record = ctx_.Exemplar(item.exemplar_ids(i), "item.exemplar_ids[" + std::to_string(i) + "]");
    if (!record.ok()) return record.status();
  }
  return Mutate(caller, "UpdateItem", request, request.request_id(), request.id(), request.expected_version(),
                "update", [&](v1::MediaItem& next, v1::ItemHistoryEntry&) {
                  if (next.state() != v1::DRAFT) {
                    return Status::FailedPrecondition("chỉ sửa được bản nháp; tác phẩm này " +
                                                      ItemStateLabel(next.state()));
                  }
                  if (!item.agency_id().empty() && item.agency_id() != next.agency_id()) {
                    return Status::InvalidArgument("item.agency_id", "không đổi được đơn vị của tác phẩm");
                  }
                  next.set_campaign_id(item.campaign_id());
                  next.set_kind(item.kind());
                  *next.mutable_exemplar_ids() = item.exemplar_ids();
                  next.set_title(item.title());
                  next.set_summary(item.summary());
                  next.set_body(item.body());
                  next.set_channel(item.channel());
                  next.set_planned_date(item.planned_date());
                  *next.mutable_claims() = item.claims();
                  if (!item.author().empty()) next.set_author(item.author());
                  return Status::Ok();
                });
}

Result<v1::MediaItem> ItemManager::Get(const Caller& caller, const v1::GetItemRequest& request) {
  return Load(caller, request.id());
}

Result<v1::ListItemsResponse> ItemManager::List(const Caller& caller, const v1::ListItemsRequest& request) {
  auto page_size = CheckPageSize(request.page_size(), 50, 200);
  if (!page_size.ok()) return page_size.status();
  auto cursor = ParseSequenceToken(request.page_token());
  if (!cursor.ok()) return cursor.status();
  if (!v1::MediaItemState_IsValid(request.state())) {
    return Status::InvalidArgument("state", "không phải trạng thái tác phẩm");
  }
  auto query = text::NormalizeInput("text", request.text());
  if (!query.ok()) return query.status();
  if (text::CodePointCount(*query) > 200) return Status::InvalidArgument("text", "từ khóa tìm kiếm tối đa 200 ký tự");
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  std::string index = ItemStore::AgencyIndex(agency);
  if (!request.exemplar_id().empty()) {
    index = ItemStore::ExemplarIndex(request.exemplar_id().substr(0, 64));
  } else if (!request.campaign_id().empty()) {
    index = ItemStore::CampaignIndex(request.campaign_id().substr(0, 64));
  } else if (request.state() != v1::MEDIA_ITEM_STATE_UNSPECIFIED) {
    index = ItemStore::StateIndex(agency, request.state());
  }
  auto keep = [&](const v1::MediaItem& item) {
    if (item.agency_id() != agency) return false;
    if (request.state() != v1::MEDIA_ITEM_STATE_UNSPECIFIED && item.state() != request.state()) return false;
    if (!request.campaign_id().empty() && item.campaign_id() != request.campaign_id()) return false;
    if (!request.exemplar_id().empty() &&
        std::find(item.exemplar_ids().begin(), item.exemplar_ids().end(), request.exemplar_id()) ==
            item.exemplar_ids().end()) {
      return false;
    }
    if (!query->empty() &&
        !text::MatchesAllWords(text::Fold(item.title() + " " + item.summary() + " " + item.body()), *query)) {
      return false;
    }
    return true;
  };
  v1::ListItemsResponse response;
  int64_t before = request.page_token().empty() ? 0 : *cursor;
  const int want = *page_size + 1;  // one more tells whether a next page exists
  std::vector<std::pair<v1::MediaItem, int64_t>> found;
  for (int round = 0; round < 50 && static_cast<int>(found.size()) < want; ++round) {
    auto ids = items_.Newest(index, before, std::max(want, 100));
    if (!ids.ok()) return ids.status();
    if (ids->empty()) break;
    std::vector<std::string> keys;
    for (const auto& [id, score] : *ids) keys.push_back(id);
    auto loaded = items_.GetMany(keys);
    if (!loaded.ok()) return loaded.status();
    for (auto& item : *loaded) {
      std::string a;
      int64_t seq = 0;
      ItemStore::ParseId(item.id(), &a, &seq);
      if (keep(item) && static_cast<int>(found.size()) < want) found.emplace_back(std::move(item), seq);
    }
    before = ids->back().second;
    if (static_cast<int>(ids->size()) < std::max(want, 100)) break;
  }
  if (static_cast<int>(found.size()) == want) {
    found.pop_back();
    response.set_next_page_token(std::to_string(found.back().second));
  }
  for (auto& [item, seq] : found) *response.add_items() = std::move(item);
  return response;
}

Result<v1::MediaItem> ItemManager::Transition(const Caller& caller, v1::TransitionItemRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kMovers, "chuyển trạng thái tác phẩm truyền thông"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  if (request.expected_version() <= 0) {
    return Status::InvalidArgument("expected_version", "hãy gửi phiên bản đã đọc (bắt đầu từ 1)");
  }
  auto reason = text::NormalizeInput("reason", request.reason());
  if (!reason.ok()) return reason.status();
  request.set_reason(*reason);
  if (text::CodePointCount(request.reason()) > 2000) return Status::InvalidArgument("reason", "dài quá 2000 ký tự");
  return Mutate(caller, "TransitionItem", request, request.request_id(), request.id(), request.expected_version(),
                "transition", [&](v1::MediaItem& next, v1::ItemHistoryEntry& entry) {
                  const auto to = request.to_state();
                  TDKT_RETURN_IF_ERROR(CheckItemTransition(next.state(), to, caller.role, request.reason()));
                  if (to == v1::APPROVED && caller.subject == next.created_by()) {
                    return Status::PermissionDenied("người viết không tự duyệt tác phẩm của mình; cần một cán bộ khác duyệt");
                  }
                  if (to == v1::APPROVED || to == v1::PUBLISHED) TDKT_RETURN_IF_ERROR(CheckPresentable(next));
                  if (to == v1::PUBLISHED) *next.mutable_published_at() = entry.at();
                  next.set_state(to);
                  next.set_state_reason(request.reason());
                  entry.set_reason(request.reason());
                  return Status::Ok();
                });
}

Result<v1::ReviewItemResponse> ItemManager::Review(const Caller& caller, const v1::ReviewItemRequest& request) {
  auto item = Load(caller, request.id());
  if (!item.ok()) return item.status();
  const auto records = ExemplarRecords(*item);
  ClaimChecks checks = CheckClaims(*item, records);
  v1::ReviewItemResponse response;
  for (auto& c : checks.checks) *response.add_checks() = std::move(c);
  response.set_unsupported(checks.unsupported);
  for (const auto& id : item->exemplar_ids()) {
    auto found = records.find(id);
    if (found == records.end()) {
      response.add_exemplar_problems(id + ": không đọc được hồ sơ");
    } else if (!IsRecognised(found->second)) {
      response.add_exemplar_problems(id + ": chưa được công nhận (" + nv1::NominationState_Name(found->second.state()) + ")");
    }
  }
  response.set_approvable(checks.unsupported == 0 && response.exemplar_problems_size() == 0 && !item->flagged() &&
                          item->state() == v1::IN_REVIEW);
  return response;
}

Result<v1::ListExemplarAchievementsResponse> ItemManager::Achievements(
    const Caller& caller, const v1::ListExemplarAchievementsRequest& request) {
  auto record = ctx_.Exemplar(request.exemplar_id(), "exemplar_id");
  if (!record.ok()) return record.status();
  auto tree = ctx_.nominations.Tree();
  if (!tree.ok()) return tree.status();
  const std::string& agency = record->details().agency_id();
  if (!(*tree)->IsWithin(ctx_.node_agency, agency)) {
    return Status::PermissionDenied("điển hình '" + request.exemplar_id() + "' không thuộc đơn vị của máy chủ này");
  }
  v1::ListExemplarAchievementsResponse response;
  response.set_exemplar_id(record->id());
  response.set_name(record->details().name());
  response.set_state(nv1::NominationState_Name(record->state()));
  for (auto& a : AchievementsOf(*record)) *response.add_achievements() = std::move(a);
  return response;
}

Result<v1::MediaItem> ItemManager::RecordReach(const Caller& caller, v1::RecordReachRequest request) {
  TDKT_RETURN_IF_ERROR(RequireRole(caller, kWriters, "báo cáo lượt tiếp cận"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  TDKT_RETURN_IF_ERROR(CheckDate(request.report_date(), "report_date"));
  const int year = YearOf(request.report_date());
  return Mutate(caller, "RecordReach", request, request.request_id(), request.id(), -1, "reach",
                [&](v1::MediaItem& next, v1::ItemHistoryEntry& entry) {
                  if (next.state() != v1::PUBLISHED && next.state() != v1::RETRACTED) {
                    return Status::FailedPrecondition("chỉ báo cáo lượt tiếp cận cho tác phẩm đã đăng; tác phẩm này " +
                                                      ItemStateLabel(next.state()));
                  }
                  TDKT_RETURN_IF_ERROR(CheckReachForChannel(request.reach(), next.channel(), "reach"));
                  AddReach(request.reach(), next.mutable_reach());
                  const auto& r = request.reach();
                  std::string what = "Ngày " + request.report_date() + ":";
                  if (r.views()) what += " " + std::to_string(r.views()) + " lượt xem";
                  if (r.listeners()) what += " " + std::to_string(r.listeners()) + " người nghe";
                  if (r.viewers()) what += " " + std::to_string(r.viewers()) + " người xem";
                  if (r.broadcasts()) what += " " + std::to_string(r.broadcasts()) + " lần phát";
                  if (r.copies()) what += " " + std::to_string(r.copies()) + " bản in";
                  entry.set_reason(what);
                  return Status::Ok();
                },
                &request.reach(), year);
}

Result<v1::GetItemHistoryResponse> ItemManager::History(const Caller& caller, const v1::GetItemHistoryRequest& request) {
  auto page_size = CheckPageSize(request.page_size(), 100, 500);
  if (!page_size.ok()) return page_size.status();
  auto offset = ParseSequenceToken(request.page_token());
  if (!offset.ok()) return offset.status();
  const int64_t start = request.page_token().empty() ? 0 : *offset;
  auto item = Load(caller, request.id());
  if (!item.ok()) return item.status();
  auto entries = items_.History(request.id(), start, *page_size + 1);
  if (!entries.ok()) return entries.status();
  v1::GetItemHistoryResponse response;
  if (entries->size() > static_cast<size_t>(*page_size)) {
    entries->pop_back();
    response.set_next_page_token(std::to_string(start + *page_size));
  }
  for (auto& e : *entries) *response.add_entries() = std::move(e);
  return response;
}

Result<int> ItemManager::ExemplarWithdrawn(const std::string& exemplar_id, const std::string& reason) {
  const Caller watch{kWatchActor, Role::kNode, ctx_.node_agency};
  int changed = 0;
  int64_t before = 0;
  for (;;) {
    auto ids = items_.Newest(ItemStore::ExemplarIndex(exemplar_id), before, 200);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) break;
    for (const auto& [id, score] : *ids) {
      bool moved = false;
      auto result = Apply(watch, id, -1, "transition", [&](v1::MediaItem& next, v1::ItemHistoryEntry& entry) {
        if (next.state() == v1::RETRACTED) return Status::AlreadyExists("unchanged");
        if (next.state() == v1::PUBLISHED) {
          next.set_state(v1::RETRACTED);
          next.set_state_reason(reason);
        } else {
          if (next.flagged() && next.flag_reason().find(reason) != std::string::npos) {
            return Status::AlreadyExists("unchanged");
          }
          next.set_flag_reason(next.flagged() ? next.flag_reason() + "; " + reason : reason);
          next.set_flagged(true);
          entry.set_action("flag");
        }
        entry.set_reason(reason);
        moved = true;
        return Status::Ok();
      });
      // ALREADY_EXISTS: this change was applied before; nothing is saved.
      if (!result.ok() && result.status().code() != Code::kAlreadyExists) return result.status();
      if (moved) ++changed;
    }
    before = ids->back().second;
    if (ids->size() < 200) break;
  }
  return changed;
}

Status ItemManager::AddYearFigures(const std::string& agency, int year, v1::AgencyMediaFigures* out) {
  auto ids = items_.Between(ItemStore::EverPublishedIndex(agency), YearStart(year), YearStart(year + 1));
  if (!ids.ok()) return ids.status();
  auto items = items_.GetMany(*ids);
  if (!items.ok()) return items.status();
  for (const auto& item : *items) {
    if (item.state() == v1::RETRACTED) {
      out->set_items_retracted(out->items_retracted() + 1);
    } else if (item.state() == v1::PUBLISHED) {
      out->set_items_published(out->items_published() + 1);
      AddKeyCount(out->mutable_published_by_channel(), item.channel(), 1);
      AddKeyCount(out->mutable_published_by_kind(), item.kind(), 1);
    }
  }
  auto reach = items_.YearReach(agency, year);
  if (!reach.ok()) return reach.status();
  out->set_views(out->views() + reach->views());
  out->set_listeners(out->listeners() + reach->listeners());
  out->set_viewers(out->viewers() + reach->viewers());
  out->set_broadcasts(out->broadcasts() + reach->broadcasts());
  out->set_copies(out->copies() + reach->copies());
  return Status::Ok();
}

Result<std::vector<v1::MediaItem>> ItemManager::LatestPublished(const std::string& agency, int limit) {
  limit = std::clamp(limit, 1, 500);
  auto ids = items_.Newest(ItemStore::PublishedIndex(agency), 0, limit);
  if (!ids.ok()) return ids.status();
  std::vector<std::string> keys;
  for (const auto& [id, score] : *ids) keys.push_back(id);
  auto items = items_.GetMany(keys);
  if (!items.ok()) return items.status();
  std::vector<v1::MediaItem> out;
  for (auto& item : *items) {
    if (item.state() == v1::PUBLISHED) out.push_back(std::move(item));
  }
  return out;
}

Result<std::vector<v1::MediaItem>> ItemManager::PublishedInYear(const std::string& agency, int year) {
  auto ids = items_.Between(ItemStore::PublishedIndex(agency), YearStart(year), YearStart(year + 1));
  if (!ids.ok()) return ids.status();
  auto items = items_.GetMany(*ids);
  if (!items.ok()) return items.status();
  std::vector<v1::MediaItem> out;
  for (auto& item : *items) {
    if (item.state() == v1::PUBLISHED) out.push_back(std::move(item));
  }
  return out;
}

}  // namespace tdkt::campaign_media
