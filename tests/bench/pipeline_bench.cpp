// Throughput of the default pipeline, plugin by plugin, and its peak memory.
//
//   pipeline_bench CORPUS_DIR [--workers N]
//
// Pass 1 runs every document through the built-in default pipeline on one
// worker with provenance timings on, and sums each plugin's time: MB/s per
// plugin and for the whole enrichment chain are per core. Pass 2 runs the
// same corpus as `opis run` does, on all workers, and reports wall-clock
// MB/s. Peak RSS is read after each pass. It prints figures; it asserts
// nothing (a benchmark is not a test).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "opis/core/batch_runner.hpp"
#include "opis/core/logging.hpp"
#include "opis/core/pipeline.hpp"
#include "opis/core/plugin_registry.hpp"

namespace {

namespace fs = std::filesystem;
using opis::core::Pipeline;

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::vector<fs::path> corpus_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct PluginTime {
  std::string kind;
  double seconds = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR [--workers N]\n", argv[0]);
    return 2;
  }
  const fs::path corpus = argv[1];
  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--workers")
      workers = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }
  opis::core::configure_logging(opis::core::LogFormat::kHuman, spdlog::level::err);

  const fs::path out = fs::temp_directory_path() / "opis-bench-out";
  fs::create_directories(out);
  const auto registry = opis::core::PluginRegistry::load({opis::core::builtin_plugin_directory()});
  auto config = opis::core::parse_pipeline_config(
      opis::core::default_pipeline_yaml(), "built-in default pipeline", {{"out", out.string()}});
  const auto files = corpus_files(corpus);

  // Pass 1: one worker, per-plugin time from the provenance timings.
  config.timings = true;
  std::map<std::string, PluginTime> times;
  uint64_t bytes = 0;
  uint64_t records = 0;
  uint64_t failures = 0;
  const auto pass1_start = std::chrono::steady_clock::now();
  {
    Pipeline pipeline(config, registry, 1);
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      opis::core::Document document;
      document.uri = file.string();
      document.name = file.filename().string();
      document.content.assign(std::istreambuf_iterator<char>(in), {});
      bytes += document.content.size();
      auto result = pipeline.process(std::move(document), 0);
      if (result.failure) {
        ++failures;
        continue;
      }
      // The ingest event is on every record of a document with the same
      // duration: count it once per document.
      bool ingest_counted = false;
      for (const auto& record : result.records) {
        for (const auto& event : record->message.provenance()) {
          if (event.kind() == "ingest") {
            if (ingest_counted) continue;
            ingest_counted = true;
          }
          auto& t = times[event.kind() + "/" + event.plugin()];
          t.kind = event.kind();
          t.seconds += event.duration_us() / 1e6;
        }
      }
      records += result.records.size();
      pipeline.write(result, file.string());
    }
    pipeline.flush();
  }
  const double pass1_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - pass1_start).count();
  const double pass1_rss = peak_rss_mb();
  const double mb = bytes / 1e6;

  std::printf("corpus: %s, %zu documents, %.1f MB, %llu records, %llu failed\n\n",
              corpus.string().c_str(), files.size(), mb, static_cast<unsigned long long>(records),
              static_cast<unsigned long long>(failures));
  std::printf("per core (1 worker)          seconds      MB/s\n");
  double enrich_seconds = 0;
  for (const auto& [name, t] : times) {
    std::printf("  %-26s %8.2f %9.1f\n", name.c_str(), t.seconds,
                t.seconds > 0 ? mb / t.seconds : 0.0);
    if (t.kind == "enrich") enrich_seconds += t.seconds;
  }
  std::printf("  %-26s %8.2f %9.1f   (target >= 30 MB/s per core)\n", "enrichment chain",
              enrich_seconds, enrich_seconds > 0 ? mb / enrich_seconds : 0.0);
  std::printf("  %-26s %8.2f %9.1f\n", "whole pipeline, 1 worker", pass1_seconds,
              mb / pass1_seconds);
  std::printf("  peak RSS after pass 1: %.0f MB\n\n", pass1_rss);

  // Pass 2: as `opis run` does it, all workers, timings off.
  config.timings = false;
  const auto pass2_start = std::chrono::steady_clock::now();
  opis::core::BatchSummary summary;
  {
    Pipeline pipeline(config, registry, workers);
    summary = opis::core::run_batch(pipeline, {corpus.string()}, {});
  }
  const double pass2_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - pass2_start).count();
  std::printf("all workers (%u)               seconds      MB/s\n", workers);
  std::printf("  %-26s %8.2f %9.1f\n", "whole pipeline", pass2_seconds, mb / pass2_seconds);
  std::printf("  peak RSS after pass 2: %.0f MB   (target < 300 MB whatever the corpus size)\n",
              peak_rss_mb());
  fs::remove_all(out);
  return 0;
}
