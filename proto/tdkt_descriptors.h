// Every tdkt .proto as one serialized google.protobuf.FileDescriptorSet,
// with imports and source comments (built by proto/CMakeLists.txt).
#pragma once

#include <string_view>

namespace tdkt {

std::string_view TdktDescriptorSet();

}  // namespace tdkt
