// The plugin's word lists (data/*.txt, data/korean_surnames.tsv), compiled in.
#pragma once

#include <string>
#include <string_view>

#include "romanization_key.hpp"
#include "string_table.hpp"

namespace opis::entities {

class WordSet {
 public:
  // One word per line, '#' comments; stored as raw spellings (lower case).
  void load(std::string_view lines);
  bool contains(std::string_view raw) const { return words_.contains(raw); }

 private:
  StringTable words_;
};

struct WordLists {
  SurnameFolds surnames;
  WordSet titles;
  WordSet non_name_words;
  WordSet organization_words;

  static const WordLists& builtin();
};

// The built-in authority file's text.
std::string_view builtin_authority_tsv();

}  // namespace opis::entities
