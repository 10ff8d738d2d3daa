#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "commands.hpp"
#include "opis/core/batch_runner.hpp"
#include "opis/core/error.hpp"
#include "opis/core/pipeline.hpp"
#include "opis/core/plugin_registry.hpp"
#include "progress_bar.hpp"

namespace opis::cli {

namespace {

void print_summary(const core::BatchSummary& summary) {
  const auto& t = summary.totals;
  const double mb = t.bytes / 1e6;
  const double mb_per_s = t.seconds > 0 ? mb / t.seconds : 0.0;
  std::printf("opis: %llu documents, %llu records, %llu failed, %.2f MB in %.2f s (%.1f MB/s)\n",
              static_cast<unsigned long long>(t.documents_done),
              static_cast<unsigned long long>(t.records),
              static_cast<unsigned long long>(t.failures), mb, t.seconds, mb_per_s);
}

void print_failure(const core::BatchFailure& f) {
  std::fprintf(stderr, "opis: failed: %s: %s%s%s\n", f.input.c_str(),
               f.plugin.empty() ? "" : f.plugin.c_str(), f.plugin.empty() ? "" : ": ",
               f.reason.c_str());
}

}  // namespace

int run_command(const GlobalOptions& global, const RunOptions& options) {
  const core::PipelineVariables variables = {{"out", options.out_dir}};
  core::PipelineConfig config =
      options.pipeline.empty() ? core::parse_pipeline_config(core::default_pipeline_yaml(),
                                                             "built-in default pipeline", variables)
                               : core::load_pipeline_config(options.pipeline, variables);

  const auto registry = core::PluginRegistry::load(core::plugin_search_path(global.plugin_path));
  for (const auto& failure : registry.failures()) {
    spdlog::warn("{}", failure.message());
  }
  for (const auto& note : registry.notes()) spdlog::debug("{}", note);

  unsigned workers = options.workers != 0 ? options.workers : config.workers;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());

  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    throw core::UsageError(options.out_dir +
                           ": cannot create the output directory: " + ec.message());
  }
  core::Pipeline pipeline(config, registry, workers);

  ProgressBar bar(stderr);
  const bool show_progress = options.progress && bar.enabled();
  core::BatchOptions batch;
  if (config.queue_depth != 0) batch.queue_depth = config.queue_depth;
  batch.on_progress = [&](const core::BatchProgress& p) {
    if (show_progress) bar.update(p);
  };
  batch.on_failure = [&](const core::BatchFailure& f) {
    bar.clear();
    print_failure(f);
  };
  const core::BatchSummary summary = core::run_batch(pipeline, options.inputs, batch);
  bar.clear();
  for (const auto& e : summary.flush_errors)
    std::fprintf(stderr, "opis: output failed: %s\n", e.c_str());
  print_summary(summary);
  return summary.ok() ? kExitOk : kExitFailures;
}

}  // namespace opis::cli
