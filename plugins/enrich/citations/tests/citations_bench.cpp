// Prints the throughput of CitationFinder::find_all on generated prose
// without citations, on prose dense with citations, and on any files given.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "citation_finder.hpp"
#include "citations_data.inc"

namespace {

using opis::citations::CitationFinder;

std::string repeat_to(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

void measure(const CitationFinder& finder, const std::string& label, const std::string& text) {
  const auto start = std::chrono::steady_clock::now();
  size_t found = 0;
  for (int round = 0; round < 3; ++round) found = finder.find_all(text).size();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 3;
  std::printf("%-40s %8.1f MB  %8.1f MB/s  %zu citations\n", label.c_str(),
              static_cast<double>(text.size()) / 1e6,
              static_cast<double>(text.size()) / 1e6 / seconds, found);
}

}  // namespace

int main(int argc, char** argv) {
  opis::citations::ArchiveTable archives;
  archives.add_tsv(opis::citations::kBuiltinArchivesTsv, "archives.tsv");
  opis::citations::NewspaperTable newspapers;
  newspapers.add_tsv(opis::citations::kBuiltinNewspapersTsv, "newspapers.tsv");
  const CitationFinder finder(std::move(archives), std::move(newspapers));

  const std::string prose =
      "During the following days the delegation discussed the food situation, the delivery of "
      "grain and the decisions of the August plenum with officials of the party and of the "
      "Ministry of Foreign Affairs. Of the documents, only a few were found; the fund of the "
      "department does not open them. Pravda reported it, and so did the local papers.\n";
  const std::string cited =
      "13. Record of the Talks on 3 March 1956, RGANI, Fond 5, Opis 28, Delo 412, l.129-130. "
      "See also Pravda, 12 March 1957, p. 3, and AVPRF, f. 0102, op. 12, d. 6, ll. 45-51.\n";
  measure(finder, "prose without citations", repeat_to(prose, 64u << 20));
  measure(finder, "endnotes dense with citations", repeat_to(cited, 16u << 20));
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    measure(finder, argv[i], repeat_to(content.str(), 16u << 20));
  }
  return 0;
}
