// The daemon's counters, gauges and latency histograms, rendered in the
// Prometheus text exposition format (version 0.0.4) for GET /metrics.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "opis/core/pipeline.hpp"

namespace opis::server {

class Metrics : public core::PipelineObserver {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 14> kBuckets = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};

  void document_finished(bool ok, uint64_t records, uint64_t bytes);
  // `code` is the gRPC status code the call ended with.
  void rpc_finished(std::string_view method, int code);
  void reloaded(bool ok);
  void step_finished(const std::string& plugin_label, std::chrono::nanoseconds elapsed,
                     bool ok) override;

  // Read when rendering: queued and running documents.
  void set_queue_probe(std::function<uint64_t()> queued, std::function<uint64_t()> running);

  std::string render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // not cumulative; summed when rendered
    uint64_t count = 0;
    uint64_t failures = 0;
    double sum = 0;
  };

  std::atomic<uint64_t> documents_ok_{0};
  std::atomic<uint64_t> documents_failed_{0};
  std::atomic<uint64_t> records_{0};
  std::atomic<uint64_t> bytes_{0};
  std::atomic<uint64_t> reloads_ok_{0};
  std::atomic<uint64_t> reloads_failed_{0};
  mutable std::mutex mutex_;
  std::map<std::string, Histogram, std::less<>> steps_;
  std::map<std::pair<std::string, int>, uint64_t> rpcs_;
  std::function<uint64_t()> queued_;
  std::function<uint64_t()> running_;
};

}  // namespace opis::server
