// Throughput of the default pipeline, plugin by plugin, and its peak memory.
//
//   pipeline_bench CORPUS_DIR [--workers N]
//
// Plugins come from OPIS_PLUGIN_PATH first, then the built-in directory, as
// for `opis run`: a plugin built elsewhere is timed among the built-in others.
//
// Pass 1 runs every document through the built-in default pipeline on one
// worker with provenance timings on, and sums each plugin's time: MB/s per
// plugin and for the whole enrichment chain are per core. Each plugin's
// wall-clock time (from provenance) is shown beside its CPU time (the
// thread's CPU clock around each call): on a shared machine other processes
// stretch the first far more than the second, so the CPU figures are the
// ones to compare between runs. Reading that clock is a system call, and
// the part of it inside each interval (half a microsecond on the
// development VM, ~2% of the enrichment chain's time) is measured once
// and taken off every timed call, so the CPU figures are the plugins' own.
//
// The per-plugin and chain figures are the best of `--passes` (3) passes:
// pass 1 also writes every output between documents, on the same thread;
// the others run ingestion and enrichment alone, each with new plugin
// instances. Every pass's chain figure is printed. Other tenants of a
// shared machine only ever slow a pass down, so the best pass is the
// nearest to the code's own speed.
//
// A last pass runs the same corpus as `opis run` does, on all workers, and
// reports wall-clock MB/s. Peak RSS is read after the first and the last
// pass. It prints figures; it asserts nothing (a benchmark is not a test).
//
// In pass 1 each output of the default pipeline (records.jsonl,
// archive.sqlite) is a separate instance, timed on its own: records/s and
// MB/s of record text (title, summary and text) written into it, flush
// included. The bench corpus repeats its documents, and a repeated document
// gives records of the same ids, which the sqlite output replaces; a second
// sqlite archive gets every record under an id of its own, so that the
// figure for new records (all indexed afresh) is shown too. The other
// built-in outputs are timed the same way (tei, dublin-core, csv), and
// postgres when OPIS_BENCH_POSTGRES holds a libpq connection string: the
// bench then drops and recreates the schema `opis_bench` in that database
// and writes there.
#include <libpq-fe.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "opis/core/batch_runner.hpp"
#include "opis/core/logging.hpp"
#include "opis/core/pipeline.hpp"
#include "opis/core/plugin_instance.hpp"
#include "opis/core/plugin_registry.hpp"

namespace {

namespace fs = std::filesystem;
using opis::core::Pipeline;

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::vector<fs::path> corpus_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// What an interval bounded by two readings of the thread's CPU clock holds
// when nothing runs between them: the median of many empty intervals.
double clock_reading_cost() {
  std::vector<double> empty(2001);
  for (double& interval : empty) {
    const double start = thread_cpu_seconds();
    interval = thread_cpu_seconds() - start;
  }
  std::nth_element(empty.begin(), empty.begin() + empty.size() / 2, empty.end());
  return empty[empty.size() / 2];
}

struct PluginTime {
  std::string kind;
  double seconds = 0;      // wall clock, from provenance
  double cpu_seconds = 0;  // this thread's CPU clock around each call
  uint64_t calls = 0;      // timed calls: each holds one clock reading's cost
};

// Reads the calling thread's CPU clock around every plugin call. Pass 1 has
// one worker and calls process() itself, so every call runs on this thread.
class CpuClockObserver : public opis::core::PipelineObserver {
 public:
  explicit CpuClockObserver(std::map<std::string, PluginTime>& times) : times_(times) {}
  void step_started(const std::string&) override { started_ = thread_cpu_seconds(); }
  void step_finished(const std::string& plugin_label, std::chrono::nanoseconds, bool) override {
    const double elapsed = thread_cpu_seconds() - started_;
    PluginTime& time = times_[plugin_label];
    time.cpu_seconds += elapsed;
    ++time.calls;
  }

