// Criteria sets as data: checking a set an officer publishes, the national
// set preloaded on every node, choosing the version in force at a moment and
// the criteria that apply to one nominee. Pure rules: no storage, no RPC.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "tdkt/evaluation/v1/criteria.pb.h"

namespace tdkt::evaluation {

namespace v1 = ::tdkt::evaluation::v1;

// Normalises (NFC, trimmed text; max_score default 10; pass_score default
// max_score / 2) and checks a set before it is published. Field names in
// errors are prefixed "set.", e.g. "set.criteria[2].weight". proto3 cannot
// tell 0 from unset, so pass_score 0 always means the default (half).
Status NormalizeCriteriaSet(v1::CriteriaSet& set);

// The national set (agency "", movement ""): the four general criteria of
// seed 004 IV.2.b for every nominee, and one criterion per national field
// (IV.2.c) that applies to nominees of that field. Version 1, in force from
// the Unix epoch, so every nomination has a set.
v1::CriteriaSet NationalCriteriaSet();

// The version in force at `at_unix_seconds`: the newest whose in_force_from
// is not after it (compared in whole seconds, so a version is in force from
// the second it was published). `versions` oldest first. Null when none was yet.
const v1::CriteriaSet* VersionInForce(const std::vector<v1::CriteriaSet>& versions, int64_t at_unix_seconds);

// Criteria of `set` that apply to a nominee working in `fields`: every
// criterion without a field, plus those whose field is one of `fields`.
std::vector<v1::Criterion> ApplicableCriteria(const v1::CriteriaSet& set, const std::vector<std::string>& fields);

// True for codes of lower-case letters, digits and dashes, 1..64 long
// (criterion codes, title codes).
bool IsSlug(const std::string& code);

}  // namespace tdkt::evaluation
