#include "tools/tdktctl/demo_content.h"

namespace tdkt::ctl {
namespace {

DemoStep Move(v1::NominationState to, std::string reason = "") {
  DemoStep s;
  s.to = to;
  s.text = std::move(reason);
  return s;
}

DemoStep CouncilMove(v1::NominationState to, std::string reason = "") {
  DemoStep s = Move(to, std::move(reason));
  s.council = true;
  return s;
}

// Recorded by the evaluation demo's council session (DemoSessions below).
DemoStep Decided(v1::NominationState to) {
  DemoStep s;
  s.kind = DemoStep::Kind::kDecision;
  s.to = to;
  return s;
}

DemoStep Foster(std::vector<std::string> measures, std::vector<std::string> shortcomings, std::string responsible,
                std::string target_date) {
  DemoStep s;
  s.kind = DemoStep::Kind::kFoster;
  s.measures = std::move(measures);
  s.shortcomings = std::move(shortcomings);
  s.responsible = std::move(responsible);
  s.date = std::move(target_date);
  return s;
}

DemoStep FollowUp(std::string date, std::string note) {
  DemoStep s;
  s.kind = DemoStep::Kind::kFollowUp;
  s.date = std::move(date);
  s.text = std::move(note);
  return s;
}

}  // namespace

const std::vector<DemoMovement>& DemoMovements() {
  static const std::vector<DemoMovement> movements = {
      {"ngheo",
       "01",
       "Phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
       "2021-01-01",
       "2025-12-31",
       {"Giảm tỷ lệ hộ nghèo đa chiều bình quân 1-1,5% mỗi năm",
        "Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo",
        "Huy động nguồn lực xã hội cho an sinh xã hội"}},
      {"hocvuso",
       "56",
       "Phong trào “Bình dân học vụ số”",
       "2025-04-01",
       "2025-12-31",
       {"Phổ cập kỹ năng số cơ bản cho người dân",
        "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt"}},
  };
  return movements;
}

const std::vector<DemoCandidate>& DemoCandidates() {
  static const std::vector<DemoCandidate> candidates = {
      // Thành phố Hà Nội (01)
      {"hn-ba-dinh-thu-ha", v1::INDIVIDUAL, "Nguyễn Thị Thu Hà", "00004", {"social_security"}, "ngheo",
       "Chi hội trưởng Chi hội Phụ nữ tổ dân phố; vận động nhà hảo tâm hỗ trợ 12 hộ nghèo, cận nghèo sửa chữa "
       "nhà ở và trao 35 suất học bổng cho học sinh có hoàn cảnh khó khăn (2021-2024).",
       "Ủy ban Mặt trận Tổ quốc Việt Nam phường Ba Đình", "2024-03-15",
       {"Mô hình “Tiết kiệm vì phụ nữ nghèo” theo tổ dân phố"},
       {Move(v1::FOSTERING),
        Foster({"Tập huấn kỹ năng vận động nguồn lực xã hội hóa", "Giới thiệu mô hình trên trang thông tin điện tử của phường"},
               {"Chưa tổng hợp số liệu minh chứng theo từng năm"}, "Phó Chủ tịch UBND phường Ba Đình", "2024-09-30"),
        FollowUp("2024-06-20", "Đã hoàn thiện bảng số liệu hộ được hỗ trợ 2021-2024, có xác nhận của tổ dân phố."),
        Move(v1::SUBMITTED), Decided(v1::RECOGNISED), Move(v1::REPLICATING)}},
      {"hn-hoan-kiem-phu-nu", v1::COLLECTIVE, "Hội Liên hiệp Phụ nữ phường Hoàn Kiếm", "00070",
       {"social_security", "social_life"}, "ngheo",
       "Duy trì 14 tổ tiết kiệm xoay vòng giúp 46 hội viên nghèo vay vốn không lãi; 9 hộ thoát nghèo bền vững.",
       "Đảng ủy phường Hoàn Kiếm", "2024-05-08", {},
       {Move(v1::SUBMITTED), Decided(v1::RECOGNISED)}},
      {"hn-dong-anh-ho-minh", v1::HOUSEHOLD, "Hộ gia đình ông Trần Văn Minh", "00454", {"agriculture"}, "ngheo",
       "Từ hộ nghèo năm 2021 vươn lên khá giả nhờ trồng rau an toàn theo tiêu chuẩn VietGAP; hướng dẫn kỹ thuật "
       "cho 5 hộ lân cận cùng thoát nghèo.",
       "Hội Nông dân xã Đông Anh", "2024-08-12", {},
       {Move(v1::FOSTERING),
        Foster({"Hỗ trợ thủ tục cấp giấy chứng nhận VietGAP", "Kết nối tiêu thụ với bếp ăn trường học trên địa bàn"},
               {"Chưa có sổ ghi chép nhật ký sản xuất"}, "Hội Nông dân xã Đông Anh", "2025-06-30"),
        FollowUp("2024-12-05", "Hộ đã lập sổ nhật ký sản xuất; đang chờ đánh giá cấp chứng nhận.")}},
      {"hn-giang-vo-thay-tuan", v1::INDIVIDUAL, "Lê Minh Tuấn", "00025", {"education"}, "",
       "Giáo viên Toán trung học cơ sở; bồi dưỡng 18 học sinh đạt giải học sinh giỏi cấp thành phố năm học "
       "2023-2024.",
       "Phòng Văn hóa - Xã hội phường Giảng Võ", "2024-06-01", {"Bộ bài tập Toán phân hóa theo năng lực"},
       {Move(v1::SUBMITTED),
        CouncilMove(v1::RETURNED, "Hồ sơ thiếu xác nhận của Hiệu trưởng về thành tích năm học 2023-2024; đề nghị "
                                  "bổ sung trước khi trình lại.")}},
      {"hn-long-bien-tram-y-te", v1::COLLECTIVE, "Trạm Y tế phường Long Biên", "00145", {"health"}, "",
       "Tiêm chủng mở rộng đạt 99,2% trẻ em trong độ tuổi; lập hồ sơ sức khỏe điện tử cho 85% người dân.",
       "Trung tâm Y tế khu vực Long Biên", "2025-01-10", {}, {}},
      {"hn-bat-trang-nghe-nhan", v1::INDIVIDUAL, "Phạm Văn Lộc", "00577", {"culture_sports"}, "",
       "Nghệ nhân gốm truyền nghề miễn phí cho 60 thanh niên địa phương; phục dựng dòng men rạn cổ.",
       "UBND xã Bát Tràng", "2025-02-20", {}, {}},
      // Tỉnh Khánh Hòa (56)
      {"kh-nha-trang-quoc-bao", v1::INDIVIDUAL, "Trần Quốc Bảo", "22366",
       {"information_communications", "administrative_reform"}, "hocvuso",
       "Đoàn viên thanh niên tình nguyện; mở 40 lớp “Bình dân học vụ số” hướng dẫn hơn 1.200 người cao tuổi cài "
       "đặt VNeID và nộp hồ sơ dịch vụ công trực tuyến.",
       "Đoàn Thanh niên phường Nha Trang", "2025-05-12", {"Sổ tay “10 bước dùng dịch vụ công trên điện thoại”"},
       {Move(v1::SUBMITTED), Decided(v1::RECOGNISED), Move(v1::REPLICATING)}},
      {"kh-van-ninh-to-cong-nghe", v1::COLLECTIVE, "Tổ công nghệ số cộng đồng xã Vạn Ninh", "22489",
       {"information_communications"}, "hocvuso",
       "Hỗ trợ 2.300 hộ dân mở tài khoản thanh toán điện tử; toàn bộ hộ kinh doanh tại chợ Vạn Giã dùng mã QR.",
       "UBND xã Vạn Ninh", "2025-05-20", {},
       {Move(v1::FOSTERING),
        Foster({"Cấp 10 máy tính bảng cho tổ", "Tập huấn an toàn thông tin cho thành viên tổ"},
               {"Chưa có tài liệu hướng dẫn thống nhất"}, "Tổ trưởng tổ công nghệ số cộng đồng", "2025-09-30"),
        FollowUp("2025-07-15", "Tổ đã ban hành tài liệu hướng dẫn 10 bước; thêm 400 hộ được hỗ trợ."),
        Move(v1::SUBMITTED)}},
      {"kh-dien-khanh-ho-mai", v1::HOUSEHOLD, "Hộ gia đình bà Nguyễn Thị Mai", "22651", {"agriculture"}, "hocvuso",
       "Bán xoài, sầu riêng qua sàn thương mại điện tử và livestream; hướng dẫn 12 hộ trong thôn mở gian hàng "
       "trực tuyến.",
       "Hội Liên hiệp Phụ nữ xã Diên Khánh", "2025-06-03", {}, {Move(v1::FOSTERING)}},
      {"kh-truong-sa-tram-y-te", v1::COLLECTIVE, "Trạm Y tế đặc khu Trường Sa", "22736", {"health"}, "",
       "Khám chữa bệnh và tư vấn sức khỏe từ xa cho quân và dân trên đảo; cấp cứu thành công 14 ngư dân gặp nạn.",
       "Sở Y tế tỉnh Khánh Hòa", "2025-03-02", {}, {Move(v1::SUBMITTED)}},
      {"kh-cam-ranh-co-nhung", v1::INDIVIDUAL, "Võ Thị Hồng Nhung", "22420", {"education"}, "hocvuso",
       "Giáo viên tiểu học; xây dựng kho bài giảng điện tử dùng chung và mở lớp kỹ năng số miễn phí cho phụ huynh.",
       "Phòng Văn hóa - Xã hội phường Cam Ranh", "2025-06-18", {}, {}},
      {"kh-khanh-son-ho-sau", v1::HOUSEHOLD, "Hộ gia đình ông Cao Văn Sáu", "22714", {"agriculture", "social_life"},
       "",
       "Hộ đồng bào Raglai đi đầu chuyển đổi cây trồng sang sầu riêng, thu nhập trên 300 triệu đồng mỗi năm; hiến "
       "500 m² đất làm đường liên thôn.",
       "Ủy ban Mặt trận Tổ quốc Việt Nam xã Khánh Sơn", "2024-11-25", {}, {}},
      // Phường Bắc Nha Trang (22333): the ward council's demo session
      // recognises the first and returns the second.
      {"kh-bac-nha-trang-ngoc-lan", v1::INDIVIDUAL, "Đặng Thị Ngọc Lan", "22333", {"administrative_reform"}, "",
       "Công chức Văn hóa - Xã hội phường; hướng dẫn hơn 850 người dân nộp hồ sơ dịch vụ công trực tuyến toàn "
       "trình, rút ngắn thời gian giải quyết thủ tục bình quân 2 ngày.",
       "Văn phòng HĐND và UBND phường Bắc Nha Trang", "2025-07-14", {"Bản đồ số các tổ dân phố của phường"},
       {Move(v1::SUBMITTED), Decided(v1::RECOGNISED)}},
      {"kh-bac-nha-trang-to-truong-dung", v1::INDIVIDUAL, "Hồ Văn Dũng", "22333", {"social_life"}, "",
       "Tổ trưởng tổ dân phố; vận động các hộ dân phân loại rác tại nguồn và duy trì tuyến đường hoa ven biển "
       "dài 600 m.",
       "Ủy ban Mặt trận Tổ quốc Việt Nam phường Bắc Nha Trang", "2025-08-05", {},
       {Move(v1::FOSTERING),
        Foster({"Hướng dẫn lập sổ theo dõi kết quả phân loại rác của từng hộ"},
               {"Chưa có số liệu minh chứng kết quả phân loại rác"}, "Phó Chủ tịch UBND phường Bắc Nha Trang",
               "2025-10-31"),
        FollowUp("2025-10-20", "Tổ dân phố đã lập sổ theo dõi; số liệu mới có từ tháng 9."), Move(v1::SUBMITTED),
        Decided(v1::RETURNED)}},
  };
  return candidates;
}

namespace {

const char kTermStart[] = "2025-07-01";  // communes and wards of the two-tier local government
const char kTermEnd[] = "2030-12-31";

const std::vector<std::string>& FileChecks() {
  static const std::vector<std::string> checks = {"Hồ sơ đủ thành phần theo quy định",
                                                  "Thành tích có xác nhận của cơ quan, đơn vị",
                                                  "Không vi phạm chủ trương, chính sách, pháp luật"};
  return checks;
}

// A nominee every member present votes for, appraised and recognised.
DemoAgendaEntry Recognised(std::string candidate_key, std::string title_code, std::string title_name, size_t members,
                           std::string decision_number, std::string comments) {
  DemoAgendaEntry e;
  e.candidate_key = std::move(candidate_key);
  e.title_code = std::move(title_code);
  e.title_name = std::move(title_name);
  e.ballots.assign(members, ev1::AGREE);
  e.appraisal_checks = FileChecks();
  e.appraisal_comments = std::move(comments);
  e.outcome = ev1::RECOGNISE;
  e.decision_number = std::move(decision_number);
  return e;
}

// A ward council of three whose one session recognises one nominee.
DemoSession WardSession(std::string council_key, std::string title, DemoAgendaEntry entry) {
  DemoSession s;
  s.key = "ses-" + council_key.substr(3);
  s.council_key = std::move(council_key);
  s.title = std::move(title);
  s.close = true;
  s.agenda = {std::move(entry)};
  return s;
}

const char kGiayKhen[] = "giay-khen-chu-tich-ubnd-phuong";
const char kGiayKhenName[] = "Giấy khen của Chủ tịch Ủy ban nhân dân phường";

}  // namespace

const std::vector<DemoCouncil>& DemoCouncils() {
  // Members work at the province ("01", "56"), not in the nominees' units,
  // so no member is recused for being in the same unit.
  static const std::vector<DemoCouncil> councils = {
      {"hd-ba-dinh",
       "00004",
       "Hội đồng Thi đua - Khen thưởng phường Ba Đình",
       kTermStart,
       kTermEnd,
       {{"hd00004-chu-tich", "Đỗ Mạnh Cường", ev1::CHAIR, "01"},
        {"hd00004-thu-ky", "Ngô Thị Phương", ev1::SECRETARY, "01"},
        {"hd00004-uy-vien", "Trịnh Văn Sơn", ev1::MEMBER, "01"}}},
      {"hd-hoan-kiem",
       "00070",
       "Hội đồng Thi đua - Khen thưởng phường Hoàn Kiếm",
       kTermStart,
       kTermEnd,
       {{"hd00070-chu-tich", "Vũ Đức Thành", ev1::CHAIR, "01"},
        {"hd00070-thu-ky", "Nguyễn Thị Hải Yến", ev1::SECRETARY, "01"},
        {"hd00070-uy-vien", "Lê Quang Huy", ev1::MEMBER, "01"}}},
      {"hd-nha-trang",
       "22366",
       "Hội đồng Thi đua - Khen thưởng phường Nha Trang",
       kTermStart,
       kTermEnd,
       {{"hd22366-chu-tich", "Phan Văn Lợi", ev1::CHAIR, "56"},
        {"hd22366-thu-ky", "Huỳnh Thị Bích Ngọc", ev1::SECRETARY, "56"},
        {"hd22366-uy-vien", "Trương Công Minh", ev1::MEMBER, "56"}}},
      {"hd-bac-nha-trang",
       "22333",
       "Hội đồng Thi đua - Khen thưởng phường Bắc Nha Trang",
       kTermStart,
       kTermEnd,
       {{"hd22333-chu-tich", "Nguyễn Văn Hùng", ev1::CHAIR, "56"},
        {"hd22333-pho-chu-tich", "Trần Thị Mỹ Linh", ev1::VICE_CHAIR, "56"},
        {"hd22333-thu-ky", "Lê Hoàng Nam", ev1::SECRETARY, "56"},
        {"hd22333-uy-vien-1", "Phạm Thị Thanh Hương", ev1::MEMBER, "56"},
        {"hd22333-uy-vien-2", "Võ Minh Khoa", ev1::MEMBER, "56"}}},
      {"hd-khanh-hoa",
       "56",
       "Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa",
       kTermStart,
       kTermEnd,
       {{"hd56-chu-tich", "Hoàng Văn Thắng", ev1::CHAIR, "56"},
        {"hd56-pho-chu-tich", "Nguyễn Thị Thu Trang", ev1::VICE_CHAIR, "56"},
        {"hd56-thu-ky", "Đỗ Quang Vinh", ev1::SECRETARY, "56"},
        {"hd56-uy-vien-1", "Bùi Thị Kim Oanh", ev1::MEMBER, "56"},
        {"hd56-uy-vien-2", "Lương Văn Tài", ev1::MEMBER, "56"}}},
  };
  return councils;
}

const std::vector<DemoSession>& DemoSessions() {
  static const std::vector<DemoSession> sessions = [] {
    std::vector<DemoSession> out;
    // The candidates the nomination demo walks to a recognition
    // (Decided(RECOGNISED)): one ward council session each.
    out.push_back(WardSession("hd-ba-dinh", "Phiên họp bình xét thi đua, khen thưởng năm 2024",
                              Recognised("hn-ba-dinh-thu-ha", kGiayKhen, kGiayKhenName, 3, "32/QĐ-UBND",
                                         "Đủ điều kiện tặng Giấy khen.")));
    out.push_back(WardSession("hd-hoan-kiem", "Phiên họp bình xét thi đua, khen thưởng năm 2024",
                              Recognised("hn-hoan-kiem-phu-nu", kGiayKhen, kGiayKhenName, 3, "27/QĐ-UBND",
                                         "Đủ điều kiện tặng Giấy khen.")));
    out.push_back(WardSession("hd-nha-trang", "Phiên họp bình xét thi đua, khen thưởng năm 2025",
                              Recognised("kh-nha-trang-quoc-bao", kGiayKhen, kGiayKhenName, 3, "41/QĐ-UBND",
                                         "Đủ điều kiện tặng Giấy khen.")));

    // Phường Bắc Nha Trang: five members, two nominees; one passes the
    // ballot and is recognised, the other falls short and is returned.
    DemoSession ward;
    ward.key = "ses-bac-nha-trang-2025";
    ward.council_key = "hd-bac-nha-trang";
    ward.title = "Phiên họp bình xét thi đua, khen thưởng năm 2025";
    ward.close = true;
    DemoAgendaEntry lan = Recognised("kh-bac-nha-trang-ngoc-lan", "chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở",
                                     5, "15/QĐ-UBND", "Đủ điều kiện công nhận danh hiệu Chiến sĩ thi đua cơ sở.");
    lan.appraisal_checks.push_back("Sáng kiến đã được công nhận, áp dụng");
    DemoAgendaEntry dung;
    dung.candidate_key = "kh-bac-nha-trang-to-truong-dung";
    dung.title_code = "lao-dong-tien-tien";
    dung.title_name = "Lao động tiên tiến";
    dung.ballots = {ev1::AGREE, ev1::AGREE, ev1::AGREE, ev1::DISAGREE, ev1::ABSTAIN};
    dung.outcome = ev1::RETURN;
    dung.reason = "Chưa đạt tỷ lệ phiếu đồng ý theo quy định (từ 90% trở lên); số liệu phân loại rác mới có từ "
                  "tháng 9/2025. Đề nghị tổ dân phố bổ sung minh chứng đủ một năm và trình lại ở đợt sau.";
    ward.agenda = {lan, dung};
    out.push_back(ward);

    // Province: opened with one member absent and left IN_PROGRESS, so a
    // user can cast ballots (README); the absent member may vote in writing.
    DemoSession province;
    province.key = "ses-khanh-hoa-2025";
    province.council_key = "hd-khanh-hoa";
    province.title = "Phiên họp xét tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025";
    province.absent = {"hd56-uy-vien-2"};
    DemoAgendaEntry truong_sa;
    truong_sa.candidate_key = "kh-truong-sa-tram-y-te";
    truong_sa.title_code = "bang-khen-chu-tich-ubnd-tinh";
    truong_sa.title_name = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
    province.agenda = {truong_sa};
    out.push_back(province);
    return out;
  }();
  return sessions;
}

}  // namespace tdkt::ctl
