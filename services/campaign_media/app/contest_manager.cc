#include "services/campaign_media/app/contest_manager.h"

#include <algorithm>
#include <set>

#include "common/access.h"
#include "common/page_request.h"
#include "common/request_fingerprint.h"
#include "services/campaign_media/domain/contest_rules.h"

namespace tdkt::campaign_media {

namespace {

// Organisers: the agency's emulation officers, media editors and admins.
Status RequireOrganiser(const Caller& caller, const char* action) {
  return RequireRole(caller, {Role::kOfficer, Role::kMediaEditor, Role::kAdmin}, action);
}

std::string DeadlineText(const std::string& date) {
  return "23:59 ngày " + date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4);
}

bool IsJuror(const cv1::Contest& contest, const std::string& subject) {
  return std::find(contest.jury().begin(), contest.jury().end(), subject) != contest.jury().end();
}

}  // namespace

Result<cv1::Contest> ContestManager::Readable(const Caller& caller, const std::string& id, const char* field) {
  if (id.empty() || id.size() > 80) return Status::InvalidArgument(field, "cần mã cuộc thi (vd. contest-56-1)");
  auto contest = contests_.Get(id);
  if (!contest.ok()) {
    if (contest.status().code() == Code::kNotFound) {
      return Status::InvalidArgument(field, "không có cuộc thi mã '" + id + "'");
    }
    return contest.status();
  }
  auto tree = ctx_.TreeFor(caller, contest->agency_id(), field);
  if (!tree.ok()) return tree.status();
  return contest;
}

