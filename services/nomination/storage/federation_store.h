// Redis keys of upward forwarding, owned by the nomination service. They
// share the hash tag {fwd} (one node-wide slot), apart from the records they
// are written with: a node that moves onto Redis Cluster must give them the
// record's tag first (see docs/architecture.md, "Who owns which Redis keys").
//   nom:{fwd}:uplink             stream  proposals to send to the parent (id, version)
//   nom:{fwd}:uplink:dead        list    proposals the parent kept refusing
//   nom:{fwd}:inbox:<message id> string  "<payload digest> <record id>", forever
//   nom:{fwd}:down:<child>       stream  outcomes for a child node (parent_record_id,
//                                        child_record_id, state, reason, recognition)
//   nom:{fwd}:down-cursor        string  last outcome entry applied from the parent
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/redis_client.h"
#include "common/status.h"

namespace tdkt::nomination {

// What the inbox remembers of one message id.
struct InboxEntry {
  std::string digest;     // Hex SHA-256 of the payload.
  std::string record_id;  // The record it became.

  std::string Encode() const { return digest + " " + record_id; }
  static bool Decode(const std::string& text, InboxEntry* out);
};

struct StreamEntry {
  std::string id;                              // e.g. "1733040000000-0".
  std::map<std::string, std::string> fields;
};

class FederationStore {
 public:
  explicit FederationStore(RedisClient& redis) : redis_(redis) {}

  static std::string UplinkKey() { return "nom:{fwd}:uplink"; }
  static std::string UplinkDeadKey() { return "nom:{fwd}:uplink:dead"; }
  static std::string InboxKey(const std::string& message_id) { return "nom:{fwd}:inbox:" + message_id; }
  static std::string DownKey(const std::string& child_agency) { return "nom:{fwd}:down:" + child_agency; }
  static std::string CursorKey() { return "nom:{fwd}:down-cursor"; }

  // Up to `max` outcomes for `child_agency` after `after_id` (exclusive;
  // empty = from the start), oldest first.
  Result<std::vector<StreamEntry>> Outcomes(const std::string& child_agency, const std::string& after_id, int max);
  Result<std::string> Cursor();  // Empty before the first outcome.
  Status SetCursor(const std::string& entry_id);

 private:
  RedisClient& redis_;
};

// True for a stream entry id ("<ms>-<seq>").
bool IsStreamId(const std::string& id);

}  // namespace tdkt::nomination
