#include "services/reporting/domain/report_rules.h"

#include <algorithm>
#include <ctime>
#include <deque>
#include <functional>
#include <set>
#include <unordered_map>


#include "common/vn_time.h"
#include "services/campaign_media/domain/channels.h"

namespace tdkt::reporting {

namespace nv1 = ::tdkt::nomination::v1;
namespace pb = ::google::protobuf;  // RepeatedPtrField

Status CheckYear(int year, const char* field) {
  if (year < kMinYear || year > kMaxYear) {
    return Status::InvalidArgument(field, "năm báo cáo phải từ " + std::to_string(kMinYear) + " đến " +
                                              std::to_string(kMaxYear) + " (year must be 2000..2100)");
  }
  return Status::Ok();
}

namespace {

int YearOfDate(const std::string& date) {
  if (date.size() < 4) return 0;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    year = year * 10 + (date[i] - '0');
  }
  return year;
}

void Add(std::map<std::string, int64_t>& into, const std::map<std::string, int64_t>& from, const AgencyTree* tree) {
  for (const auto& [k, v] : from) into[tree ? tree->Successor(k) : k] += v;
}

std::string StateLabel(const std::string& s) {
  static const std::map<std::string, std::string> labels = {
      {"DISCOVERED", "Phát hiện"},   {"FOSTERING", "Bồi dưỡng"},     {"SUBMITTED", "Trình Hội đồng"},
      {"RECOGNISED", "Công nhận"},   {"RETURNED", "Trả lại"},        {"REJECTED", "Không công nhận"},
      {"PROPOSED", "Đề nghị cấp trên"}, {"REPLICATING", "Nhân rộng"}, {"WITHDRAWN", "Rút hồ sơ"},
      {"REVOKED", "Thu hồi"}};
  auto it = labels.find(s);
  return it == labels.end() ? s : it->second;
}

std::string KindLabel(const std::string& k) {
  if (k == "INDIVIDUAL") return "Cá nhân";
  if (k == "COLLECTIVE") return "Tập thể";
  if (k == "HOUSEHOLD") return "Hộ gia đình";
  return k;
}

void ToCounts(const std::map<std::string, int64_t>& m, pb::RepeatedPtrField<rv1::Count>* out,
              const std::function<std::string(const std::string&)>& label) {
  for (const auto& [k, v] : m) {
    auto* c = out->Add();
    c->set_key(k);
    c->set_label(label(k));
    c->set_count(v);
  }
}

std::map<std::string, int64_t> FromCounts(const pb::RepeatedPtrField<rv1::Count>& counts) {
  std::map<std::string, int64_t> m;
  for (const auto& c : counts) m[c.key()] += c.count();
  return m;
}

constexpr char kMediaUnreachable[] =
    "Không lấy được số liệu tuyên truyền: dịch vụ campaign-media không trả lời (campaign-media unreachable)";

}  // namespace

void MediaFigures::AddRow(const cmv1::AgencyMediaFigures& r) {
  campaigns += r.campaigns();
  campaign_budget_vnd += r.campaign_budget_vnd();
  items_published += r.items_published();
  items_retracted += r.items_retracted();
  for (const auto& c : r.published_by_channel()) by_channel[c.key()] += c.count();
  for (const auto& c : r.published_by_kind()) by_kind[c.key()] += c.count();
  views += r.views();
  listeners += r.listeners();
  viewers += r.viewers();
  broadcasts += r.broadcasts();
  copies += r.copies();
  contests += r.contests();
  contest_entries += r.contest_entries();
  exchange_events += r.exchange_events();
  honouring_events += r.honouring_events();
  event_attendance += r.event_attendance();
  replications += r.replications();
  if (r.exchange_events() != 0) exchange_by_agency[r.agency_id()] += r.exchange_events();
}

