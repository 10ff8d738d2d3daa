// Newspaper titles (data/newspapers.tsv plus the users' files), found by
// their first byte so the text scanner only compares at plausible starts.
#pragma once

#include <array>
#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "opening_filter.hpp"

namespace opis::citations {

using text_scan::OpeningFilter;

struct NewspaperTitle {
  std::string spelling;  // as it appears in text
  std::string title;     // the name reported as `publication`
};

class NewspaperTable {
 public:
  // Rows: title, optional other spellings separated by '|'.
  void add_tsv(std::string_view content, std::string_view origin);

  // The longest known spelling starting at `pos` and ending at a word
  // boundary, or nullptr.
  const NewspaperTitle* match_at(std::string_view text, size_t pos) const;
  bool may_start(char c) const { return !by_first_byte_[static_cast<unsigned char>(c)].empty(); }
  // Whether the first two bytes at `pos` are those of a known spelling: one
  // lookup that turns most capitalised words away before match_at.
  bool may_start_at(std::string_view text, size_t pos) const {
    if (!may_start(text[pos])) return false;
    if (pos + 1 >= text.size()) return true;
    return first_pairs_[pair_index(text[pos], text[pos + 1])];
  }
  size_t size() const { return titles_.size(); }
  // The first position at or after `pos` where a title may start at a word
  // start (text.size() when none): whole blocks of text are passed over at once.
  size_t next_possible_start(std::string_view text, size_t pos) const {
    return start_filter_.next(text, pos);
  }

 private:
  std::vector<NewspaperTitle> titles_;
  std::array<std::vector<size_t>, 256> by_first_byte_;  // longest spelling first
  static size_t pair_index(char first, char second) {
    return static_cast<unsigned char>(first) * 256u + static_cast<unsigned char>(second);
  }
  std::bitset<65536> first_pairs_;  // the first two bytes of every spelling
  OpeningFilter start_filter_{OpeningFilter::Case::exact, OpeningFilter::Boundary::word_start};
};

}  // namespace opis::citations
