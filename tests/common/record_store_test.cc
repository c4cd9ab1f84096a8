// RecordStore's many-index Store and the request memo written in the write's
// own step, against the real throwaway redis-server.
#include "common/record_store.h"

#include <google/protobuf/wrappers.pb.h>
#include <gtest/gtest.h>

#include "tests/support/test_env.h"

namespace tdkt {
namespace {

using google::protobuf::StringValue;

StringValue Text(const std::string& s) {
  StringValue v;
  v.set_value(s);
  return v;
}

class RecordStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::FlushTestRedis(); }

  bool InSet(const std::string& key, const std::string& member) {
    return !redis_.Command({"ZSCORE", key, member})->is_nil();
  }

  RedisClient redis_{testing::TestRedisOptions(), nullptr};
  RecordStore store_{redis_, "t"};
  RequestMemo memo_{redis_, "t"};
};

TEST_F(RecordStoreTest, StoreWithSeveralIndexesIsAllOrNothing) {
  ASSERT_TRUE(store_.Store("t:rec:1", 0, Text("one"),
                           {IndexOp::Add("t:all", "1", 10), IndexOp::Add("t:y2024", "1", 10),
                            IndexOp::Add("t:y2025", "1", 10)})
                  .ok());
  EXPECT_TRUE(InSet("t:all", "1"));
  EXPECT_TRUE(InSet("t:y2024", "1"));
  EXPECT_TRUE(InSet("t:y2025", "1"));

  // Moving between indexes in the same step as version 2.
  ASSERT_TRUE(store_.Store("t:rec:1", 1, Text("two"),
                           {IndexOp::Add("t:y2026", "1", 10), IndexOp::Remove("t:y2024", "1")})
                  .ok());
  EXPECT_FALSE(InSet("t:y2024", "1"));
  EXPECT_TRUE(InSet("t:y2026", "1"));

  // A stale version: ABORTED, and neither the record, the indexes nor the memo change.
  const MemoWrite memo{"t:req:alice:r9", "fp\nanswer"};
  Status stale = store_.Store("t:rec:1", 1, Text("three"),
                              {IndexOp::Add("t:y2030", "1", 10), IndexOp::Remove("t:y2025", "1")}, memo);
  EXPECT_EQ(stale.code(), Code::kAborted);
  StringValue read;
  int64_t version = 0;
  ASSERT_TRUE(store_.Load("t:rec:1", "record", &read, &version).ok());
  EXPECT_EQ(read.value(), "two");
  EXPECT_EQ(version, 2);
  EXPECT_FALSE(InSet("t:y2030", "1"));
  EXPECT_TRUE(InSet("t:y2025", "1"));
  EXPECT_TRUE(redis_.Command({"GET", "t:req:alice:r9"})->is_nil());

  // A new record over an existing one (expected 0) is refused the same way.
  EXPECT_EQ(store_.Store("t:rec:1", 0, Text("again"), {IndexOp::Add("t:all", "dup", 11)}).code(), Code::kAborted);
  EXPECT_FALSE(InSet("t:all", "dup"));
}

TEST_F(RecordStoreTest, WrongTypeIndexKeyWritesNothing) {
  ASSERT_TRUE(redis_.Command({"SET", "t:not-a-zset", "x"}).ok());
  Status s = store_.Store("t:rec:2", 0, Text("one"),
                          {IndexOp::Add("t:all", "2", 1), IndexOp::Add("t:not-a-zset", "2", 1)});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(redis_.Command({"EXISTS", "t:rec:2"})->integer, 0);
  EXPECT_FALSE(InSet("t:all", "2"));
}

TEST_F(RecordStoreTest, AnswerStoredWithTheWriteSurvivesALostFinish) {
  const std::string fingerprint = RequestFingerprint("Create", Text("request"));
  auto claim = memo_.Begin("alice", "req-1", fingerprint);
  ASSERT_TRUE(claim.ok());
  EXPECT_FALSE(claim->replay);
  const StringValue answer = Text("record 7");
  const MemoWriter writer = memo_.Writer("alice", "req-1", fingerprint);
  ASSERT_TRUE(store_.Store("t:rec:7", 0, answer, {IndexOp::Add("t:all", "7", 7)}, writer.For(answer)).ok());
  // The process dies here: no Finish. The memo already holds the answer,
  // with Finish's format and a week's expiry (not the minute of a claim).
  EXPECT_EQ(redis_.Command({"GET", memo_.Key("alice", "req-1")})->str, fingerprint + "\n" + answer.SerializeAsString());
  EXPECT_GT(redis_.Command({"TTL", memo_.Key("alice", "req-1")})->integer, 600000);

  auto retry = memo_.Begin("alice", "req-1", fingerprint);
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_TRUE(retry->replay);
  StringValue earlier;
  ASSERT_TRUE(earlier.ParseFromString(retry->answer));
  EXPECT_EQ(earlier.value(), "record 7");

  auto other = memo_.Begin("alice", "req-1", RequestFingerprint("Create", Text("something else")));
  EXPECT_EQ(other.status().code(), Code::kInvalidArgument);
  // Abandon after a later failure keeps the stored answer.
  memo_.Abandon("alice", "req-1");
  EXPECT_TRUE(memo_.Begin("alice", "req-1", fingerprint)->replay);
}

