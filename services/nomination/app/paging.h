// Stable pagination over sequence-scored indexes, shared by the list use
// cases. A page token is the sequence number of the last record returned;
// the next page starts strictly below it, so records added meanwhile
// (always numbered higher) never shift or repeat later pages.
#pragma once

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "common/status.h"
#include "services/nomination/domain/record_id.h"
#include "services/nomination/storage/nomination_repository.h"

namespace tdkt::nomination {

template <typename Record>
struct Page {
  std::vector<Record> records;  // Newest first.
  std::string next_page_token;  // Empty on the last page.
};

// Walks ids below `cursor` with `scan(before, batch)`, loads them with
// `load(ids)` and keeps those `keep(record)` accepts, until `page_size`
// records are found. `id_prefix` ("nom", "mov") reads sequence numbers
// back out of record ids. Gives up with DEADLINE_EXCEEDED once `deadline`
// has passed: a filter that matches little over a large subtree may need
// many rounds.
template <typename Record, typename Scan, typename Load, typename Keep>
Result<Page<Record>> CollectPage(int64_t cursor, int page_size, const std::string& id_prefix,
                                 std::chrono::system_clock::time_point deadline, Scan scan, Load load, Keep keep) {
  const size_t want = static_cast<size_t>(page_size) + 1;  // one more tells whether a next page exists
  const size_t batch = std::max<size_t>(want, 100);
  Page<Record> page;
  int64_t before = cursor;
  for (int round = 0; round < 100 && page.records.size() < want; ++round) {
    if (std::chrono::system_clock::now() >= deadline) {
      return Status::DeadlineExceeded("listing took longer than the call allows; narrow the filters or ask for a smaller agency");
    }
    Result<std::vector<IndexedId>> ids = scan(before, batch);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) break;
    Result<std::vector<Record>> records = load(*ids);
    if (!records.ok()) return records.status();
    for (auto& record : *records) {
      if (keep(record)) page.records.push_back(std::move(record));
      if (page.records.size() == want) break;
    }
    before = ids->back().score;
    if (ids->size() < batch) break;
  }
  if (page.records.size() == want) {
    page.records.pop_back();
    std::string agency;
    int64_t sequence = 0;
    ParseRecordId(id_prefix, page.records.back().id(), &agency, &sequence);
    page.next_page_token = std::to_string(sequence);
  }
  return page;
}

}  // namespace tdkt::nomination