Result<cv1::Contest> ContestManager::Create(const Caller& caller, const cv1::CreateContestRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireOrganiser(caller, "organise a contest"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  cv1::Contest contest = request.contest();
  contest.clear_id();
  contest.clear_version();
  contest.clear_created_at();
  contest.clear_created_by();
  contest.set_state(cv1::OPEN);
  if (contest.agency_id().empty()) contest.set_agency_id(caller.agency);
  TDKT_RETURN_IF_ERROR(NormalizeContest(contest));
  auto tree = ctx_.TreeFor(caller, contest.agency_id(), "contest.agency_id");
  if (!tree.ok()) return tree.status();
  return RunOnceAtomic<cv1::Contest>(ctx_.memo, caller.subject, "CreateContest", request.request_id(), request,
                               [&](const MemoWriter& memo) -> Result<cv1::Contest> {
                                 auto id = contests_.NewContestId(contest.agency_id());
                                 if (!id.ok()) return id.status();
                                 contest.set_id(*id);
                                 *contest.mutable_created_at() = ctx_.Now();
                                 contest.set_created_by(caller.subject);
                                 TDKT_RETURN_IF_ERROR(ctx_.RememberAgency(contest.agency_id()));
                                 TDKT_RETURN_IF_ERROR(contests_.Create(contest, memo));
                                 return contest;
                               });
}

Result<cv1::Contest> ContestManager::Get(const Caller& caller, const cv1::GetContestRequest& request) {
  return Readable(caller, request.id(), "id");
}

Result<cv1::ListContestsResponse> ContestManager::List(const Caller& caller, const cv1::ListContestsRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  auto before = ParseSequenceToken(request.page_token());
  if (!before.ok()) return before.status();
  const std::string agency = request.agency_id().empty() ? caller.agency : request.agency_id();
  auto tree = ctx_.TreeFor(caller, agency, "agency_id");
  if (!tree.ok()) return tree.status();
  std::vector<int64_t> cursors;
  auto contests = contests_.ListByAgency(agency, *before, *size + 1, &cursors);
  if (!contests.ok()) return contests.status();
  cv1::ListContestsResponse out;
  for (int i = 0; i < static_cast<int>(contests->size()) && i < *size; ++i) *out.add_contests() = (*contests)[i];
  if (static_cast<int>(contests->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

Result<cv1::ContestEntry> ContestManager::Submit(const Caller& caller, const cv1::SubmitEntryRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireOrganiser(caller, "submit a contest entry"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  auto contest = Readable(caller, request.entry().contest_id(), "entry.contest_id");
  if (!contest.ok()) return contest.status();
  cv1::ContestEntry entry = request.entry();
  entry.clear_id();
  entry.clear_submitted_at();
  TDKT_RETURN_IF_ERROR(NormalizeEntry(entry));
  std::set<std::string> seen;
  for (int i = 0; i < entry.exemplar_ids_size(); ++i) {
    const std::string at = "entry.exemplar_ids[" + std::to_string(i) + "]";
    if (!seen.insert(entry.exemplar_ids(i)).second) {
      return Status::InvalidArgument(at, "điển hình '" + entry.exemplar_ids(i) + "' bị lặp");
    }
    auto record = ctx_.Exemplar(entry.exemplar_ids(i), at);
    if (!record.ok()) return record.status();
  }
  return RunOnceAtomic<cv1::ContestEntry>(
      ctx_.memo, caller.subject, "SubmitEntry", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<cv1::ContestEntry> {
        // Checked here so that a retry of an entry taken in time still gets its answer.
        if (contest->state() == cv1::CLOSED) {
          return Status::InvalidArgument("entry.contest_id", "cuộc thi đã kết thúc, không nhận thêm bài dự thi");
        }
        if (ctx_.clock.NowSeconds() >= EntriesCloseAt(contest->entry_deadline())) {
          return Status::InvalidArgument("entry.contest_id", "đã hết hạn nhận bài dự thi (hạn " +
                                                                 DeadlineText(contest->entry_deadline()) + ")");
        }
        *entry.mutable_submitted_at() = ctx_.Now();
        TDKT_RETURN_IF_ERROR(contests_.AddEntry(entry, memo));
        return entry;
      });
}

Result<cv1::ListEntriesResponse> ContestManager::ListEntries(const Caller& caller,
                                                             const cv1::ListEntriesRequest& request) {
  auto size = CheckPageSize(request.page_size(), 50, 200);
  if (!size.ok()) return size.status();
  int64_t after = 0;
  if (!request.page_token().empty()) {
    auto token = ParseSequenceToken(request.page_token());
    if (!token.ok()) return token.status();
    after = *token;
  }
  auto contest = Readable(caller, request.contest_id(), "contest_id");
  if (!contest.ok()) return contest.status();
  std::vector<int64_t> cursors;
  auto entries = contests_.Entries(contest->id(), after, *size + 1, &cursors);
  if (!entries.ok()) return entries.status();
  cv1::ListEntriesResponse out;
  for (int i = 0; i < static_cast<int>(entries->size()) && i < *size; ++i) *out.add_entries() = (*entries)[i];
  if (static_cast<int>(entries->size()) > *size) out.set_next_page_token(std::to_string(cursors[*size - 1]));
  return out;
}

Result<cv1::ScoreEntryResponse> ContestManager::Score(const Caller& caller, const cv1::ScoreEntryRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  auto contest = Readable(caller, request.contest_id(), "contest_id");
  if (!contest.ok()) return contest.status();
  // Any role may sit on a jury; only those named in it score.
  if (!IsJuror(*contest, caller.subject)) {
    return Status::PermissionDenied("only the contest's jurors may score its entries");
  }
  if (request.entry_id().empty()) return Status::InvalidArgument("entry_id", "cần mã bài dự thi");
  auto entry = contests_.GetEntry(request.entry_id());
  if (!entry.ok() && entry.status().code() != Code::kNotFound) return entry.status();
  if (!entry.ok() || entry->contest_id() != contest->id()) {
    return Status::InvalidArgument("entry_id", "cuộc thi không có bài dự thi '" + request.entry_id().substr(0, 80) + "'");
  }
  const scoring::Sheet sheet = SheetOf(request.scores());
  TDKT_RETURN_IF_ERROR(CheckJurorSheet(*contest, sheet));
  return RunOnceAtomic<cv1::ScoreEntryResponse>(
      ctx_.memo, caller.subject, "ScoreEntry", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<cv1::ScoreEntryResponse> {
        if (contest->state() == cv1::CLOSED) return Status::FailedPrecondition("cuộc thi đã kết thúc; điểm đã chốt");
        if (ctx_.clock.NowSeconds() < EntriesCloseAt(contest->entry_deadline())) {
          return Status::FailedPrecondition("chưa hết hạn nhận bài (hạn " + DeadlineText(contest->entry_deadline()) +
                                            "); ban giám khảo chấm sau hạn");
        }
        cv1::ScoreEntryResponse out;
        out.set_contest_id(contest->id());
        out.set_entry_id(entry->id());
        out.set_juror(caller.subject);
        out.set_weighted_total(scoring::WeightedTotal(sheet, RubricOf(*contest)));
        cv1::ScoreEntryRequest stored = request;
        stored.clear_request_id();
        auto put = contests_.PutSheet(stored, caller.subject, memo.For(out));
        if (!put.ok()) return put.status();
        if (!*put) return Status::FailedPrecondition("cuộc thi đã kết thúc; điểm đã chốt");
        return out;
      });
}

Result<cv1::GetResultsResponse> ContestManager::Compute(const cv1::Contest& contest) {
  std::vector<cv1::ContestEntry> entries;
  int64_t after = 0;
  while (true) {
    std::vector<int64_t> cursors;
    auto page = contests_.Entries(contest.id(), after, 500, &cursors);
    if (!page.ok()) return page.status();
    for (auto& e : *page) entries.push_back(std::move(e));
    if (cursors.size() < 500) break;
    after = cursors.back();
  }
  auto stored = contests_.Sheets(contest.id());
  if (!stored.ok()) return stored.status();
  scoring::Sheets sheets;
  for (const auto& [entry, by_juror] : *stored) {
    for (const auto& [juror, sheet] : by_juror) {
      if (IsJuror(contest, juror)) sheets[entry][juror] = SheetOf(sheet.scores());
    }
  }
  cv1::GetResultsResponse out;
  *out.mutable_contest() = contest;
  for (auto& r : RankEntries(contest, entries, sheets)) *out.add_results() = std::move(r);
  return out;
}

Result<cv1::GetResultsResponse> ContestManager::Results(const Caller& caller, const cv1::GetResultsRequest& request) {
  auto contest = Readable(caller, request.contest_id(), "contest_id");
  if (!contest.ok()) return contest.status();
  if (contest->state() == cv1::CLOSED) {
    auto fixed = contests_.GetResults(contest->id());
    if (fixed.ok() || fixed.status().code() != Code::kNotFound) return fixed;
    // Closed but the fixed copy was not written: the sheets are frozen, so
    // computing them again gives the same ranking.
  }
  return Compute(*contest);
}

Result<cv1::GetResultsResponse> ContestManager::Close(const Caller& caller, const cv1::CloseContestRequest& request) {
  TDKT_RETURN_IF_ERROR(RequireOrganiser(caller, "close a contest"));
  TDKT_RETURN_IF_ERROR(RequireRequestId(request.request_id()));
  auto contest = Readable(caller, request.contest_id(), "contest_id");
  if (!contest.ok()) return contest.status();
  return RunOnceAtomic<cv1::GetResultsResponse>(
      ctx_.memo, caller.subject, "CloseContest", request.request_id(), request,
      [&](const MemoWriter& memo) -> Result<cv1::GetResultsResponse> {
        if (contest->state() == cv1::CLOSED) return Status::FailedPrecondition("cuộc thi đã kết thúc");
        if (request.expected_version() != contest->version()) {
          return Status::Aborted("cuộc thi vừa được thay đổi (phiên bản " + std::to_string(contest->version()) +
                                 "); đọc lại rồi thử lại");
        }
        if (ctx_.clock.NowSeconds() < EntriesCloseAt(contest->entry_deadline())) {
          return Status::FailedPrecondition("chưa hết hạn nhận bài (hạn " + DeadlineText(contest->entry_deadline()) +
                                            "); chỉ kết thúc cuộc thi sau hạn");
        }
        // The marker freezes the sheets, so the ranking computed now is final;
        // the CLOSED record, the results and the answer are then one step.
        TDKT_RETURN_IF_ERROR(contests_.MarkClosing(contest->id()));
        cv1::Contest closed = *contest;
        closed.set_state(cv1::CLOSED);
        closed.set_version(contest->version() + 1);
        auto results = Compute(closed);
        Status stored = results.ok() ? contests_.Close(closed, contest->version(), *results, memo.For(*results))
                                     : results.status();
        if (!stored.ok()) {
          (void)contests_.UnmarkClosing(contest->id());
          return stored;
        }
        return results;
      });
}

Status ContestManager::AddYearFigures(const std::string& agency, int year,
                                      ::tdkt::campaign_media::v1::AgencyMediaFigures* out) {
  int64_t before = 0;
  while (true) {
    std::vector<int64_t> cursors;
    auto page = contests_.ListByAgency(agency, before, 200, &cursors);
    if (!page.ok()) return page.status();
    for (const cv1::Contest& c : *page) {
      if (YearOf(c.entry_deadline()) != year) continue;
      auto entries = contests_.EntryCount(c.id());
      if (!entries.ok()) return entries.status();
      out->set_contests(out->contests() + 1);
      out->set_contest_entries(out->contest_entries() + *entries);
    }
    if (cursors.size() < 200) return Status::Ok();
    before = cursors.back();
  }
}

}  // namespace tdkt::campaign_media
