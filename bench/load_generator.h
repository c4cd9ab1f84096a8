// A closed-loop load generator on the gRPC async client API: a fixed number
// of calls is kept in flight, and each completion immediately starts the next
// call in its slot. A few threads, each draining its own CompletionQueue,
// drive all slots, so high concurrency needs no thread per call.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

namespace tdkt::bench {

// One in-flight call position. The generator calls Start(), waits for `tag`
// on the queue, reads status() and Check(), then calls Start() again.
class CallSlot {
 public:
  virtual ~CallSlot() = default;
  // Begins call number `n` (unique across the whole run); completion is
  // reported on `cq` with `tag`.
  virtual void Start(uint64_t n, grpc::CompletionQueue* cq, void* tag) = 0;
  virtual const grpc::Status& status() const = 0;
  // After an OK completion: an empty string if the response is as expected,
  // else what is wrong with it (counted as an error). May also record the
  // response, e.g. a created id.
  virtual std::string Check(uint64_t n) { return ""; }
};

using SlotFactory = std::function<std::unique_ptr<CallSlot>()>;

// A CallSlot for one unary method of a generated stub. `fill` writes call
// `n`'s request and metadata; `prepare` is e.g.
//   [&](auto* ctx, const auto& req, auto* cq) { return stub->PrepareAsyncEcho(ctx, req, cq); }
template <typename Request, typename Response>
class UnaryCallSlot : public CallSlot {
 public:
  using Prepare = std::function<std::unique_ptr<grpc::ClientAsyncResponseReader<Response>>(
      grpc::ClientContext*, const Request&, grpc::CompletionQueue*)>;
  using Fill = std::function<void(uint64_t n, Request& request, grpc::ClientContext& context)>;
  using OnResponse = std::function<std::string(uint64_t n, const Response& response)>;

  UnaryCallSlot(Prepare prepare, Fill fill, OnResponse on_response = nullptr)
      : prepare_(std::move(prepare)), fill_(std::move(fill)), on_response_(std::move(on_response)) {}

  void Start(uint64_t n, grpc::CompletionQueue* cq, void* tag) override {
    context_ = std::make_unique<grpc::ClientContext>();  // A ClientContext serves one call only.
    context_->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    request_.Clear();
    response_.Clear();
    fill_(n, request_, *context_);
    reader_ = prepare_(context_.get(), request_, cq);
    reader_->StartCall();
    reader_->Finish(&response_, &status_, tag);
  }
  const grpc::Status& status() const override { return status_; }
  std::string Check(uint64_t n) override { return on_response_ ? on_response_(n, response_) : ""; }

 private:
  Prepare prepare_;
  Fill fill_;
  OnResponse on_response_;
  std::unique_ptr<grpc::ClientContext> context_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> reader_;
  Request request_;
  Response response_;
  grpc::Status status_;
};

struct LoadOptions {
  int concurrency = 16;     // Calls kept in flight.
  int threads = 1;          // Client threads, each with its own queue.
  double warmup_s = 1;      // Completions in this first span are not measured.
  double duration_s = 5;    // Measured span after the warm-up.
};

struct LoadResult {
  uint64_t completed = 0;   // OK calls that completed inside the measured span.
  uint64_t completed_all = 0;  // OK calls over the whole phase (warm-up and drain included).
  double seconds = 0;       // Length of the measured span.
  double ops_per_s = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  uint64_t errors = 0;      // Non-OK calls over the whole phase (warm-up included).
  std::string first_error;  // "CODE: message" of the first one.
};

// Runs one phase and returns once every started call has completed.
LoadResult RunLoad(const SlotFactory& make_slot, const LoadOptions& options);

}  // namespace tdkt::bench