void MediaFigures::Add(const MediaFigures& o, const AgencyTree* tree) {
  campaigns += o.campaigns;
  campaign_budget_vnd += o.campaign_budget_vnd;
  items_published += o.items_published;
  items_retracted += o.items_retracted;
  tdkt::reporting::Add(by_channel, o.by_channel, nullptr);
  tdkt::reporting::Add(by_kind, o.by_kind, nullptr);
  views += o.views;
  listeners += o.listeners;
  viewers += o.viewers;
  broadcasts += o.broadcasts;
  copies += o.copies;
  contests += o.contests;
  contest_entries += o.contest_entries;
  exchange_events += o.exchange_events;
  honouring_events += o.honouring_events;
  event_attendance += o.event_attendance;
  replications += o.replications;
  tdkt::reporting::Add(exchange_by_agency, o.exchange_by_agency, tree);
}

RecordFacts FactsOf(const nv1::Nomination& r) {
  RecordFacts f;
  f.id = r.id();
  f.agency = r.current_agency_id().empty() ? r.details().agency_id() : r.current_agency_id();
  f.kind = nv1::NominationKind_Name(r.details().kind());
  f.state = nv1::NominationState_Name(r.state());
  f.fields.assign(r.details().fields().begin(), r.details().fields().end());
  if (r.details().has_discovered_at()) f.discovered_year = VietnamYear(r.details().discovered_at().seconds());
  else if (r.has_created_at()) f.discovered_year = VietnamYear(r.created_at().seconds());
  f.recognised_year = YearOfDate(r.recognition().decision_date());
  f.form = !r.recognition().title_code().empty() ? r.recognition().title_code() : r.recognition().form();
  if (r.has_origin()) {
    f.received = true;
    f.origin_agency = r.origin().child_agency();
  }
  if (r.has_upward() && r.upward().state() != nv1::UpwardStatus::UPWARD_UNSPECIFIED) {
    // The parent's own decision travels on the upward status: it is an
    // outcome of this node's proposal, never this node's recognition.
    f.upward_state = nv1::UpwardStatus::State_Name(r.upward().state());
  }
  return f;
}

bool CountsForYear(const RecordFacts& f, int year) {
  return f.discovered_year == year || f.recognised_year == year;
}

void Figures::Merge(const Figures& o, const AgencyTree& tree) {
  exemplars += o.exemplars;
  Add(by_state, o.by_state, nullptr);
  Add(by_field, o.by_field, nullptr);
  Add(by_kind, o.by_kind, nullptr);
  Add(by_agency, o.by_agency, &tree);
  recognitions += o.recognitions;
  Add(by_form, o.by_form, nullptr);
  Add(recognised_by_agency, o.recognised_by_agency, &tree);
  proposals.set_sent(proposals.sent() + o.proposals.sent());
  proposals.set_pending(proposals.pending() + o.proposals.pending());
  proposals.set_recognised(proposals.recognised() + o.proposals.recognised());
  proposals.set_returned(proposals.returned() + o.proposals.returned());
  proposals.set_rejected(proposals.rejected() + o.proposals.rejected());
  proposals.set_undelivered(proposals.undelivered() + o.proposals.undelivered());
  received += o.received;
  received_recognised += o.received_recognised;
  received_pending += o.received_pending;
  received_not_recognised += o.received_not_recognised;
  Add(received_by_child, o.received_by_child, &tree);
  inspections += o.inspections;
  inspections_with_findings += o.inspections_with_findings;
  for (const auto& i : o.inspection_items) {
    if (inspection_items.size() < 200) inspection_items.push_back(i);
  }
  trainings += o.trainings;
  participants += o.participants;
  commendation_participants += o.commendation_participants;
  media_participants += o.media_participants;
  budget_planned += o.budget_planned;
  budget_spent += o.budget_spent;
  budget_records += o.budget_records;
  media_available = media_available && o.media_available;
  for (const auto& n : o.media_notes) {
    if (media_notes.size() < 20 && std::find(media_notes.begin(), media_notes.end(), n) == media_notes.end()) {
      media_notes.push_back(n);
    }
  }
  media.Add(o.media, &tree);
}

