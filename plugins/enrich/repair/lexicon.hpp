// The words repair trusts: Debian's English word list (read at plugin
// creation) plus the built-in names and domain terms and any user files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "word_set.hpp"

namespace opis::repair {

enum class WordClass {
  kWord,     // an English word, a known name, or built of them (hyphen, possessive)
  kNeutral,  // carries no evidence: no letters, one letter, or an all-caps abbreviation
  kUnknown,
};

class Lexicon {
 public:
  // One entry a line; blank lines and lines starting with '#' are skipped.
  void add_words(std::string_view list);
  void add_names(std::string_view list);
  // False when the file cannot be read.
  bool add_word_file(const std::string& path);
  bool add_name_file(const std::string& path);

  // True once a full word list is loaded: word-based scoring is then sound.
  bool has_word_list() const { return word_list_entries_ >= kMinWordListEntries; }
  size_t size() const { return entries_.size(); }

  // `core` is a token without its leading and trailing punctuation.
  WordClass classify(std::string_view core) const;

 private:
  static constexpr size_t kMinWordListEntries = 1000;
  static constexpr uint8_t kFromWordList = 1;
  static constexpr uint8_t kFromNames = 2;

  void add(std::string_view list, uint8_t source);
  WordClass classify_plain(std::string_view word) const;
  uint8_t find(std::string_view word) const;

  WordSet entries_;
  size_t word_list_entries_ = 0;
};

}  // namespace opis::repair
