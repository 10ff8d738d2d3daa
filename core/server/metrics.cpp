#include "metrics.hpp"

#include <fmt/format.h>

#include <iterator>

namespace opis::server {

namespace {

// Label values are quoted; backslash, quote and newline must be escaped.
std::string label_value(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

const char* grpc_code_name(int code) {
  static constexpr const char* kNames[] = {"OK",
                                           "CANCELLED",
                                           "UNKNOWN",
                                           "INVALID_ARGUMENT",
                                           "DEADLINE_EXCEEDED",
                                           "NOT_FOUND",
                                           "ALREADY_EXISTS",
                                           "PERMISSION_DENIED",
                                           "RESOURCE_EXHAUSTED",
                                           "FAILED_PRECONDITION",
                                           "ABORTED",
                                           "OUT_OF_RANGE",
                                           "UNIMPLEMENTED",
                                           "INTERNAL",
                                           "UNAVAILABLE",
                                           "DATA_LOSS",
                                           "UNAUTHENTICATED"};
  if (code < 0 || code >= static_cast<int>(std::size(kNames))) return "UNKNOWN";
  return kNames[code];
}

}  // namespace

void Metrics::document_finished(bool ok, uint64_t records, uint64_t bytes) {
  (ok ? documents_ok_ : documents_failed_).fetch_add(1, std::memory_order_relaxed);
  records_.fetch_add(records, std::memory_order_relaxed);
  bytes_.fetch_add(bytes, std::memory_order_relaxed);
}

void Metrics::rpc_finished(std::string_view method, int code) {
  std::lock_guard lock(mutex_);
  ++rpcs_[{std::string(method), code}];
}

void Metrics::reloaded(bool ok) {
  (ok ? reloads_ok_ : reloads_failed_).fetch_add(1);
}

void Metrics::step_finished(const std::string& plugin_label, std::chrono::nanoseconds elapsed,
                            bool ok) {
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  auto it = steps_.find(plugin_label);
  if (it == steps_.end()) it = steps_.emplace(plugin_label, Histogram{}).first;
  Histogram& h = it->second;
  if (bucket < kBuckets.size()) ++h.counts[bucket];
  ++h.count;
  if (!ok) ++h.failures;
  h.sum += seconds;
}

void Metrics::set_queue_probe(std::function<uint64_t()> queued, std::function<uint64_t()> running) {
  std::lock_guard lock(mutex_);
  queued_ = std::move(queued);
  running_ = std::move(running);
}

std::string Metrics::render() const {
  std::string out;
  auto append = [&out](std::string_view text) { out.append(text); };
  append("# HELP opis_documents_total Documents processed, by outcome.\n");
  append("# TYPE opis_documents_total counter\n");
  out += fmt::format("opis_documents_total{{outcome=\"ok\"}} {}\n", documents_ok_.load());
  out += fmt::format("opis_documents_total{{outcome=\"failed\"}} {}\n", documents_failed_.load());
  append("# HELP opis_records_total Records produced.\n# TYPE opis_records_total counter\n");
  out += fmt::format("opis_records_total {}\n", records_.load());
  append("# HELP opis_failures_total Documents that failed.\n");
  append("# TYPE opis_failures_total counter\n");
  out += fmt::format("opis_failures_total {}\n", documents_failed_.load());
  append("# HELP opis_input_bytes_total Bytes of documents received.\n");
  append("# TYPE opis_input_bytes_total counter\n");
  out += fmt::format("opis_input_bytes_total {}\n", bytes_.load());
  append("# HELP opis_reloads_total Configuration reloads, by outcome.\n");
  append("# TYPE opis_reloads_total counter\n");
  out += fmt::format("opis_reloads_total{{outcome=\"ok\"}} {}\n", reloads_ok_.load());
  out += fmt::format("opis_reloads_total{{outcome=\"failed\"}} {}\n", reloads_failed_.load());

  std::lock_guard lock(mutex_);
  append("# HELP opis_queue_depth Documents waiting for a worker.\n");
  append("# TYPE opis_queue_depth gauge\n");
  out += fmt::format("opis_queue_depth {}\n", queued_ ? queued_() : 0);
  append("# HELP opis_documents_in_progress Documents being processed.\n");
  append("# TYPE opis_documents_in_progress gauge\n");
  out += fmt::format("opis_documents_in_progress {}\n", running_ ? running_() : 0);

  append("# HELP opis_rpc_total Finished calls, by method and status code.\n");
  append("# TYPE opis_rpc_total counter\n");
  for (const auto& [key, count] : rpcs_) {
    out += fmt::format("opis_rpc_total{{method=\"{}\",code=\"{}\"}} {}\n", label_value(key.first),
                       grpc_code_name(key.second), count);
  }

  append("# HELP opis_plugin_duration_seconds Time per plugin call (outputs: per document).\n");
  append("# TYPE opis_plugin_duration_seconds histogram\n");
  for (const auto& [plugin, h] : steps_) {
    const std::string name = label_value(plugin);
    uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out += fmt::format("opis_plugin_duration_seconds_bucket{{plugin=\"{}\",le=\"{}\"}} {}\n",
                         name, kBuckets[i], cumulative);
    }
    out += fmt::format("opis_plugin_duration_seconds_bucket{{plugin=\"{}\",le=\"+Inf\"}} {}\n",
                       name, h.count);
    out += fmt::format("opis_plugin_duration_seconds_sum{{plugin=\"{}\"}} {}\n", name, h.sum);
    out += fmt::format("opis_plugin_duration_seconds_count{{plugin=\"{}\"}} {}\n", name, h.count);
  }
  append("# HELP opis_plugin_failures_total Plugin calls that failed.\n");
  append("# TYPE opis_plugin_failures_total counter\n");
  for (const auto& [plugin, h] : steps_) {
    out += fmt::format("opis_plugin_failures_total{{plugin=\"{}\"}} {}\n", label_value(plugin),
                       h.failures);
  }
  return out;
}

}  // namespace opis::server