TEST_F(RecordStoreTest, RunOnceAtomicWritesOnceAndReplays) {
  int writes = 0;
  auto write = [&](const MemoWriter& memo) -> Result<StringValue> {
    ++writes;
    StringValue answer = Text("n" + std::to_string(writes));
    TDKT_RETURN_IF_ERROR(store_.Store("t:rec:" + std::to_string(writes), 0, answer,
                                      {IndexOp::Add("t:all", std::to_string(writes), writes)}, memo.For(answer)));
    return answer;
  };
  auto first = RunOnceAtomic<StringValue>(memo_, "bob", "Create", "r-2", Text("req"), write);
  auto second = RunOnceAtomic<StringValue>(memo_, "bob", "Create", "r-2", Text("req"), write);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(writes, 1);
  EXPECT_EQ(second->value(), "n1");
  EXPECT_EQ(RunOnceAtomic<StringValue>(memo_, "bob", "Create", "r-2", Text("other"), write).status().code(),
            Code::kInvalidArgument);

  // A failing write releases its pending claim, so the retry runs.
  auto failing = [&](const MemoWriter&) -> Result<StringValue> { return Status::Aborted("busy"); };
  EXPECT_EQ(RunOnceAtomic<StringValue>(memo_, "bob", "Create", "r-3", Text("req"), failing).status().code(),
            Code::kAborted);
  EXPECT_TRUE(RunOnceAtomic<StringValue>(memo_, "bob", "Create", "r-3", Text("req"), write).ok());
  EXPECT_EQ(writes, 2);
}

TEST_F(RecordStoreTest, EveryKindOfChangeGoesInTheSameStep) {
  const MemoWrite memo{"t:req:carol:r1", "fp\nanswer"};
  ASSERT_TRUE(store_.Store("t:rec:3", 0, Text("three"),
                           {IndexOp::AddToSet("t:set", "a"), IndexOp::AddToSet("t:set", "b"),
                            IndexOp::Append("t:list", "3"), IndexOp::PutIfAbsent("t:state", "scheduled"),
                            IndexOp::Put("t:plain", "p"), IndexOp::PutField("t:hash", "f", "v")},
                           memo)
                  .ok());
  EXPECT_EQ(redis_.Command({"SCARD", "t:set"})->integer, 2);
  EXPECT_EQ(redis_.Command({"LRANGE", "t:list", "0", "-1"})->elements.size(), 1u);
  EXPECT_EQ(redis_.Command({"GET", "t:state"})->str, "scheduled");
  EXPECT_EQ(redis_.Command({"GET", "t:plain"})->str, "p");
  EXPECT_EQ(redis_.Command({"HGET", "t:hash", "f"})->str, "v");
  EXPECT_EQ(redis_.Command({"GET", "t:req:carol:r1"})->str, "fp\nanswer");

  // PutIfAbsent keeps what is there; Apply works without a record.
  ASSERT_TRUE(store_.Apply({IndexOp::PutIfAbsent("t:state", "open"), IndexOp::PutField("t:hash", "g", "w")}).ok());
  EXPECT_EQ(redis_.Command({"GET", "t:state"})->str, "scheduled");
  EXPECT_EQ(redis_.Command({"HGET", "t:hash", "g"})->str, "w");

  // A key of the wrong type for its change: nothing at all is written.
  const MemoWrite memo2{"t:req:carol:r2", "fp\nanswer"};
  Status wrong = store_.Apply({IndexOp::PutField("t:hash", "h", "x"), IndexOp::AddToSet("t:list", "4")}, memo2);
  EXPECT_FALSE(wrong.ok());
  EXPECT_TRUE(redis_.Command({"HGET", "t:hash", "h"})->is_nil());
  EXPECT_TRUE(redis_.Command({"GET", "t:req:carol:r2"})->is_nil());
}

TEST_F(RecordStoreTest, RunOnceAtomicThenCompletesOnTheFirstRunAndOnEveryReplay) {
  int writes = 0;
  int completions = 0;
  auto write = [&](const MemoWriter& memo) -> Result<StringValue> {
    ++writes;
    StringValue answer = Text("once");
    TDKT_RETURN_IF_ERROR(store_.Apply({IndexOp::Put("t:once", "1")}, memo.For(answer)));
    return answer;
  };
  auto complete = [&](const StringValue& answer) -> Status {
    ++completions;
    return answer.value() == "once" ? Status::Ok() : Status::Internal("wrong answer");
  };
  // The follow-up fails the first time (the other service is down): the
  // write stays, the caller gets the error, and the retry completes it.
  auto failing = [&](const StringValue&) -> Status { return Status::Unavailable("nomination service is down"); };
  EXPECT_EQ(RunOnceAtomicThen<StringValue>(memo_, "dan", "Note", "r-1", Text("req"), write, failing).status().code(),
            Code::kUnavailable);
  ASSERT_TRUE(RunOnceAtomicThen<StringValue>(memo_, "dan", "Note", "r-1", Text("req"), write, complete).ok());
  ASSERT_TRUE(RunOnceAtomicThen<StringValue>(memo_, "dan", "Note", "r-1", Text("req"), write, complete).ok());
  EXPECT_EQ(writes, 1);
  EXPECT_EQ(completions, 2);
}

}  // namespace
}  // namespace tdkt
