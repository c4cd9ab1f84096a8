// The Redis repositories and the agency directory against a real
// redis-server, without gRPC.
#include <thread>

#include <gtest/gtest.h>

#include "services/nomination/domain/record_id.h"
#include "services/nomination/storage/agency_directory.h"
#include "services/nomination/storage/redis_nomination_repository.h"
#include "tests/support/nomination_fixtures.h"

namespace tdkt::nomination {
namespace {

using testing::Details;
using testing::kBacNhaTrang;
using testing::kNhaTrang;

class RedisRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::FlushTestRedis(); }
  RedisClient redis{testing::TestRedisOptions(), nullptr};
  RedisNominationRepository repo{redis};

  v1::Nomination Record(const std::string& agency, int64_t version, v1::NominationState state) {
    auto seq = repo.NextSequence();
    v1::Nomination n;
    n.set_id(MakeRecordId("nom", agency, *seq));
    n.set_version(version);
    n.set_state(state);
    *n.mutable_details() = Details("Nguyễn Văn Kho", agency, "health");
    return n;
  }
  v1::AuditEntry Audit(const std::string& action) {
    v1::AuditEntry a;
    a.set_action(action);
    return a;
  }
};

TEST_F(RedisRepositoryTest, SaveThenGetWithIndexesAuditAndOutbox) {
  v1::Nomination n = Record(kBacNhaTrang, 1, v1::DISCOVERED);
  auto saved = repo.Save(nullptr, n, Audit("create"), "r1", "fp1", "create");
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->kind, SaveOutcome::Kind::kSaved);
  auto read = repo.Get(kBacNhaTrang, n.id());
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->SerializeAsString(), n.SerializeAsString());
  auto in_state = repo.Scan({kBacNhaTrang}, {IndexFilter::Type::kState, std::to_string(v1::DISCOVERED)},
                            INT64_MAX, 10);
  ASSERT_EQ(in_state->size(), 1u);
  EXPECT_EQ(in_state->front().id, n.id());
  EXPECT_EQ(redis.Command({"XLEN", RedisNominationRepository::OutboxKey(kBacNhaTrang)})->integer, 1);
  EXPECT_EQ(repo.History(kBacNhaTrang, n.id(), 0, 10)->size(), 1u);
}

TEST_F(RedisRepositoryTest, StateChangeMovesTheRecordBetweenIndexes) {
  v1::Nomination n = Record(kBacNhaTrang, 1, v1::DISCOVERED);
  ASSERT_TRUE(repo.Save(nullptr, n, Audit("create"), "r1", "fp1", "create").ok());
  v1::Nomination next = n;
  next.set_version(2);
  next.set_state(v1::FOSTERING);
  ASSERT_EQ(repo.Save(&n, next, Audit("transition"), "r2", "fp2", "transition")->kind, SaveOutcome::Kind::kSaved);
  auto discovered = repo.Scan({kBacNhaTrang}, {IndexFilter::Type::kState, std::to_string(v1::DISCOVERED)}, INT64_MAX, 10);
  auto fostering = repo.Scan({kBacNhaTrang}, {IndexFilter::Type::kState, std::to_string(v1::FOSTERING)}, INT64_MAX, 10);
  EXPECT_TRUE(discovered->empty());
  EXPECT_EQ(fostering->size(), 1u);
}

TEST_F(RedisRepositoryTest, StaleVersionIsAConflictAndChangesNothing) {
  v1::Nomination n = Record(kBacNhaTrang, 1, v1::DISCOVERED);
  ASSERT_TRUE(repo.Save(nullptr, n, Audit("create"), "r1", "fp1", "create").ok());
  v1::Nomination stale = n;
  stale.set_version(5);  // as if read at version 5
  v1::Nomination next = n;
  next.set_version(6);
  std::string before = testing::RedisDigest();
  auto outcome = repo.Save(&stale, next, Audit("update"), "r2", "fp2", "update");
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->kind, SaveOutcome::Kind::kConflict);
  EXPECT_EQ(outcome->current_version, 1);
  EXPECT_EQ(testing::RedisDigest(), before);
}