Figures Aggregate(const std::vector<RecordFacts>& records, const Activities& activities, int year) {
  Figures g;
  for (const auto& f : records) {
    if (!CountsForYear(f, year)) continue;
    if (f.received) {
      // A child's exemplar: the child's report counts it among its own, so
      // here it is only a received proposal. What this node then decided
      // about it (recognised, proposed further up) is this node's own act
      // and is counted below like any other decision.
      ++g.received;
      ++g.received_by_child[f.origin_agency.empty() ? f.agency : f.origin_agency];
      if (f.state == "RECOGNISED" || f.state == "REPLICATING") ++g.received_recognised;
      else if (f.state == "RETURNED" || f.state == "REJECTED" || f.state == "WITHDRAWN") ++g.received_not_recognised;
      else ++g.received_pending;
    } else {
      ++g.exemplars;
      ++g.by_state[f.state];
      for (const auto& field : f.fields) ++g.by_field[field];
      ++g.by_kind[f.kind];
      ++g.by_agency[f.agency];
    }
    if (f.recognised_year == year && f.state != "REVOKED" && (f.state == "RECOGNISED" || f.state == "REPLICATING")) {
      ++g.recognitions;
      ++g.by_form[f.form.empty() ? "khac" : f.form];
      ++g.recognised_by_agency[f.agency];
    }
    if (!f.upward_state.empty() || f.state == "PROPOSED") {
      auto& p = g.proposals;
      p.set_sent(p.sent() + 1);
      const std::string& u = f.upward_state;
      if (u == "RECOGNISED") p.set_recognised(p.recognised() + 1);
      else if (u == "RETURNED") p.set_returned(p.returned() + 1);
      else if (u == "REJECTED") p.set_rejected(p.rejected() + 1);
      else if (u == "DEAD_LETTER") p.set_undelivered(p.undelivered() + 1);
      else p.set_pending(p.pending() + 1);
    }
  }
  for (const auto& i : activities.inspections) {
    ++g.inspections;
    if (!i.findings().empty()) ++g.inspections_with_findings;
    if (g.inspection_items.size() < 200) g.inspection_items.push_back(i);
  }
  for (const auto& t : activities.trainings) {
    ++g.trainings;
    g.participants += t.participants();
    if (t.audience() == rv1::COMMENDATION_STAFF) g.commendation_participants += t.participants();
    if (t.audience() == rv1::MEDIA_STAFF) g.media_participants += t.participants();
  }
  for (const auto& b : activities.budgets) {
    g.budget_planned += b.planned();
    g.budget_spent += b.spent();
    ++g.budget_records;
  }
  g.media_available = activities.media.available;
  if (!activities.media.available) {
    g.media_notes.push_back(activities.media.note.empty() ? kMediaUnreachable : activities.media.note);
  }
  for (const auto& row : activities.media.rows) g.media.AddRow(row);
  return g;
}

