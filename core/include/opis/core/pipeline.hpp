// A running pipeline: the configured plugins, instantiated. process() takes
// one document through ingest and the enrichers (any worker thread);
// write() and flush() feed the outputs (one thread at a time). Batch mode and
// the daemon share it.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "opis/core/host_objects.hpp"
#include "opis/core/pipeline_config.hpp"
#include "opis/core/plugin_instance.hpp"
#include "opis/core/plugin_registry.hpp"

namespace opis::core {

struct Document {
  std::string uri;         // as given: a path, a URI, "stdin"
  std::string name;        // file name without directories
  std::string media_type;  // declared; sniffed when empty
  std::string content;
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct DocumentFailure {
  std::string plugin;  // "ingest/text"; empty when no plugin was involved
  opis_status status = OPIS_INVALID_INPUT;
  std::string reason;
};

struct DocumentResult {
  std::vector<std::unique_ptr<opis_record>> records;
  std::optional<DocumentFailure> failure;
};

// Told how long each plugin call took (the daemon's latency histograms).
// Called from worker threads, concurrently; step_started and step_finished
// of one call run on the thread that makes the call, so an observer can read
// that thread's CPU clock around it (the pipeline bench does).
class PipelineObserver {
 public:
  virtual ~PipelineObserver() = default;
  virtual void step_started(const std::string& /*plugin_label*/) {}
  virtual void step_finished(const std::string& plugin_label, std::chrono::nanoseconds elapsed,
                             bool ok) = 0;
};

class Pipeline {
 public:
  // Checks every step first (the plugin exists, its config passes its
  // schema) and reports all problems at once in one UsageError; then creates
  // the instances: `workers` per ingester and enricher (one if the plugin is
  // thread-safe), one per output.
  Pipeline(const PipelineConfig& config, const PluginRegistry& registry, unsigned workers);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  unsigned workers() const { return workers_; }
  const PipelineConfig& config() const { return config_; }
  // Set before the first process(); the observer outlives the pipeline.
  void set_observer(PipelineObserver* observer) { observer_ = observer; }

  // Ingest and enrich one document on worker `worker` (< workers()), up to
  // the first in-order enricher (OPIS_FLAG_IN_ORDER); all of them when the
  // pipeline has none.
  DocumentResult process(Document document, unsigned worker,
                         const std::atomic<bool>* cancel = nullptr);

  // The rest of the chain: the first in-order enricher and every one after
  // it. Call for one document at a time, in the order its results go to
  // write(). Does nothing when the pipeline has no in-order enricher or
  // `result` already failed; a failure lands in result.failure.
  void enrich_in_order(DocumentResult& result, const std::string& uri,
                       const std::atomic<bool>* cancel = nullptr);
  bool has_in_order_steps() const { return in_order_begin_ < enrich_.size(); }

  // Hand a document's records to every output, in order.
  std::optional<DocumentFailure> write(const DocumentResult& result, std::string_view uri);
  bool has_output_steps() const { return !output_.empty(); }

  // Make every output durable; the errors, by output.
  std::vector<std::string> flush();

 private:
  struct Step;
  Step& ingester_for(const Document& document, unsigned worker, std::string& why_none);
  PluginInstance& instance(Step& step, unsigned worker);
  void stamp_record(opis_record& record, const Document& document, const std::string& sha256,
                    const Step& ingester, uint32_t position, uint32_t duration_us);
  // Runs enrich_[begin, end) over the records; a failing document gets
  // result.failure set and its records dropped.
  void enrich_steps(DocumentResult& result, size_t begin, size_t end, const std::string& uri,
                    unsigned worker, const std::atomic<bool>* cancel);

  PipelineConfig config_;
  unsigned workers_;
  PipelineObserver* observer_ = nullptr;
  std::vector<std::unique_ptr<Step>> ingest_;
  std::vector<std::unique_ptr<Step>> enrich_;
  size_t in_order_begin_ = 0;  // enrich_[in_order_begin_, end) run in input order
  std::vector<std::unique_ptr<Step>> output_;
};

}  // namespace opis::core
