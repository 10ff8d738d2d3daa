// Throughput of the entity matcher (tokenizing, acronym scanning, matching)
// over the example corpus repeated to about 50 MB. Prints MB/s; never part
// of the test suite, never an assertion.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "acronym_definitions.hpp"
#include "authority_file.hpp"
#include "mention_finder.hpp"
#include "word_lists.hpp"

int main() {
  std::string corpus;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(OPIS_ENTITIES_CORPUS_DIR)) {
    files.push_back(entry.path());
  }
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    corpus += content.str();
    corpus += "\n\n";
  }
  if (corpus.empty()) return 1;
  std::vector<std::string> documents;
  size_t total = 0;
  while (total < 50u * 1024 * 1024) {
    documents.push_back(corpus);
    total += corpus.size();
  }

  const auto& words = opis::entities::WordLists::builtin();
  opis::entities::AuthorityRows rows;
  rows.parse(opis::entities::builtin_authority_tsv(), "data/authority.tsv");
  opis::entities::NameTable authority;
  rows.build(authority, words.surnames);
  opis::entities::NameTable learned;
  opis::entities::NameTokens tokens;
  std::vector<opis::entities::Mention> mentions;
  std::vector<opis::entities::AcronymDefinition> definitions;
  opis::entities::FirstWords first_words;
  const opis::entities::MentionFinder finder(authority, learned, words, true, &first_words);

  size_t found = 0;
  // CPU time, not wall time: the figure should not depend on what else the
  // machine is running.
  const std::clock_t start = std::clock();
  for (const auto& document : documents) {
    definitions.clear();
    opis::entities::find_bracket_definitions(document, definitions);
    opis::entities::find_parenthesis_definitions(document, definitions);
    tokens.tokenize(document);
    mentions.clear();
    finder.find(tokens, mentions);
    found += mentions.size();
  }
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  std::printf("entities: %.1f MB in %.3f s CPU: %.1f MB/s, %zu mentions (target >= 50 MB/s)\n",
              static_cast<double>(total) / 1e6, seconds, static_cast<double>(total) / 1e6 / seconds,
              found);
  return 0;
}
