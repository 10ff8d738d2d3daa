#include "live_pipeline.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <thread>

#include "opis/core/error.hpp"

namespace opis::server {

struct LivePipeline::Generation {
  core::PluginRegistry registry;
  std::unique_ptr<core::Pipeline> pipeline;
  std::string store;
};

namespace {

core::PipelineConfig pipeline_config(const ServeConfig& config) {
  const core::PipelineVariables variables = {{"out", config.out_dir}};
  // Every record goes back to the client, so outputs are optional here.
  return config.pipeline_file.empty()
             ? core::parse_pipeline_config(core::default_pipeline_yaml(),
                                           "built-in default pipeline", variables)
             : core::load_pipeline_config(config.pipeline_file, variables,
                                          core::OutputSteps::kOptional);
}

std::string store_of(const ServeConfig& config, const core::PipelineConfig& pipeline) {
  if (!config.store.empty()) return config.store;
  for (const auto& step : pipeline.output) {
    if (step.plugin == "sqlite" && step.config.contains("path") &&
        step.config["path"].is_string()) {
      return step.config["path"].get<std::string>();
    }
  }
  return {};
}

unsigned worker_count(const ServeConfig& config, const core::PipelineConfig& pipeline) {
  unsigned workers = config.workers != 0 ? config.workers : pipeline.workers;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  return workers;
}

}  // namespace

std::shared_ptr<LivePipeline::Generation> LivePipeline::build(const ServeConfig& config,
                                                              const std::string& plugin_path,
                                                              unsigned workers, Metrics& metrics) {
  const core::PipelineConfig pipeline = pipeline_config(config);
  auto generation = std::make_shared<Generation>();
  generation->registry = core::PluginRegistry::load(core::plugin_search_path(plugin_path));
  for (const auto& failure : generation->registry.failures()) {
    spdlog::warn("{}", failure.message());
  }
  std::error_code ec;
  std::filesystem::create_directories(config.out_dir, ec);
  if (ec) {
    throw core::UsageError(config.out_dir +
                           ": cannot create the output directory: " + ec.message());
  }
  generation->pipeline = std::make_unique<core::Pipeline>(pipeline, generation->registry, workers);
  generation->pipeline->set_observer(&metrics);
  generation->store = store_of(config, pipeline);
  return generation;
}

LivePipeline::LivePipeline(const ServeConfig& config, std::string plugin_path, Metrics& metrics)
    : plugin_path_(std::move(plugin_path)), metrics_(metrics) {
  workers_ = worker_count(config, pipeline_config(config));
  current_ = build(config, plugin_path_, workers_, metrics_);
}

LivePipeline::~LivePipeline() = default;

core::DocumentResult LivePipeline::process(core::Document document, unsigned worker,
                                           const std::atomic<bool>* cancel) {
  std::shared_ptr<Generation> generation;
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !swapping_; });
    generation = current_;
    ++leases_;
  }
  const uint64_t bytes = document.content.size();
  const std::string uri = document.uri;
  core::DocumentResult result = generation->pipeline->process(std::move(document), worker, cancel);
  core::Pipeline& pipeline = *generation->pipeline;
  const bool ordered_steps = pipeline.has_in_order_steps() || pipeline.has_output_steps();
  if (ordered_steps && !result.failure && !(cancel != nullptr && cancel->load())) {
    // In-order enrichers see documents in the order the outputs get them.
    std::lock_guard output_lock(output_mutex_);
    generation->pipeline->enrich_in_order(result, uri, cancel);
    if (!result.failure) {
      if (auto failed = generation->pipeline->write(result, uri))
        result.failure = std::move(failed);
    }
  }
  metrics_.document_finished(!result.failure, result.failure ? 0 : result.records.size(), bytes);
  {
    std::lock_guard lock(mutex_);
    --leases_;
  }
  changed_.notify_all();
  return result;
}

void LivePipeline::reload(const ServeConfig& config) {
  std::lock_guard one_at_a_time(reload_mutex_);
  const unsigned wanted = worker_count(config, pipeline_config(config));
  if (wanted != workers_) {
    spdlog::warn("reload: workers stays {} (a new worker count needs a restart; asked for {})",
                 workers_, wanted);
  }
  // Built beside the running one; throws, leaving it untouched, on failure.
  std::shared_ptr<Generation> next = build(config, plugin_path_, workers_, metrics_);
  std::shared_ptr<Generation> previous;
  {
    std::unique_lock lock(mutex_);
    swapping_ = true;
    changed_.wait(lock, [&] { return leases_ == 0; });
    previous = current_;
  }
  {
    std::lock_guard output_lock(output_mutex_);
    for (const auto& e : previous->pipeline->flush()) spdlog::error("output failed: {}", e);
  }
  {
    std::lock_guard lock(mutex_);
    current_ = std::move(next);
    swapping_ = false;
  }
  changed_.notify_all();
  previous.reset();  // the old outputs close here, after their last flush
}

std::vector<std::string> LivePipeline::flush() {
  std::shared_ptr<Generation> generation;
  {
    std::lock_guard lock(mutex_);
    generation = current_;
  }
  std::lock_guard output_lock(output_mutex_);
  return generation->pipeline->flush();
}

std::vector<std::shared_ptr<const core::PluginLibrary>> LivePipeline::plugins() const {
  std::lock_guard lock(mutex_);
  return current_->registry.plugins();
}

std::string LivePipeline::store_path() const {
  std::lock_guard lock(mutex_);
  return current_->store;
}

}  // namespace opis::server
