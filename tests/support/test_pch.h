// The precompiled header every test binary reuses (tests/CMakeLists.txt):
// the heavy third-party headers nearly every test includes. Only stable
// library headers belong here, never our own, so editing a test or a
// service does not rebuild it.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <prometheus/registry.h>
