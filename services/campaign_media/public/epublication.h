// The yearly e-publication (ấn phẩm điện tử) of an agency: one
// self-contained, printable HTML5 file with a cover, a table of contents and
// one section per exemplar recognised in the year, each followed by the
// exemplar's items published that year. Pure: renders what it is given;
// every text goes through text::HtmlEscape.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <google/protobuf/timestamp.pb.h>

#include "tdkt/campaign_media/v1/media_item.pb.h"
#include "tdkt/nomination/v1/nomination.pb.h"

namespace tdkt::campaign_media::pub {

struct EpubExemplar {
  ::tdkt::nomination::v1::Nomination record;                 // Recognised in the year.
  std::string unit_name;                                      // Name of record.details().agency_id().
  std::map<std::string, std::string> field_names;             // Field code -> Vietnamese name (ListFields).
  std::vector<::tdkt::campaign_media::v1::MediaItem> items;  // Its items published in the year, oldest first.
};

struct EpublicationInput {
  std::string agency_id;
  std::string agency_name;  // The agency's real name, e.g. "Tỉnh Khánh Hòa".
  int year = 0;
  std::vector<EpubExemplar> exemplars;  // In the order to print.
  // Items of the year presenting none of the exemplars above.
  std::vector<::tdkt::campaign_media::v1::MediaItem> other_items;
  google::protobuf::Timestamp generated_at;
};

std::string RenderEpublication(const EpublicationInput& input);

// "Cá nhân", "Tập thể", "Hộ gia đình".
std::string NominationKindLabel(::tdkt::nomination::v1::NominationKind kind);

}  // namespace tdkt::campaign_media::pub
