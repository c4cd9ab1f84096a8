// The five yearly statutory forms of the emulation-commendation sector
// (Circular 02/2023/TT-BNV, forms 0601.N to 0605.N, due 15 December of the
// report year), computed from plain facts. Pure C++: no gRPC, no Redis.
//
// Figures are kept per unit (agency id) so that a parent can roll up its
// children's figures without counting anything twice: Merge keys by unit, and
// a unit reported by two children (or by a child and the parent itself) is
// counted once. Render sums the units into the tables officers file.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "services/reporting/export/table.h"

namespace tdkt::reporting::statutory {

// Launching levels (cấp phát động) of form 0601.N.
inline constexpr const char* kLevelCentral = "trung-uong";    // Central bodies.
inline constexpr const char* kLevelMinistry = "bo-nganh";     // Ministry, sector, central organisation.
inline constexpr const char* kLevelProvince = "tinh";         // Province or centrally-run city.
inline constexpr const char* kLevelCommune = "xa";            // Commune, ward, special zone.
inline constexpr const char* kLevelOther = "khac";            // Other agency or unit.

struct MovementFact {
  std::string agency;           // Unit that launched it.
  std::string launching_level;  // One of the kLevel* codes.
  std::string scope;            // "toan-quoc", "nganh", "dia-phuong", "co-quan"; empty = "dia-phuong".
  bool thematic = false;        // Chuyên đề; otherwise thường xuyên / hằng năm.
  std::string period_start;     // YYYY-MM-DD.
  std::string period_end;       // YYYY-MM-DD.
};

struct CommendationFact {
  std::string agency;      // Unit the commended nominee belongs to.
  std::string title_code;  // e.g. "huan-chuong-lao-dong-hang-ba", "bang-khen-tinh".
  bool collective = false; // Tập thể (collective or household); otherwise cá nhân.
  int year = 0;            // Year of the decision.
};

// Organisation kinds of form 0604.N.
inline constexpr const char* kOrgBoard = "ban";         // Ban Thi đua - Khen thưởng (independent board).
inline constexpr const char* kOrgDepartment = "vu-phong"; // Vụ, phòng, ban TĐKT within an agency.
inline constexpr const char* kOrgSection = "bo-phan";   // Bộ phận, tổ (dedicated section).
inline constexpr const char* kOrgOther = "khac";        // Officers placed elsewhere (kiêm nhiệm).
bool IsOrganisationKind(const std::string& kind);

struct OrganisationFact {
  std::string agency;      // Unit it belongs to.
  std::string name;        // Its name.
  std::string kind;        // One of the kOrg* codes.
  int64_t full_time = 0;   // Staff working full time on emulation-commendation.
  int64_t part_time = 0;   // Staff doing it beside other duties (kiêm nhiệm).
};

// Training levels of form 0605.N.
bool IsTrainingLevel(const std::string& level);  // "tien-si", "thac-si", "dai-hoc", "cao-dang", "trung-cap", "khac".

struct StaffFact {
  std::string agency;       // Unit the person works in.
  std::string person_code;  // Stable personnel code (one person counted once per unit).
  int birth_year = 0;
  bool woman = false;
  std::string training_level;  // IsTrainingLevel.
  int seniority_start_year = 0;  // First year in emulation-commendation work.
  bool full_time = true;         // Chuyên trách; otherwise kiêm nhiệm.
};

struct Facts {
  std::vector<MovementFact> movements;
  std::vector<CommendationFact> commendations;
  std::vector<OrganisationFact> organisations;
  std::vector<StaffFact> staff;
};

// Counts of one unit: key "<form>/<row>/<column>" (e.g. "0601/level-tinh/thematic").
using UnitCounts = std::map<std::string, int64_t>;

struct Figures {
  int year = 0;
  std::map<std::string, UnitCounts> units;  // By agency id.
};

// The figures of `year` from `facts`: movements whose period overlaps the
// year, commendations decided in it, organisations and staff as recorded for
// it (ages and seniority at 31 December of the year). Commendations whose
// title code belongs to neither form 0602.N nor 0603.N are not counted.
Figures Compute(const Facts& facts, int year);

// Adds the units of `child` to `into`; a unit already in `into` keeps its
// figures (one unit is never counted twice). Years must match.
void Merge(Figures& into, const Figures& child);

// A parent node's roll-up: every child's figures (a unit reported by two
// children taken once, from the first), then the node's own figures of the
// units no reporting child accounts for (`covered(unit)` false). A child's
// figures thus replace the node's own view of that child's subtree, which a
// node sharing its nomination data with its children also sees. Children of
// another year, or with no figures (an older report), are left out.
Figures MergeRollup(const Figures& own, const std::vector<Figures>& children,
                    const std::function<bool(const std::string& unit)>& covered);

// The five forms as tables with Vietnamese headers, summed over all units.
Document Render(const Figures& figures, const std::string& agency_name);

// Duration band of a movement (0601.N): "duoi-1-nam", "1-3-nam", "3-5-nam", "tren-5-nam".
std::string DurationBand(const std::string& period_start, const std::string& period_end);
// Which row of form 0602.N (State level) or 0603.N (ministry, central
// organisation, province) a title code falls in; empty when neither.
std::string StateLevelRow(const std::string& title_code);
std::string MinistryProvinceRow(const std::string& title_code);

}  // namespace tdkt::reporting::statutory
