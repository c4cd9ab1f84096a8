#include "services/nomination/domain/lifecycle.h"

#include <gtest/gtest.h>

namespace tdkt::nomination {
namespace {

namespace v1 = ::tdkt::nomination::v1;

TEST(LifecycleTest, TheFourStagesInOrder) {
  EXPECT_TRUE(CheckTransition(v1::DISCOVERED, v1::FOSTERING, Role::kOfficer, "").ok());
  EXPECT_TRUE(CheckTransition(v1::FOSTERING, v1::SUBMITTED, Role::kOfficer, "").ok());
  EXPECT_TRUE(CheckTransition(v1::SUBMITTED, v1::RECOGNISED, Role::kNode, "").ok());
  EXPECT_TRUE(CheckTransition(v1::RECOGNISED, v1::REPLICATING, Role::kOfficer, "").ok());
  EXPECT_TRUE(CheckTransition(v1::REPLICATING, v1::PROPOSED, Role::kNode, "").ok());
}

TEST(LifecycleTest, CouncilDecisionsOnSubmittedCandidatesGoThroughTheEvaluationService) {
  for (v1::NominationState to : {v1::RECOGNISED, v1::PROPOSED, v1::REJECTED}) {
    for (Role role : {Role::kCouncilSecretary, Role::kOfficer, Role::kAdmin}) {
      Status st = CheckTransition(v1::SUBMITTED, to, role, "lý do");
      EXPECT_EQ(st.code(), Code::kPermissionDenied) << StateName(to);
      EXPECT_NE(st.message().find("evaluation service"), std::string::npos);
    }
    EXPECT_TRUE(CheckTransition(v1::SUBMITTED, to, Role::kNode, "lý do").ok());
  }
  // Sending an incomplete file back needs no vote.
  EXPECT_TRUE(CheckTransition(v1::SUBMITTED, v1::RETURNED, Role::kCouncilSecretary, "Thiếu minh chứng").ok());
}

TEST(LifecycleTest, IllegalMovesAreFailedPrecondition) {
  Status st = CheckTransition(v1::DISCOVERED, v1::RECOGNISED, Role::kCouncilSecretary, "");
  EXPECT_EQ(st.code(), Code::kFailedPrecondition);
  EXPECT_NE(st.message().find("allowed next"), std::string::npos);
  EXPECT_EQ(CheckTransition(v1::REJECTED, v1::SUBMITTED, Role::kOfficer, "").code(), Code::kFailedPrecondition);
  EXPECT_EQ(CheckTransition(v1::SUBMITTED, v1::SUBMITTED, Role::kOfficer, "").code(), Code::kFailedPrecondition);
}

TEST(LifecycleTest, FinalStatesHaveNoWayOut) {
  for (auto s : {v1::REJECTED, v1::WITHDRAWN, v1::REVOKED}) EXPECT_TRUE(IsFinal(s));
  for (auto s : {v1::DISCOVERED, v1::FOSTERING, v1::SUBMITTED, v1::RECOGNISED, v1::RETURNED,
                 v1::PROPOSED, v1::REPLICATING}) {
    EXPECT_FALSE(IsFinal(s)) << StateName(s);
  }
}

TEST(LifecycleTest, OnlyTheCouncilSideDecides) {
  EXPECT_EQ(CheckTransition(v1::SUBMITTED, v1::RECOGNISED, Role::kOfficer, "").code(), Code::kPermissionDenied);
  EXPECT_EQ(CheckTransition(v1::DISCOVERED, v1::FOSTERING, Role::kCouncilSecretary, "").code(),
            Code::kPermissionDenied);
  EXPECT_EQ(CheckTransition(v1::SUBMITTED, v1::RECOGNISED, Role::kAdmin, "").code(), Code::kPermissionDenied);
}

TEST(LifecycleTest, ReasonsAreRequiredWhereTheyMatter) {
  EXPECT_EQ(CheckTransition(v1::SUBMITTED, v1::RETURNED, Role::kCouncilSecretary, "").field(), "reason");
  EXPECT_TRUE(CheckTransition(v1::SUBMITTED, v1::RETURNED, Role::kCouncilSecretary, "Thiếu minh chứng").ok());
  EXPECT_EQ(CheckTransition(v1::DISCOVERED, v1::WITHDRAWN, Role::kOfficer, "").field(), "reason");
  EXPECT_EQ(CheckTransition(v1::RECOGNISED, v1::REVOKED, Role::kCouncilSecretary, "").field(), "reason");
}

TEST(LifecycleTest, UnspecifiedTargetIsInvalid) {
  EXPECT_EQ(CheckTransition(v1::DISCOVERED, v1::NOMINATION_STATE_UNSPECIFIED, Role::kOfficer, "").field(),
            "to_state");
}

}  // namespace
}  // namespace tdkt::nomination
