#include "common/agency_tree.h"

#include <gtest/gtest.h>

namespace tdkt {
namespace {

// A slice of the real 2024 structure: province, district, communes.
AgencyTree Sample() {
  AgencyTree t;
  EXPECT_TRUE(t.Add({"TW", "Ban Thi đua - Khen thưởng Trung ương", "Trung ương", "", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"58", "Tỉnh Ninh Thuận", "Tỉnh", "TW", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"582", "Thành phố Phan Rang-Tháp Chàm", "Thành phố", "58", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"22738", "Phường Đô Vinh", "Phường", "582", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"22741", "Phường Phước Mỹ", "Phường", "582", "", {}, 1}).ok());
  EXPECT_TRUE(t.Add({"56", "Tỉnh Khánh Hòa", "Tỉnh", "TW", "", {}, 1}).ok());
  return t;
}

TEST(AgencyTreeTest, SubtreeAndWithin) {
  AgencyTree t = Sample();
  EXPECT_TRUE(t.IsWithin("58", "22738"));
  EXPECT_TRUE(t.IsWithin("22738", "22738"));
  EXPECT_FALSE(t.IsWithin("56", "22738"));
  EXPECT_FALSE(t.IsWithin("22738", "58"));
  EXPECT_EQ(t.Subtree("58"), (std::vector<std::string>{"58", "582", "22738", "22741"}));
}

TEST(AgencyTreeTest, RejectsUnknownParentAndBadIds) {
  AgencyTree t = Sample();
  EXPECT_EQ(t.Add({"x1", "X", "Xã", "nope", "", {}, 1}).field(), "parent_id");
  EXPECT_EQ(t.Add({"bad id", "X", "Xã", "58", "", {}, 1}).field(), "id");
  EXPECT_EQ(t.Add({"58", "X", "Xã", "TW", "", {}, 1}).code(), Code::kAlreadyExists);
}

TEST(AgencyTreeTest, RenameKeepsFormerNames) {
  AgencyTree t = Sample();
  ASSERT_TRUE(t.Rename("22738", "Phường Đô Vinh mới").ok());
  EXPECT_EQ(t.Find("22738")->former_names, std::vector<std::string>{"Phường Đô Vinh"});
  EXPECT_EQ(t.Find("22738")->version, 2);
}

TEST(AgencyTreeTest, MoveRefusesCycles) {
  AgencyTree t = Sample();
  EXPECT_EQ(t.Move("58", "22738").field(), "new_parent_id");
  ASSERT_TRUE(t.Move("582", "56").ok());
  EXPECT_TRUE(t.IsWithin("56", "22741"));
  EXPECT_FALSE(t.IsWithin("58", "22741"));
}

TEST(AgencyTreeTest, MergedUnitStaysReadableUnderItsSuccessor) {
  AgencyTree t = Sample();
  // 2025: districts abolished; Phan Rang-Tháp Chàm merged into the province.
  ASSERT_TRUE(t.Merge("582", "58").ok());
  EXPECT_EQ(t.Successor("582"), "58");
  EXPECT_EQ(t.Find("22738")->parent_id, "58");  // live children follow
  EXPECT_TRUE(t.IsWithin("58", "582"));
  EXPECT_EQ(t.Merge("582", "56").code(), Code::kFailedPrecondition);
  EXPECT_EQ(t.Merge("58", "22738").field(), "successor_id");
}

TEST(AgencyTreeTest, LoadsTheSharedUnitListFormat) {
  const char* json = R"([
    {"code": "56", "name": "Tỉnh Khánh Hòa", "type": "Tỉnh", "parent_code": null},
    {"code": "22333", "name": "Phường Bắc Nha Trang", "type": "Phường", "parent_code": "56"}])";
  auto tree = AgencyTree::FromJson(json, "TW", "Trung ương");
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  EXPECT_EQ(tree->size(), 3u);
  EXPECT_EQ(tree->Find("56")->parent_id, "TW");
  EXPECT_EQ(tree->Find("22333")->kind, "Phường");
  EXPECT_FALSE(AgencyTree::FromJson("{", "TW", "x").ok());
}

}  // namespace
}  // namespace tdkt