Figures FiguresOf(const rv1::YearlyReport& r) {
  Figures g;
  g.exemplars = r.exemplars();
  g.by_state = FromCounts(r.by_state());
  g.by_field = FromCounts(r.by_field());
  g.by_kind = FromCounts(r.by_kind());
  g.by_agency = FromCounts(r.by_agency());
  g.recognitions = r.recognitions();
  g.by_form = FromCounts(r.by_form());
  g.recognised_by_agency = FromCounts(r.recognised_by_agency());
  g.proposals = r.proposals();
  g.received = r.received().received();
  g.received_recognised = r.received().recognised();
  g.received_pending = r.received().pending();
  g.received_not_recognised = r.received().not_recognised();
  g.received_by_child = FromCounts(r.received().by_child());
  g.inspections = r.inspections().inspections();
  g.inspections_with_findings = r.inspections().with_findings();
  g.inspection_items.assign(r.inspections().items().begin(), r.inspections().items().end());
  g.trainings = r.trainings().trainings();
  g.participants = r.trainings().participants();
  g.commendation_participants = r.trainings().commendation_staff_participants();
  g.media_participants = r.trainings().media_staff_participants();
  g.budget_planned = r.budget().planned();
  g.budget_spent = r.budget().spent();
  g.budget_records = r.budget().records();
  const auto& m = r.media();
  g.media_available = m.available();
  if (!m.note().empty()) g.media_notes.push_back(r.agency_name() + ": " + m.note());
  auto& f = g.media;
  f.campaigns = m.campaigns();
  f.campaign_budget_vnd = m.campaign_budget_vnd();
  f.items_published = m.articles();
  f.items_retracted = m.items_retracted();
  f.by_channel = FromCounts(m.published_by_channel());
  f.by_kind = FromCounts(m.published_by_kind());
  f.views = m.views();
  f.listeners = m.listeners();
  f.viewers = m.viewers();
  f.broadcasts = m.broadcasts();
  f.copies = m.copies();
  f.contests = m.contests();
  f.contest_entries = m.contest_entries();
  f.exchange_events = m.exchange_events();
  f.honouring_events = m.honouring_events();
  f.event_attendance = m.event_attendance();
  f.replications = m.replications();
  f.exchange_by_agency = FromCounts(m.exchange_events_by_agency());
  return g;
}

// ---- Quotas ----

std::string PlanPeriodOf(int year) {
  // Five-year plans 2021-2025, 2026-2030, ...
  int start = 2021 + ((year - 2021) / 5) * 5;
  if (year < 2021) start = 2021 - ((2021 - year + 4) / 5) * 5;
  return std::to_string(start) + "-" + std::to_string(start + 4);
}

rv1::QuotaRules DefaultQuotaRules(const std::string& plan_period) {
  rv1::QuotaRules rules;
  rules.set_plan_period(plan_period);
  auto add = [&](std::vector<std::string> kinds, int n, const char* source) {
    auto* r = rules.add_rules();
    for (auto& k : kinds) r->add_kinds(k);
    r->set_exemplars_per_year(n);
    r->set_exchange_events_per_year(1);
    r->set_source(source);
  };
  add({"Tỉnh", "Thành phố Trung ương"}, 15, "Cấp tỉnh: 15 điển hình/năm");
  add({"Huyện", "Quận", "Thị xã", "Thành phố"}, 5, "Cấp huyện, thành phố: 5 điển hình/năm");
  add({"Xã", "Phường", "Thị trấn", "Đặc khu"}, 2, "Cấp xã, phường, thị trấn: 2 điển hình/năm");
  add({"Sở", "Ban", "Ngành", "Sở, ban, ngành", "Mặt trận Tổ quốc", "Đoàn thể", "Tổ chức chính trị - xã hội"}, 10,
      "Sở, ban, ngành, Mặt trận Tổ quốc, đoàn thể cấp tỉnh: 10 điển hình/năm");
  // Units under departments, departments of the People's Committee and
  // offices of a department: 1 (offices 1 to 2, the minimum is the target).
  rules.set_default_exemplars_per_year(1);
  rules.set_default_exchange_events_per_year(1);
  return rules;
}

