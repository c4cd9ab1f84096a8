#include "services/nomination/domain/fields.h"

namespace tdkt::nomination {

const std::vector<NationalField>& NationalFields() {
  static const std::vector<NationalField> fields = {
      {"party_building", "Xây dựng Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể"},
      {"defence_security", "Quốc phòng, an ninh"},
      {"industry_trade", "Công nghiệp, thương mại, xây dựng, giao thông vận tải"},
      {"agriculture", "Nông nghiệp"},
      {"finance_banking", "Tài chính, ngân hàng"},
      {"health", "Y tế"},
      {"education", "Giáo dục và đào tạo"},
      {"science_technology", "Khoa học và công nghệ"},
      {"culture_sports", "Văn hóa, nghệ thuật, thể thao"},
      {"foreign_affairs", "Đối ngoại"},
      {"information_communications", "Thông tin và truyền thông"},
      {"administrative_reform", "Cải cách hành chính"},
      {"social_security", "An sinh xã hội"},
      {"social_life", "Đời sống xã hội"},
  };
  return fields;
}

bool IsNationalField(const std::string& code) {
  for (const auto& f : NationalFields()) if (code == f.code) return true;
  return false;
}

}  // namespace tdkt::nomination
