#include "services/nomination/domain/record_id.h"

#include <gtest/gtest.h>

namespace tdkt::nomination {

TEST(RecordIdTest, RoundTrips) {
  std::string id = MakeRecordId("nom", "22333", 42);
  EXPECT_EQ(id, "nom-22333-42");
  std::string agency;
  int64_t seq = 0;
  ASSERT_TRUE(ParseRecordId("nom", id, &agency, &seq));
  EXPECT_EQ(agency, "22333");
  EXPECT_EQ(seq, 42);
}

TEST(RecordIdTest, RejectsMalformedIds) {
  std::string agency;
  int64_t seq;
  for (const char* bad : {"", "nom", "nom-", "nom-56", "nom-56-", "nom-56-x", "mov-56-1", "nom-a b-1",
                          "nom--1", "nom-56-99999999999999999999"}) {
    EXPECT_FALSE(ParseRecordId("nom", bad, &agency, &seq)) << bad;
  }
}

}  // namespace tdkt::nomination
