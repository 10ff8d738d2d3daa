// Building a TextRepairer from the plugin's config: the word list file, the
// compiled-in names, terms, glyphs and letter pairs, and the user's files.
// Shared by the plugin, its tests and the benchmark.
#pragma once

#include <string>
#include <vector>

#include "text_repair.hpp"

namespace opis::repair {

inline constexpr const char* kDefaultWordList = "/usr/share/dict/american-english";

struct RepairSettings {
  std::string word_list = kDefaultWordList;
  std::vector<std::string> word_files;   // more words and names, one a line
  std::vector<std::string> glyph_files;  // more glyph tables (data/glyphs.tsv format)
  RepairOptions options;
};

struct SetupReport {
  bool word_list_loaded = false;
};

// Throws std::invalid_argument naming a word or glyph file that cannot be
// read or parsed; a missing word_list only switches to letter-pair scoring.
TextRepairer make_repairer(const RepairSettings& settings, SetupReport* report = nullptr);

}  // namespace opis::repair
