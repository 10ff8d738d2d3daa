// A running pipeline: the configured plugins, instantiated. process() takes
// one document through ingest and the enrichers (any worker thread);
// write() and flush() feed the outputs (one thread at a time). Batch mode and
// the daemon share it.
#pragma once

#include <atomic>
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

  // Ingest and enrich one document on worker `worker` (< workers()).
  DocumentResult process(Document document, unsigned worker,
                         const std::atomic<bool>* cancel = nullptr);

  // Hand a document's records to every output, in order.
  std::optional<DocumentFailure> write(const DocumentResult& result, std::string_view uri);

  // Make every output durable; the errors, by output.
  std::vector<std::string> flush();

 private:
  struct Step;
  Step& ingester_for(const Document& document, unsigned worker, std::string& why_none);
  PluginInstance& instance(Step& step, unsigned worker);
  void stamp_record(opis_record& record, const Document& document, const std::string& sha256,
                    const Step& ingester, uint32_t position, uint32_t duration_us);

  PipelineConfig config_;
  unsigned workers_;
  std::vector<std::unique_ptr<Step>> ingest_;
  std::vector<std::unique_ptr<Step>> enrich_;
  std::vector<std::unique_ptr<Step>> output_;
};

}  // namespace opis::core