 private:
  std::map<std::string, PluginTime>& times_;
  double started_ = 0;
};

// One output of the pipeline, outside it, so that its time is its own.
struct TimedOutput {
  std::string name;
  bool new_ids = false;  // every record written under an id of its own
  bool extra = false;    // not in the default pipeline: not part of its time
  opis_config config;
  std::unique_ptr<opis::core::PluginInstance> instance;
  double seconds = 0;  // wall clock
  double cpu_seconds =
      0;  // this thread's CPU time: what other processes on the machine do not inflate
  uint64_t timed_calls = 0;
  uint64_t failures = 0;
};

std::vector<TimedOutput> timed_outputs(const std::vector<opis::core::PipelineStep>& steps,
                                       size_t default_steps,
                                       const opis::core::PluginRegistry& registry) {
  std::vector<TimedOutput> outputs;
  std::vector<TimedOutput> with_new_ids;  // last: they rename the records they write
  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    const auto* plugin = registry.find(OPIS_KIND_OUTPUT, step.plugin);
    if (plugin == nullptr) continue;
    TimedOutput output;
    output.name = "output/" + step.plugin;
    output.extra = i >= default_steps;
    output.config.value = plugin->schema().with_defaults(step.config);
    output.config.text = output.config.value.dump();
    output.instance =
        std::make_unique<opis::core::PluginInstance>(registry.shared(plugin), output.config);
    outputs.push_back(std::move(output));
    // The stores again with every record new: the corpus repeats its
    // documents, so the first instance mostly replaces records.
    const bool sqlite = step.plugin == "sqlite" && step.config.contains("path");
    if (sqlite || step.plugin == "postgres") {
      TimedOutput fresh;
      fresh.name = "output/" + step.plugin + ", new ids";
      fresh.new_ids = true;
      fresh.extra = true;
      auto config = step.config;
      // postgres: the same tables; the new ids do not collide with the others.
      if (sqlite) config["path"] = config["path"].get<std::string>() + ".new-ids";
      fresh.config.value = plugin->schema().with_defaults(config);
      fresh.config.text = fresh.config.value.dump();
      fresh.instance =
          std::make_unique<opis::core::PluginInstance>(registry.shared(plugin), fresh.config);
      with_new_ids.push_back(std::move(fresh));
    }
  }
  for (auto& output : with_new_ids) outputs.push_back(std::move(output));
  return outputs;
}

// The connection string for the postgres output, aimed at a fresh schema
// `opis_bench`, when OPIS_BENCH_POSTGRES names a reachable server.
std::optional<std::string> bench_postgres_connection() {
  const char* conninfo = std::getenv("OPIS_BENCH_POSTGRES");
  if (conninfo == nullptr || *conninfo == '\0') return std::nullopt;
  PGconn* conn = PQconnectdb(conninfo);
  PGresult* result = nullptr;
  if (PQstatus(conn) == CONNECTION_OK) {
    result = PQexec(conn, "DROP SCHEMA IF EXISTS opis_bench CASCADE; CREATE SCHEMA opis_bench");
  }
  const bool ready = result != nullptr && PQresultStatus(result) == PGRES_COMMAND_OK;
  if (!ready) {
    std::fprintf(stderr, "OPIS_BENCH_POSTGRES: %s; output/postgres is not measured\n",
                 PQerrorMessage(conn));
  }
  PQclear(result);
  PQfinish(conn);
  if (!ready) return std::nullopt;
  const std::string base = conninfo;
  if (base.starts_with("postgres://") || base.starts_with("postgresql://")) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3Dopis_bench";
  }
  return base + " options='-csearch_path=opis_bench'";
}

// The outputs not in the default pipeline, timed beside it.
std::vector<opis::core::PipelineStep> other_outputs(const fs::path& out) {
  std::vector<opis::core::PipelineStep> steps;
  const auto add = [&](const char* plugin, nlohmann::json config) {
    opis::core::PipelineStep step;
    step.plugin = plugin;
    step.config = std::move(config);
    steps.push_back(std::move(step));
  };
  add("tei", {{"directory", (out / "tei").string()}});
  add("dublin-core", {{"directory", (out / "dc").string()}});
  add("csv", {{"path", (out / "records.csv").string()}});
  if (const auto connection = bench_postgres_connection())
    add("postgres", {{"connection", *connection}});
  return steps;
}

}  // namespace

// Each plugin's wall-clock time from the provenance of a document's records.
// The ingest event is on every record of a document with the same duration:
// it counts once per document.
void add_wall_times(const opis::core::DocumentResult& result,
                    std::map<std::string, PluginTime>& times) {
  bool ingest_counted = false;
  for (const auto& record : result.records) {
    for (const auto& event : record->message().provenance()) {
      if (event.kind() == "ingest") {
        if (ingest_counted) continue;
        ingest_counted = true;
      }
      auto& t = times[event.kind() + "/" + event.plugin()];
      t.kind = event.kind();
      t.seconds += event.duration_us() / 1e6;
    }
  }
}

opis::core::Document read_document(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  opis::core::Document document;
  document.uri = file.string();
  document.name = file.filename().string();
  document.content.assign(std::istreambuf_iterator<char>(in), {});
  return document;
}

