// The daemon's pipeline, replaceable while serving. Workers take a lease for
// each document; a reload builds and validates the new pipeline beside the
// running one, then waits for the current leases to end (new documents wait
// a moment, connections stay up), flushes the old outputs, and swaps. A new
// config that fails to load leaves the old pipeline serving.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "metrics.hpp"
#include "opis/core/pipeline.hpp"
#include "opis/core/plugin_registry.hpp"
#include "serve_config.hpp"

namespace opis::server {

class LivePipeline {
 public:
  // Loads the plugins and builds the pipeline of `config`. Throws
  // UsageError naming every problem.
  LivePipeline(const ServeConfig& config, std::string plugin_path, Metrics& metrics);
  ~LivePipeline();

  unsigned workers() const { return workers_; }

  // Ingest, enrich and write one document on `worker`. The result's records
  // are what the outputs received; a failure at any step is in .failure.
  core::DocumentResult process(core::Document document, unsigned worker,
                               const std::atomic<bool>* cancel);

  // Replaces the pipeline with the one `config` describes. Throws
  // UsageError (the old pipeline keeps serving) when it does not load.
  void reload(const ServeConfig& config);

  // Makes the outputs durable; the errors, by output.
  std::vector<std::string> flush();

  // The plugins of the running registry.
  std::vector<std::shared_ptr<const core::PluginLibrary>> plugins() const;
  // The SQLite store the daemon searches: the config's `store`, else the
  // `path` of the pipeline's output/sqlite step; empty when there is none.
  std::string store_path() const;

 private:
  struct Generation;
  static std::shared_ptr<Generation> build(const ServeConfig& config,
                                           const std::string& plugin_path, unsigned workers,
                                           Metrics& metrics);

  const std::string plugin_path_;
  Metrics& metrics_;
  unsigned workers_ = 1;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::shared_ptr<Generation> current_;
  unsigned leases_ = 0;
  bool swapping_ = false;
  std::mutex reload_mutex_;  // one reload at a time
  std::mutex output_mutex_;  // outputs take one document at a time
};

}  // namespace opis::server