Status CheckQuotaRules(const rv1::QuotaRules& rules) {
  const std::string& p = rules.plan_period();
  auto digits = [&](size_t from) {
    for (size_t i = from; i < from + 4; ++i)
      if (p[i] < '0' || p[i] > '9') return false;
    return true;
  };
  if (p.size() != 9 || p[4] != '-' || !digits(0) || !digits(5) || std::stoi(p.substr(0, 4)) > std::stoi(p.substr(5))) {
    return Status::InvalidArgument("rules.plan_period", "kỳ kế hoạch phải viết YYYY-YYYY, ví dụ 2026-2030");
  }
  if (rules.default_exemplars_per_year() < 0 || rules.default_exemplars_per_year() > 1000) {
    return Status::InvalidArgument("rules.default_exemplars_per_year", "chỉ tiêu phải từ 0 đến 1000");
  }
  if (rules.default_exchange_events_per_year() < 0 || rules.default_exchange_events_per_year() > 100) {
    return Status::InvalidArgument("rules.default_exchange_events_per_year", "số buổi giao lưu phải từ 0 đến 100");
  }
  std::set<std::string> seen;
  for (int i = 0; i < rules.rules_size(); ++i) {
    const auto& r = rules.rules(i);
    const std::string at = "rules.rules[" + std::to_string(i) + "]";
    if (r.kinds().empty()) return Status::InvalidArgument(at + ".kinds", "cần ít nhất một loại đơn vị");
    for (const auto& k : r.kinds()) {
      if (k.empty()) return Status::InvalidArgument(at + ".kinds", "loại đơn vị không được để trống");
      if (!seen.insert(k).second) return Status::InvalidArgument(at + ".kinds", "loại đơn vị '" + k + "' lặp lại");
    }
    if (r.exemplars_per_year() < 0 || r.exemplars_per_year() > 1000) {
      return Status::InvalidArgument(at + ".exemplars_per_year", "chỉ tiêu phải từ 0 đến 1000");
    }
    if (r.exchange_events_per_year() < 0 || r.exchange_events_per_year() > 100) {
      return Status::InvalidArgument(at + ".exchange_events_per_year", "số buổi giao lưu phải từ 0 đến 100");
    }
  }
  return Status::Ok();
}

std::vector<rv1::QuotaLine> ComputeQuotas(const AgencyTree& tree, const std::string& root,
                                          const std::map<std::string, int64_t>& recognised_by_agency,
                                          const rv1::QuotaRules& rules, bool* truncated,
                                          const std::map<std::string, int64_t>* exchange_by_agency) {
  std::unordered_map<std::string, const rv1::QuotaRule*> by_kind;
  for (const auto& r : rules.rules())
    for (const auto& k : r.kinds()) by_kind[k] = &r;
  // Actual: each recognition (exchange event) adds to its unit and every
  // ancestor up to the root.
  auto up = [&](const std::map<std::string, int64_t>& by_agency) {
    std::unordered_map<std::string, int64_t> actual;
    for (const auto& [agency, n] : by_agency) {
      std::string u = tree.Successor(agency);
      for (int guard = 0; !u.empty() && guard < 64; ++guard) {
        actual[u] += n;
        if (u == root) break;
        const AgencyUnit* unit = tree.Find(u);
        if (!unit) break;
        u = unit->parent_id;
      }
    }
    return actual;
  };
  const auto actual = up(recognised_by_agency);
  const auto exchange_actual = exchange_by_agency ? up(*exchange_by_agency) : decltype(actual){};
  std::vector<rv1::QuotaLine> lines;
  if (truncated) *truncated = false;
  const int root_depth = tree.Depth(root);
  for (const auto& id : tree.Subtree(root)) {
    const AgencyUnit* unit = tree.Find(id);
    if (!unit || !unit->merged_into.empty()) continue;  // Counted under its successor.
    if (lines.size() >= kMaxQuotaLines) {
      if (truncated) *truncated = true;
      break;
    }
    rv1::QuotaLine line;
    line.set_agency_id(id);
    line.set_name(unit->name);
    line.set_kind(unit->kind);
    line.set_depth(tree.Depth(id) - root_depth);
    auto it = by_kind.find(unit->kind);
    const int64_t target = it != by_kind.end() ? it->second->exemplars_per_year() : rules.default_exemplars_per_year();
    line.set_target(target);
    line.set_exchange_events_target(it != by_kind.end() ? it->second->exchange_events_per_year()
                                                        : rules.default_exchange_events_per_year());
    auto a = actual.find(id);
    line.set_actual(a == actual.end() ? 0 : a->second);
    line.set_gap(std::max<int64_t>(0, target - line.actual()));
    auto e = exchange_actual.find(id);
    line.set_exchange_events_actual(e == exchange_actual.end() ? 0 : e->second);
    line.set_exchange_events_gap(std::max<int64_t>(0, line.exchange_events_target() - line.exchange_events_actual()));
    lines.push_back(std::move(line));
  }
  return lines;
}

