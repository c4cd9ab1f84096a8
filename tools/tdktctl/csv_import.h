// Maps a spreadsheet of candidates (CSV) to NominationDetails rows, and the
// server's "row K: ..." errors back to CSV line numbers. Pure: no network.
//
// Columns (header names case-insensitive, diacritics optional, Vietnamese
// aliases in brackets):
//   name [ho_ten, ho_va_ten, ten]           required
//   kind [loai, doi_tuong]                  required; individual, collective,
//                                           household or cá nhân, tập thể, hộ gia đình
//   agency_id [ma_don_vi, don_vi]           required
//   fields [linh_vuc]                       required; codes separated by ';'
//   movement_id [phong_trao, ma_phong_trao]
//   achievements [thanh_tich]
//   discovered_by [nguoi_phat_hien, don_vi_phat_hien]
//   discovered_at [ngay_phat_hien]          YYYY-MM-DD (or DD/MM/YYYY), 00:00 Vietnam time
//   initiatives [sang_kien]                 titles separated by ';'
//   evidence [minh_chung]                   titles separated by ';'
#pragma once

#include <string>
#include <vector>

#include "tools/tdktctl/csv.h"
#include "tools/tdktctl/values.h"

namespace tdkt::ctl {

struct CandidateSheet {
  std::vector<v1::NominationDetails> rows;  // One per data record, in file order.
  std::vector<int> lines;                   // CSV line where each row starts.
  // Every problem found locally, as "line N: ...", in line order. When not
  // empty, `rows` must not be sent.
  std::vector<std::string> errors;
};

// Checks the header and every row of `records` (header first).
CandidateSheet MapCandidateRows(const std::vector<CsvRecord>& records);

// Parses and maps a whole file's content.
CandidateSheet ReadCandidateSheet(const std::string& content);

// Rewrites the "row K: problem" parts of a BatchCreateNominations error as
// "line N: problem", using `lines` (row K is lines[K-1]). Empty when the
// message names no row. A trailing "and M more bad rows" is kept as is.
std::vector<std::string> TranslateRowErrors(const std::string& message, const std::vector<int>& lines);

// One line per column, for the usage text.
std::string CandidateColumnsHelp();

}  // namespace tdkt::ctl
