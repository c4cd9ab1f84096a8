#include "common/generic_rpc.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace tdkt {

GenericRpcClient::GenericRpcClient(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)), stub_(std::make_unique<grpc::GenericStub>(channel_)) {}

grpc::Status GenericRpcClient::Call(const std::string& path, const std::string& request, const RpcMetadata& metadata,
                                    int64_t timeout_ms, std::string* response) const {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeout_ms));
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);

  grpc::Slice slice(request.data(), request.size());
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  grpc::Status status;
  stub_->UnaryCall(&context, path, grpc::StubOptions(), &request_buffer, &response_buffer, [&](grpc::Status s) {
    std::lock_guard<std::mutex> lock(mu);
    status = std::move(s);
    done = true;
    cv.notify_one();
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done; });
  }
  if (!status.ok()) return status;

  std::vector<grpc::Slice> slices;
  if (!response_buffer.Dump(&slices).ok()) return grpc::Status(grpc::StatusCode::INTERNAL, "unreadable response");
  response->clear();
  for (const auto& s : slices) response->append(reinterpret_cast<const char*>(s.begin()), s.size());
  return status;
}

}  // namespace tdkt
