// dates_bench [CORPUS_DIR] [MEGABYTES]: scans ~50 MB built from the example
// corpus, once as document-sized records and once as one large text, and
// prints MB/s. It measures; it never judges.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "date_scanner.hpp"
#include "date_tokens.hpp"

namespace {

std::vector<std::string> read_corpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry);
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    texts.push_back(content.str());
  }
  return texts;
}

// Wall time and this process's CPU time: on a busy machine the CPU figure
// is the one that says how fast the code is.
struct Stopwatch {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
};

void report(const char* what, size_t bytes, const Stopwatch& start, size_t count,
            const char* unit) {
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start.wall).count();
  const double cpu = static_cast<double>(std::clock() - start.cpu) / CLOCKS_PER_SEC;
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("%-32s %6.1f MB  wall %6.3f s %7.1f MB/s  cpu %6.3f s %7.1f MB/s  %9zu %s\n", what,
              mb, wall, wall > 0 ? mb / wall : 0.0, cpu, cpu > 0 ? mb / cpu : 0.0, count, unit);
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : OPIS_DATES_CORPUS_DIR;
  const size_t target = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 50) * 1000 * 1000;
  std::vector<std::string> corpus;
  try {
    corpus = read_corpus(dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dates_bench: %s\n", e.what());
    return 2;
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "dates_bench: no .txt files in %s\n", dir.c_str());
    return 2;
  }

  std::vector<std::string> records;
  std::string all;
  for (size_t total = 0, i = 0; total < target; ++i) {
    const std::string& text = corpus[i % corpus.size()];
    records.push_back(text);
    all += text;
    total += text.size();
  }

  opis::dates::ScanOptions options;
  options.document.year = 1962;
  options.document.month = 1;
  options.document.day = 3;
  opis::dates::DateScanner scanner;
  std::vector<opis::dates::DateFound> found;

  std::printf("dates_bench: %zu corpus files from %s\n", corpus.size(), dir.c_str());

  Stopwatch start;
  std::vector<opis::dates::Token> tokens;
  size_t token_count = 0;
  for (size_t begin = 0; begin < all.size(); begin += 1 << 16) {
    tokens.clear();
    opis::dates::tokenize(all, begin, std::min(all.size(), begin + (1 << 16)), tokens);
    token_count += tokens.size();
  }
  report("tokenizer only (64 KiB windows)", all.size(), start, token_count, "tokens");

  start = Stopwatch{};
  size_t dates = 0;
  for (const std::string& text : records) {
    found.clear();
    scanner.scan(text, options, found);
    dates += found.size();
  }
  report("scan, one record per file", all.size(), start, dates, "dates");

  start = Stopwatch{};
  found.clear();
  scanner.scan(all, options, found);
  report("scan, one large text", all.size(), start, found.size(), "dates");
  return 0;
}
