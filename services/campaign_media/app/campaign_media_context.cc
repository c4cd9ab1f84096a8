#include "services/campaign_media/app/campaign_media_context.h"

#include <set>

#include "common/access.h"
#include "common/vn_time.h"

namespace tdkt::campaign_media {
namespace {
constexpr char kAgenciesKey[] = "cm:agencies";
}  // namespace

google::protobuf::Timestamp CampaignMediaContext::Now() const {
  google::protobuf::Timestamp t;
  t.set_seconds(clock.NowSeconds());
  return t;
}

std::string CampaignMediaContext::Today() const { return FormatVietnamTime(clock.NowSeconds(), "%Y-%m-%d"); }

Result<std::shared_ptr<const AgencyTree>> CampaignMediaContext::TreeFor(const Caller& caller, const std::string& agency,
    const char* field) {
  auto tree = nominations.Tree();
  if (!tree.ok()) return tree.status();
  TDKT_RETURN_IF_ERROR(RequireAgencyInScope(caller, **tree, node_agency, agency, field));
  return *tree;
}

Status CampaignMediaContext::RememberAgency(const std::string& agency) {
  auto reply = redis.Command({"SADD", kAgenciesKey, agency});
  return reply.ok() ? Status::Ok() : reply.status();
}

Result<std::vector<std::string>> CampaignMediaContext::KnownAgencies() {
  auto reply = redis.Command({"SMEMBERS", kAgenciesKey});
  if (!reply.ok()) return reply.status();
  std::vector<std::string> out;
  for (const auto& element : reply->elements) out.push_back(element.str);
  return out;
}

Result<nv1::Nomination> CampaignMediaContext::Exemplar(const std::string& id, const std::string& field) {
  if (id.empty() || id.size() > 64) return Status::InvalidArgument(field, "cần mã hồ sơ điển hình (vd. nom-56-3)");
  auto record = nominations.Get(id);
  if (!record.ok()) {
    if (record.status().code() == Code::kNotFound || record.status().code() == Code::kInvalidArgument) {
      return Status::InvalidArgument(field, "không có hồ sơ điển hình '" + id + "'");
    }
    return record.status();
  }
  return record;
}

bool IsRecognised(const nv1::Nomination& record) {
  if (record.state() == nv1::RECOGNISED || record.state() == nv1::REPLICATING) return true;
  return record.state() == nv1::PROPOSED && record.upward().state() == nv1::UpwardStatus::RECOGNISED;
}

Status RequireRecognisedExemplars(CampaignMediaContext& ctx, const google::protobuf::RepeatedPtrField<std::string>& ids,
                                  const std::string& field) {
  std::set<std::string> seen;
  for (int i = 0; i < ids.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (!seen.insert(ids[i]).second) return Status::InvalidArgument(at, "điển hình '" + ids[i] + "' bị lặp");
    auto record = ctx.Exemplar(ids[i], at);
    if (!record.ok()) return record.status();
    if (!IsRecognised(*record)) {
      return Status::InvalidArgument(at, "'" + record->details().name() + "' (" + ids[i] +
                                             ") chưa được công nhận là điển hình (trạng thái " +
                                             nv1::NominationState_Name(record->state()) +
                                             "); chỉ điển hình đã được công nhận mới được giới thiệu là điển hình");
    }
  }
  return Status::Ok();
}

Status CheckDate(const std::string& date, const std::string& field) {
  if (!IsIsoDate(date) || YearOf(date) < 2000 || YearOf(date) > 2100) {
    return Status::InvalidArgument(field, "ngày phải viết YYYY-MM-DD (vd. 2026-06-11), từ năm 2000 đến 2100");
  }
  return Status::Ok();
}

int YearOf(const std::string& date) { return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0; }

}  // namespace tdkt::campaign_media
