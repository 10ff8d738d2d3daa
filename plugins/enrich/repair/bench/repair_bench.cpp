// Throughput of the repair passes:
// `repair_bench [CLEAN_FILE DAMAGED_FILE [DAMAGED_MB [RECORD_KB]]]`.
// Defaults: the corpus record pages (clean) and examples/corpus/
// article-damaged.txt, the damaged text repeated to 5 MB, repaired in records
// of 64 KB (the article ingester cuts a long article into records of ~11 KB;
// RECORD_KB 11 shows what that costs). An empty file is skipped, so that profiling one kind
// of text (`repair_bench /dev/null DAMAGED 50`) sees only that kind. Prints
// MB/s for each; never a pass/fail verdict.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "repair_setup.hpp"

namespace {

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string repeat_to(const std::string& unit, size_t bytes) {
  std::string out;
  if (unit.empty()) return out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit + "\n";
  return out;
}

void measure(const char* label, const opis::repair::TextRepairer& repairer, const std::string& text,
             size_t record_bytes) {
  if (text.empty()) {
    std::printf("%-8s skipped (empty input)\n", label);
    return;
  }
  // Repair record-sized pieces, as the pipeline does.
  size_t changed = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (size_t at = 0; at < text.size(); at += record_bytes) {
    const auto result = repairer.repair(std::string_view(text).substr(at, record_bytes));
    changed += result.notes.size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // CPU time too: other processes on a shared machine stretch wall time only.
  const double cpu_seconds =
      static_cast<double>(std::clock() - cpu_start) / static_cast<double>(CLOCKS_PER_SEC);
  const double megabytes = static_cast<double>(text.size()) / 1e6;
  std::printf("%-8s %8.2f MB in %6.3f s: %8.1f MB/s, %8.1f MB/s per CPU second (%zu annotations)\n",
              label, megabytes, seconds, megabytes / seconds, megabytes / cpu_seconds, changed);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path source = OPIS_REPAIR_SOURCE_DIR;
  std::string clean;
  std::string damaged;
  double damaged_megabytes = 5;
  if (argc >= 4) damaged_megabytes = std::stod(argv[3]);
  size_t record_bytes = 64 * 1024;
  if (argc >= 5) record_bytes = static_cast<size_t>(std::stod(argv[4]) * 1024);
  if (argc >= 3) {
    clean = read(argv[1]);
    damaged = read(argv[2]);
  } else {
    for (const auto& entry : std::filesystem::directory_iterator(source / "examples/corpus")) {
      if (entry.path().filename().string().starts_with("record-")) clean += read(entry.path());
    }
    damaged = read(source / "examples/corpus/article-damaged.txt");
  }
  opis::repair::SetupReport report;
  const auto repairer = opis::repair::make_repairer({}, &report);
  std::printf("word list %s\n", report.word_list_loaded ? "loaded" : "missing (letter pairs only)");
  measure("clean", repairer, repeat_to(clean, 50'000'000), record_bytes);
  measure("damaged", repairer, repeat_to(damaged, static_cast<size_t>(damaged_megabytes * 1e6)),
          record_bytes);
  return 0;
}
