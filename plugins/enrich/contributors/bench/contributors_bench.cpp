// Throughput of the contributors scanners over real text, without the host:
//   build-*/bin/contributors_bench [FILE...]
// Prints MB/s per scanner and for the whole plugin's work on one record.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "builtin_word_lists.inc"
#include "closing_lines.hpp"
#include "name_lexicon.hpp"
#include "phrase_scanner.hpp"
#include "signature_scanner.hpp"
#include "trigger_table.hpp"

using namespace opis::contributors;

namespace {

double megabytes_per_second(const std::string& text, const std::function<size_t()>& work) {
  const auto start = std::chrono::steady_clock::now();
  size_t found = 0;
  constexpr int kRounds = 5;
  for (int i = 0; i < kRounds; ++i) found += work();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (found == static_cast<size_t>(-1)) std::puts("");  // keeps `work` from being optimized out
  return static_cast<double>(text.size()) * kRounds / 1e6 / took.count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string sample;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    sample.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (sample.empty()) {
    std::fprintf(stderr, "usage: contributors_bench FILE...\n");
    return 2;
  }
  std::string text;
  while (text.size() < 50'000'000) text += sample;

  TriggerTable triggers;
  triggers.add_lines(kBuiltinTriggers);
  const NameLexicon& lexicon = NameLexicon::builtin();

  const double phrases = megabytes_per_second(text, [&] {
    std::vector<FoundContributor> found;
    scan_trigger_phrases(text, triggers, lexicon, found);
    return found.size();
  });
  const double signatures =
      megabytes_per_second(text, [&] { return scan_signatures(text, lexicon).size(); });
  const double closing =
      megabytes_per_second(text, [&] { return scan_closing_authors(text, lexicon).size(); });
  const double labels =
      megabytes_per_second(text, [&] { return scan_author_labels(text, lexicon).size(); });
  const double all = 1.0 / (1.0 / phrases + 1.0 / signatures + 1.0 / closing + 1.0 / labels);
  std::printf("%.1f MB of text\n", static_cast<double>(text.size()) / 1e6);
  std::printf("trigger phrases   %8.1f MB/s\n", phrases);
  std::printf("signatures        %8.1f MB/s\n", signatures);
  std::printf("closing lines     %8.1f MB/s\n", closing);
  std::printf("author labels     %8.1f MB/s\n", labels);
  std::printf("whole plugin      %8.1f MB/s (target for the whole enrichment chain: 30 MB/s)\n",
              all);
  return 0;
}