// One pass of ingestion and enrichment over `files` on one worker, each
// plugin call timed by `CpuClockObserver` and its provenance event.
std::map<std::string, PluginTime> time_plugins(const opis::core::PipelineConfig& config,
                                               const opis::core::PluginRegistry& registry,
                                               const std::vector<fs::path>& files) {
  std::map<std::string, PluginTime> times;
  Pipeline pipeline(config, registry, 1);
  CpuClockObserver cpu_clock(times);
  pipeline.set_observer(&cpu_clock);
  for (const auto& file : files) {
    opis::core::Document document = read_document(file);
    const std::string uri = document.uri;
    auto result = pipeline.process(std::move(document), 0);
    pipeline.enrich_in_order(result, uri);
    if (result.failure) continue;
    add_wall_times(result, times);
  }
  return times;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR [--workers N] [--passes N]\n", argv[0]);
    return 2;
  }
  const fs::path corpus = argv[1];
  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  unsigned passes = 3;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--workers")
      workers = static_cast<unsigned>(std::stoul(argv[i + 1]));
    if (std::string(argv[i]) == "--passes")
      passes = std::max(1u, static_cast<unsigned>(std::stoul(argv[i + 1])));
  }
  opis::core::configure_logging(opis::core::LogFormat::kHuman, spdlog::level::err);

  // Per process: two benches on one machine must not remove each other's files.
  const fs::path out = fs::temp_directory_path() / ("opis-bench-out-" + std::to_string(::getpid()));
  fs::remove_all(out);  // a previous run's archive would turn inserts into upserts
  fs::create_directories(out);
  const auto registry = opis::core::PluginRegistry::load(opis::core::plugin_search_path(""));
  auto config = opis::core::parse_pipeline_config(
      opis::core::default_pipeline_yaml(), "built-in default pipeline", {{"out", out.string()}});
  const auto files = corpus_files(corpus);

  // Pass 1: one worker, per-plugin time from the provenance timings; each
  // output timed around its own write and flush calls.
  config.timings = true;
  std::map<std::string, PluginTime> times;
  uint64_t bytes = 0;
  uint64_t records = 0;
  uint64_t text_bytes = 0;
  uint64_t documents = 0;
  std::unordered_set<std::string> distinct_ids;
  uint64_t failures = 0;
  auto pass1_config = config;
  pass1_config.output.clear();
  auto timed_steps = config.output;
  for (auto& step : other_outputs(out)) timed_steps.push_back(std::move(step));
  auto outputs = timed_outputs(timed_steps, config.output.size(), registry);
  const auto pass1_start = std::chrono::steady_clock::now();
  {
    Pipeline pipeline(pass1_config, registry, 1);
    CpuClockObserver cpu_clock(times);
    pipeline.set_observer(&cpu_clock);
    for (const auto& file : files) {
      opis::core::Document document = read_document(file);
      bytes += document.content.size();
      ++documents;
      const std::string uri = document.uri;
      auto result = pipeline.process(std::move(document), 0);
      pipeline.enrich_in_order(result, uri);
      if (result.failure) {
        ++failures;
        continue;
      }
      add_wall_times(result, times);
      records += result.records.size();
      for (const auto& record : result.records) {
        text_bytes += record->message().title().size() + record->message().summary().size() +
                      record->message().text().size();
      }
      for (const auto& record : result.records) distinct_ids.insert(record->message().id());
      bool renamed = false;
      for (auto& output : outputs) {
        // The outputs that want new ids come last: the first renames the
        // records, the others write them as renamed.
        if (output.new_ids && !renamed) {
          for (const auto& record : result.records) {
            record->message().set_id(record->message().id() + "-" + std::to_string(documents));
          }
          renamed = true;
        }
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = thread_cpu_seconds();
        for (const auto& record : result.records) {
          if (!output.instance->write(*record, file.string()).ok()) ++output.failures;
        }
        output.cpu_seconds += thread_cpu_seconds() - cpu_start;
        ++output.timed_calls;
        output.seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      }
    }
    for (auto& output : outputs) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = thread_cpu_seconds();
      if (const auto flushed = output.instance->flush(); !flushed.ok()) {
        ++output.failures;
        std::fprintf(stderr, "%s: flush failed: %s\n", output.name.c_str(),
                     flushed.message.c_str());
      }
      output.instance.reset();  // the last commit happens on destroy
      output.cpu_seconds += thread_cpu_seconds() - cpu_start;
      ++output.timed_calls;
      output.seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  }
  // The whole pipeline as `opis run` has it: without the extra archive.
  double extra_output_seconds = 0;
  for (const auto& output : outputs) {
    if (output.extra) extra_output_seconds += output.seconds;
  }
  const double pass1_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - pass1_start).count() -
      extra_output_seconds;
  const double pass1_rss = peak_rss_mb();
  const double mb = bytes / 1e6;

  // More passes of ingestion and enrichment alone, each timed like pass 1.
  std::vector<std::map<std::string, PluginTime>> pass_times = {times};
  for (unsigned pass = 1; pass < passes; ++pass) {
    pass_times.push_back(time_plugins(pass1_config, registry, files));
  }

  std::printf("corpus: %s, %zu documents, %.1f MB, %llu records, %llu failed\n\n",
              corpus.string().c_str(), files.size(), mb, static_cast<unsigned long long>(records),
              static_cast<unsigned long long>(failures));
  auto rate = [mb](double seconds) { return seconds > 0 ? mb / seconds : 0.0; };
  const double reading_cost = clock_reading_cost();
  const auto own_cpu = [reading_cost](double cpu_seconds, uint64_t calls) {
    return std::max(0.0, cpu_seconds - static_cast<double>(calls) * reading_cost);
  };
  std::printf("per core (1 worker, best of %u passes)\n", passes);
  std::printf("                             seconds      MB/s  CPU seconds  MB/s per CPU second\n");
  // Each plugin's row: its pass with the least CPU time. The chain: the pass
  // whose enrichers took the least CPU time in all, not a sum of bests.
  for (const auto& [name, first] : times) {
    const PluginTime* best = &first;
    for (const auto& pass : pass_times) {
      const auto it = pass.find(name);
      if (it != pass.end() && own_cpu(it->second.cpu_seconds, it->second.calls) <
                                  own_cpu(best->cpu_seconds, best->calls)) {
        best = &it->second;
      }
    }
    const double cpu = own_cpu(best->cpu_seconds, best->calls);
    std::printf("  %-26s %8.2f %9.1f %12.2f %10.1f\n", name.c_str(), best->seconds,
                rate(best->seconds), cpu, rate(cpu));
  }
  double enrich_seconds = 0;
  double enrich_cpu_seconds = 0;
  std::string chain_passes;
  for (const auto& pass : pass_times) {
    double seconds = 0;
    double cpu = 0;
    for (const auto& [name, t] : pass) {
      if (t.kind != "enrich") continue;
      seconds += t.seconds;
      cpu += own_cpu(t.cpu_seconds, t.calls);
    }
    char figure[32];
    std::snprintf(figure, sizeof figure, "%s%.1f", chain_passes.empty() ? "" : ", ", rate(cpu));
    chain_passes += figure;
    if (enrich_cpu_seconds == 0 || cpu < enrich_cpu_seconds) {
      enrich_cpu_seconds = cpu;
      enrich_seconds = seconds;
    }
  }
  std::printf("  %-26s %8.2f %9.1f %12.2f %10.1f   (target >= 30 MB/s per core)\n",
              "enrichment chain", enrich_seconds, rate(enrich_seconds), enrich_cpu_seconds,
              rate(enrich_cpu_seconds));
  std::printf("    each pass: %s MB/s per CPU second (the first also writes the outputs)\n",
              chain_passes.c_str());
  std::printf("  %-26s %8.2f %9.1f\n", "whole pipeline, 1 worker", pass1_seconds,
              mb / pass1_seconds);
  std::printf("  peak RSS after pass 1: %.0f MB\n", pass1_rss);
  std::printf("  (CPU seconds: less %.0f ns per timed call, the cost of reading the CPU clock)\n\n",
              reading_cost * 1e9);

  const double text_mb = text_bytes / 1e6;
  std::printf("outputs (1 core, %.1f MB of record text, %llu records, %zu distinct ids)\n", text_mb,
              static_cast<unsigned long long>(records), distinct_ids.size());
  std::printf(
      "                             seconds  CPU seconds  records/s  text MB/s (per CPU second)\n");
  for (const auto& output : outputs) {
    const double own = own_cpu(output.cpu_seconds, output.timed_calls);
    const double cpu = own > 0 ? own : 1e-9;
    std::printf("  %-26s %8.2f %11.2f %10.0f %10.1f%s", output.name.c_str(), output.seconds, own,
                records / cpu, text_mb / cpu,
                output.name.starts_with("output/sqlite") ? "   (target >= 20 MB/s)"
                : output.name.starts_with("output/postgres")
                    ? "   (the server's work is in the wall seconds only)"
                    : "");
    if (output.failures > 0) {
      std::printf("   %llu failed", static_cast<unsigned long long>(output.failures));
    }
    std::printf("\n");
  }
  std::printf("\n");

  // The last pass: as `opis run` does it, all workers, timings off, into fresh
  // output files.
  fs::remove_all(out);
  fs::create_directories(out);
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
  std::printf(
      "  peak RSS after the last pass: %.0f MB   (target < 300 MB whatever the corpus size)\n",
      peak_rss_mb());
  fs::remove_all(out);
  return 0;
}