TEST_F(RedisRepositoryTest, KnownRequestIdIsAReplayAndChangesNothing) {
  v1::Nomination n = Record(kBacNhaTrang, 1, v1::DISCOVERED);
  ASSERT_TRUE(repo.Save(nullptr, n, Audit("create"), "same", "fp1", "create").ok());
  v1::Nomination again = Record(kBacNhaTrang, 1, v1::DISCOVERED);  // a retry got a new sequence number
  std::string before = testing::RedisDigest();
  auto outcome = repo.Save(nullptr, again, Audit("create"), "same", "fp1", "create");
  EXPECT_EQ(outcome->kind, SaveOutcome::Kind::kReplay);
  EXPECT_EQ(outcome->replay.id, n.id());
  EXPECT_EQ(outcome->replay.version, 1);
  EXPECT_EQ(outcome->replay.fingerprint, "fp1");
  EXPECT_EQ(testing::RedisDigest(), before);
  auto memo = repo.FindReplay(kBacNhaTrang, "same");
  ASSERT_TRUE(memo.ok() && memo->has_value());
  EXPECT_EQ((*memo)->id, n.id());
}

TEST_F(RedisRepositoryTest, ScanMergesAgenciesNewestFirstBelowTheCursor) {
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) {
    v1::Nomination n = Record(i % 2 ? kBacNhaTrang : kNhaTrang, 1, v1::DISCOVERED);
    ASSERT_TRUE(repo.Save(nullptr, n, Audit("create"), "r" + std::to_string(i), "f", "create").ok());
    ids.push_back(n.id());
  }
  auto first = repo.Scan({kBacNhaTrang, kNhaTrang}, {}, INT64_MAX, 4);
  ASSERT_EQ(first->size(), 4u);
  EXPECT_EQ((*first)[0].id, ids[5]);
  EXPECT_EQ((*first)[3].id, ids[2]);
  auto rest = repo.Scan({kBacNhaTrang, kNhaTrang}, {}, first->back().score, 4);
  ASSERT_EQ(rest->size(), 2u);
  EXPECT_EQ((*rest)[1].id, ids[0]);
  auto many = repo.GetMany(*first);
  ASSERT_EQ(many->size(), 4u);
  EXPECT_EQ((*many)[0].id(), ids[5]);
}

TEST_F(RedisRepositoryTest, AgencyDirectorySeedsOnceAndSharesChangesBetweenProcesses) {
  AgencyTree seed;
  ASSERT_TRUE(seed.Add({"TW", "Trung ương", "Trung ương", "", "", {}, 1}).ok());
  ASSERT_TRUE(seed.Add({"56", "Tỉnh Khánh Hòa", "Tỉnh", "TW", "", {}, 1}).ok());
  AgencyDirectory first(redis), second(redis);
  ASSERT_TRUE(first.Initialize(seed).ok());
  auto renamed = first.Mutate([](AgencyTree& t) { return t.Rename("56", "Tỉnh Khánh Hòa (mới)"); });
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  // A second process starting with the same seed keeps the stored change.
  ASSERT_TRUE(second.Initialize(seed).ok());
  EXPECT_EQ(second.Tree()->Find("56")->name, "Tỉnh Khánh Hòa (mới)");
  EXPECT_EQ(second.Tree()->Find("56")->former_names, std::vector<std::string>{"Tỉnh Khánh Hòa"});
  // A change made by the second is seen by the first after its refresh.
  ASSERT_TRUE(second.Mutate([](AgencyTree& t) {
                        return t.Add({"22333", "Phường Bắc Nha Trang", "Phường", "56", "", {}, 1});
                      }).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_NE(first.Tree()->Find("22333"), nullptr);
  // Fields defined by an agency apply to its subtree only.
  ASSERT_TRUE(first.DefineField("56", "khi-tuong-thuy-van", "Khí tượng thủy văn").ok());
  EXPECT_TRUE(first.FieldKnown("custom:khi-tuong-thuy-van", "22333"));
  EXPECT_FALSE(first.FieldKnown("custom:khi-tuong-thuy-van", "TW"));
  EXPECT_EQ(first.DefineField("TW", "khi-tuong-thuy-van", "x").status().code(), Code::kAlreadyExists);
}

}  // namespace
}  // namespace tdkt::nomination
