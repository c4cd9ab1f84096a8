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
        Move(v1::SUBMITTED), CouncilMove(v1::RECOGNISED), Move(v1::REPLICATING)}},
      {"hn-hoan-kiem-phu-nu", v1::COLLECTIVE, "Hội Liên hiệp Phụ nữ phường Hoàn Kiếm", "00070",
       {"social_security", "social_life"}, "ngheo",
       "Duy trì 14 tổ tiết kiệm xoay vòng giúp 46 hội viên nghèo vay vốn không lãi; 9 hộ thoát nghèo bền vững.",
       "Đảng ủy phường Hoàn Kiếm", "2024-05-08", {},
       {Move(v1::SUBMITTED), CouncilMove(v1::RECOGNISED)}},
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
       {Move(v1::SUBMITTED), CouncilMove(v1::RECOGNISED), Move(v1::REPLICATING)}},
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
  };
  return candidates;
}

}  // namespace tdkt::ctl