rv1::YearlyReport ToReport(const Figures& g, const AgencyTree& tree, const std::string& agency, int year,
                           const rv1::QuotaRules& rules, int64_t now_ms) {
  rv1::YearlyReport r;
  r.set_agency_id(agency);
  const AgencyUnit* unit = tree.Find(agency);
  r.set_agency_name(unit ? unit->name : agency);
  r.set_year(year);
  r.set_built_at_unix_ms(now_ms);
  r.set_exemplars(g.exemplars);
  auto same = [](const std::string& k) { return k; };
  auto unit_name = [&](const std::string& k) {
    const AgencyUnit* u = tree.Find(k);
    return u ? u->name : k;
  };
  ToCounts(g.by_state, r.mutable_by_state(), StateLabel);
  ToCounts(g.by_field, r.mutable_by_field(), same);
  ToCounts(g.by_kind, r.mutable_by_kind(), KindLabel);
  ToCounts(g.by_agency, r.mutable_by_agency(), unit_name);
  r.set_recognitions(g.recognitions);
  ToCounts(g.by_form, r.mutable_by_form(), same);
  ToCounts(g.recognised_by_agency, r.mutable_recognised_by_agency(), unit_name);
  *r.mutable_proposals() = g.proposals;
  auto* rec = r.mutable_received();
  rec->set_received(g.received);
  rec->set_recognised(g.received_recognised);
  rec->set_pending(g.received_pending);
  rec->set_not_recognised(g.received_not_recognised);
  ToCounts(g.received_by_child, rec->mutable_by_child(), unit_name);
  bool truncated = false;
  for (auto& line : ComputeQuotas(tree, agency, g.recognised_by_agency, rules, &truncated,
                                  &g.media.exchange_by_agency)) {
    *r.add_quotas() = std::move(line);
  }
  r.set_quotas_truncated(truncated);
  r.set_plan_period(rules.plan_period());
  auto* ins = r.mutable_inspections();
  ins->set_inspections(g.inspections);
  ins->set_with_findings(g.inspections_with_findings);
  for (const auto& i : g.inspection_items) *ins->add_items() = i;
  auto* tr = r.mutable_trainings();
  tr->set_trainings(g.trainings);
  tr->set_participants(g.participants);
  tr->set_commendation_staff_participants(g.commendation_participants);
  tr->set_media_staff_participants(g.media_participants);
  auto* b = r.mutable_budget();
  b->set_planned(g.budget_planned);
  b->set_spent(g.budget_spent);
  b->set_records(g.budget_records);
  auto* media = r.mutable_media();
  const MediaFigures& m = g.media;
  media->set_available(g.media_available);
  std::string note;
  for (const auto& n : g.media_notes) note += (note.empty() ? "" : "; ") + n;
  media->set_note(note);
  media->set_articles(m.items_published);
  media->set_campaigns(m.campaigns);
  media->set_campaign_budget_vnd(m.campaign_budget_vnd);
  media->set_items_retracted(m.items_retracted);
  ToCounts(m.by_channel, media->mutable_published_by_channel(), campaign_media::ChannelLabel);
  ToCounts(m.by_kind, media->mutable_published_by_kind(), campaign_media::KindLabel);
  media->set_views(m.views);
  media->set_listeners(m.listeners);
  media->set_viewers(m.viewers);
  media->set_broadcasts(m.broadcasts);
  media->set_copies(m.copies);
  media->set_contests(m.contests);
  media->set_contest_entries(m.contest_entries);
  media->set_exchange_events(m.exchange_events);
  media->set_honouring_events(m.honouring_events);
  media->set_event_attendance(m.event_attendance);
  media->set_replications(m.replications);
  ToCounts(m.exchange_by_agency, media->mutable_exchange_events_by_agency(), unit_name);
  r.set_counting_rule(
      "Tính các hồ sơ được phát hiện trong năm hoặc được công nhận (ngày quyết định) trong năm, theo giờ Việt Nam; "
      "hồ sơ nhận từ cấp dưới tính riêng");
  return r;
}

