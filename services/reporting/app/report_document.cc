#include "services/reporting/app/report_document.h"

#include "common/vn_time.h"

namespace tdkt::reporting {

namespace {

Table CountTable(const std::string& title, const std::string& key_header,
                 const google::protobuf::RepeatedPtrField<rv1::Count>& counts, bool show_key) {
  Table t;
  t.title = title;
  if (show_key) t.columns = {"Mã", key_header, "Số lượng"};
  else t.columns = {key_header, "Số lượng"};
  for (const auto& c : counts) {
    std::vector<Cell> row;
    if (show_key) row.push_back(Cell::Text(c.key()));
    row.push_back(Cell::Text(c.label().empty() ? c.key() : c.label()));
    row.push_back(Cell::Number(static_cast<double>(c.count())));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string When(int64_t ms) {
  return ms > 0 ? FormatVietnamTime(ms / 1000, "%H:%M ngày %d/%m/%Y") : "";
}

void AddReportTables(const rv1::YearlyReport& r, const UnitNames& names, Document* d) {
  Table summary;
  summary.title = "Tổng hợp chung";
  summary.columns = {"Chỉ tiêu", "Số lượng"};
  auto line = [&](const char* label, double n) { summary.rows.push_back({Cell::Text(label), Cell::Number(n)}); };
  line("Điển hình được phát hiện, bồi dưỡng trong năm", static_cast<double>(r.exemplars()));
  line("Điển hình được công nhận, khen thưởng trong năm", static_cast<double>(r.recognitions()));
  line("Đề nghị cấp trên", static_cast<double>(r.proposals().sent()));
  line("  trong đó: được cấp trên công nhận", static_cast<double>(r.proposals().recognised()));
  line("  đang chờ cấp trên xem xét", static_cast<double>(r.proposals().pending()));
  line("  bị trả lại", static_cast<double>(r.proposals().returned()));
  line("  không được công nhận", static_cast<double>(r.proposals().rejected()));
  line("  chưa gửi được", static_cast<double>(r.proposals().undelivered()));
  line("Hồ sơ cấp dưới đề nghị (tính riêng)", static_cast<double>(r.received().received()));
  line("  trong đó: đã công nhận", static_cast<double>(r.received().recognised()));
  line("Cuộc kiểm tra", static_cast<double>(r.inspections().inspections()));
  line("  trong đó: có phát hiện", static_cast<double>(r.inspections().with_findings()));
  line("Lớp tập huấn", static_cast<double>(r.trainings().trainings()));
  line("  Người tham dự", static_cast<double>(r.trainings().participants()));
  line("  trong đó: cán bộ thi đua, khen thưởng", static_cast<double>(r.trainings().commendation_staff_participants()));
  line("  phóng viên, biên tập viên", static_cast<double>(r.trainings().media_staff_participants()));
  line("Kinh phí dự toán (đồng)", static_cast<double>(r.budget().planned()));
  line("Kinh phí đã chi (đồng)", static_cast<double>(r.budget().spent()));
  summary.note = r.counting_rule();
  d->tables.push_back(std::move(summary));

  d->tables.push_back(CountTable("Điển hình theo giai đoạn", "Giai đoạn", r.by_state(), false));
  d->tables.push_back(CountTable("Điển hình theo lĩnh vực", "Lĩnh vực", r.by_field(), false));
  d->tables.push_back(CountTable("Điển hình theo loại", "Loại", r.by_kind(), false));
  d->tables.push_back(CountTable("Điển hình theo đơn vị", "Đơn vị", r.by_agency(), true));
  d->tables.push_back(CountTable("Công nhận, khen thưởng theo hình thức", "Hình thức", r.by_form(), false));
  d->tables.push_back(CountTable("Hồ sơ cấp dưới đề nghị", "Đơn vị đề nghị", r.received().by_child(), true));

  Table quotas;
  quotas.title = "Chỉ tiêu điển hình (kỳ " + r.plan_period() + ")";
  quotas.columns = {"Mã",        "Đơn vị",    "Loại",      "Chỉ tiêu",           "Thực hiện",
                    "Còn thiếu", "Giao lưu: chỉ tiêu (buổi)", "Giao lưu: thực hiện", "Giao lưu: còn thiếu"};
  auto n = [](int64_t v) { return Cell::Number(static_cast<double>(v)); };
  for (const auto& q : r.quotas()) {
    quotas.rows.push_back({Cell::Text(q.agency_id()), Cell::Text(std::string(2 * q.depth(), ' ') + q.name()),
                           Cell::Text(q.kind()), n(q.target()), n(q.actual()), n(q.gap()),
                           n(q.exchange_events_target()), n(q.exchange_events_actual()), n(q.exchange_events_gap())});
  }
  quotas.note = "Thực hiện: số điển hình được công nhận trong năm ở đơn vị và các đơn vị trực thuộc; "
                "giao lưu: số buổi giao lưu điển hình trong năm ở đơn vị và các đơn vị trực thuộc.";
  if (r.quotas_truncated()) quotas.note += " Danh sách đã rút gọn (quá nhiều đơn vị).";
  d->tables.push_back(std::move(quotas));

  Table ins;
  ins.title = "Kiểm tra";
  ins.columns = {"Ngày", "Đơn vị được kiểm tra", "Đoàn kiểm tra", "Phát hiện", "Kiến nghị"};
  for (const auto& i : r.inspections().items()) {
    std::string team;
    for (const auto& m : i.team()) team += (team.empty() ? "" : ", ") + m;
    ins.rows.push_back({Cell::Text(i.date()), Cell::Text(names ? names(i.inspected_agency_id()) : i.inspected_agency_id()), Cell::Text(team),
                        Cell::Text(i.findings()), Cell::Text(i.recommendations())});
  }
  d->tables.push_back(std::move(ins));

  Table media;
  media.title = "Tuyên truyền, nhân rộng";
  media.columns = {"Chỉ tiêu", "Số lượng"};
  const auto& m = r.media();
  auto mline = [&](const char* label, int64_t v) { media.rows.push_back({Cell::Text(label), n(v)}); };
  mline("Chiến dịch tuyên truyền", m.campaigns());
  mline("  Kinh phí chiến dịch (đồng)", m.campaign_budget_vnd());
  mline("Tin, bài, tác phẩm đã đăng, phát", m.articles());
  mline("  Đã gỡ sau khi đăng", m.items_retracted());
  mline("Lượt xem", m.views());
  mline("Lượt nghe", m.listeners());
  mline("Lượt người xem truyền hình", m.viewers());
  mline("Lượt phát sóng", m.broadcasts());
  mline("Số bản in", m.copies());
  mline("Cuộc thi", m.contests());
  mline("  Bài dự thi", m.contest_entries());
  mline("Buổi giao lưu điển hình", m.exchange_events());
  mline("Buổi tôn vinh", m.honouring_events());
  mline("  Người tham dự", m.event_attendance());
  mline("Điển hình được nhân rộng", m.replications());
  media.note = m.available() ? m.note() : (m.note().empty() ? "Chưa có số liệu tuyên truyền." : m.note());
  d->tables.push_back(std::move(media));
  d->tables.push_back(CountTable("Tin, bài theo kênh", "Kênh", m.published_by_channel(), false));
  d->tables.push_back(CountTable("Tin, bài theo loại", "Loại tác phẩm", m.published_by_kind(), false));
}

}  // namespace

Document ReportDocument(const rv1::YearlyReport& r, const UnitNames& names) {
  Document d;
  d.title = "Báo cáo năm " + std::to_string(r.year()) + " — " + r.agency_name();
  d.subtitle = "Số liệu tính lúc " + When(r.built_at_unix_ms());
  AddReportTables(r, names, &d);
  return d;
}

Document RollupDocument(const rv1::Rollup& rollup, const UnitNames& names) {
  Document d;
  const auto& r = rollup.merged();
  d.title = "Báo cáo tổng hợp năm " + std::to_string(r.year()) + " — " + r.agency_name();
  d.subtitle = "Số liệu tính lúc " + When(r.built_at_unix_ms()) + "; hạn nộp báo cáo của cấp dưới: " +
               rollup.due_date();
  Table children;
  children.title = "Tình hình nộp báo cáo của cấp dưới";
  children.columns = {"Mã", "Đơn vị", "Tình trạng", "Phiên bản", "Nhận lúc"};
  for (const auto& c : rollup.children()) {
    std::string state = c.state() == rv1::REPORTED ? "Đúng hạn"
                        : c.state() == rv1::LATE   ? (c.received() ? "Nộp muộn" : "Quá hạn, chưa nộp")
                                                  : "Chưa nộp";
    children.rows.push_back({Cell::Text(c.agency_id()), Cell::Text(c.name()), Cell::Text(state),
                             Cell::Number(c.version()), Cell::Text(When(c.received_at_unix_ms()))});
  }
  children.note = "Đúng hạn " + std::to_string(rollup.reported()) + ", muộn " + std::to_string(rollup.late()) +
                  ", chưa nộp " + std::to_string(rollup.not_reported()) + " / " + std::to_string(rollup.expected()) +
                  " đơn vị.";
  d.tables.push_back(std::move(children));
  AddReportTables(r, names, &d);
  return d;
}

}  // namespace tdkt::reporting
