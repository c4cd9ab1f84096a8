// The campaign-media part of `tdktctl demo-data`: propagation of the demo's
// recognised exemplars through tdkt.campaign_media.v1, as the node's officer
// and media editor would: a campaign around 11 June (Ngày Bác Hồ ra Lời kêu
// gọi thi đua ái quốc), two media items with supported claims taken from
// draft to published (four eyes: the editor writes, the officer approves),
// one exchange event, one replication and one writing contest with entries.
#pragma once

#include <string>
#include <vector>

#include "tdkt/nomination/v1/nomination.pb.h"
#include "tools/tdktctl/output.h"
#include "tools/tdktctl/rpc.h"

namespace tdkt::ctl {

struct CampaignMediaDemo {
  Endpoint endpoint;         // the campaign-media service; its token is not used
  std::string secret_file;   // to mint the officer's and media editor's tokens
  std::string agency;        // the node's agency: the records are its own
  // The demo's exemplars now recognised (RECOGNISED or REPLICATING).
  std::vector<::tdkt::nomination::v1::Nomination> exemplars;
};

// Idempotent: every creation carries a fixed request id (a rerun gets the
// first answer back), and an item moves on only from the state it is in, so
// a second run adds nothing. Nothing is loaded without a recognised
// exemplar. `summary` gets ids and counts.
grpc::Status LoadCampaignMediaDemo(const CampaignMediaDemo& demo, Json* summary);

}  // namespace tdkt::ctl