// ---- Roll-up ----

Figures RollupFigures(const std::vector<RecordFacts>& own_records, const Activities& own_activities, int year,
                      const AgencyTree& tree, const std::vector<rv1::YearlyReport>& child_reports) {
  std::vector<std::string> covered;
  for (const auto& c : child_reports) covered.push_back(tree.Successor(c.agency_id()));
  std::vector<RecordFacts> kept;
  kept.reserve(own_records.size());
  for (const auto& f : own_records) {
    // Received proposals stay: Aggregate counts them only as received and
    // as this node's decisions, which no child's report contains.
    if (f.received) {
      kept.push_back(f);
      continue;
    }
    bool inside = false;
    for (const auto& c : covered) {
      if (tree.IsWithin(c, f.agency)) {
        inside = true;
        break;
      }
    }
    if (!inside) kept.push_back(f);
  }
  // The own media rows likewise: a unit inside a reporting child's subtree
  // is in that child's report.
  Activities activities = own_activities;
  activities.media.rows.clear();
  for (const auto& row : own_activities.media.rows) {
    bool inside = false;
    for (const auto& c : covered) {
      if (tree.IsWithin(c, tree.Successor(row.agency_id()))) {
        inside = true;
        break;
      }
    }
    if (!inside) activities.media.rows.push_back(row);
  }
  Figures total = Aggregate(kept, activities, year);
  for (const auto& c : child_reports) total.Merge(FiguresOf(c), tree);
  return total;
}

int64_t DueInstantMs(int year) {
  // 16 December 00:00 in Vietnam = 15 December 17:00 UTC.
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = 11;
  tm.tm_mday = 16;
  return (static_cast<int64_t>(timegm(&tm)) - kVietnamOffsetSeconds) * 1000;
}

std::string DueDate(int year) { return std::to_string(year) + "-12-15"; }

void FillCompleteness(const std::vector<ExpectedChild>& expected,
                      const std::map<std::string, rv1::ReportVersion>& latest,
                      const std::map<std::string, int64_t>& first_received_ms, int year, int64_t now_ms,
                      rv1::Rollup* rollup) {
  const int64_t due = DueInstantMs(year);
  rollup->set_due_date(DueDate(year));
  rollup->set_expected(static_cast<int32_t>(expected.size()));
  for (const auto& child : expected) {
    auto* c = rollup->add_children();
    c->set_agency_id(child.agency);
    c->set_name(child.name);
    auto it = latest.find(child.agency);
    if (it != latest.end()) {
      c->set_received(true);
      c->set_version(it->second.version());
      c->set_received_at_unix_ms(it->second.received_at_unix_ms());
      auto first = first_received_ms.find(child.agency);
      const int64_t arrived = first != first_received_ms.end() ? first->second : it->second.received_at_unix_ms();
      c->set_state(arrived >= due ? rv1::LATE : rv1::REPORTED);
    } else {
      c->set_state(now_ms >= due ? rv1::LATE : rv1::NOT_REPORTED);
    }
    if (c->state() == rv1::REPORTED) rollup->set_reported(rollup->reported() + 1);
    if (c->state() == rv1::LATE) rollup->set_late(rollup->late() + 1);
    if (c->state() == rv1::NOT_REPORTED) rollup->set_not_reported(rollup->not_reported() + 1);
  }
}

}  // namespace tdkt::reporting
