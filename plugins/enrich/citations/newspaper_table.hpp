// Newspaper titles (data/newspapers.tsv plus the users' files), found by
// their first byte so the text scanner only compares at plausible starts.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "opening_filter.hpp"

namespace opis::citations {

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
  size_t size() const { return titles_.size(); }
  // The first position at or after `pos` where a title may start at a word
  // start (text.size() when none): whole blocks of text are passed over at once.
  size_t next_possible_start(std::string_view text, size_t pos) const {
    return start_filter_.next(text, pos);
  }

 private:
  std::vector<NewspaperTitle> titles_;
  std::array<std::vector<size_t>, 256> by_first_byte_;  // longest spelling first
  OpeningFilter start_filter_{OpeningFilter::Case::exact, OpeningFilter::Boundary::word_start};
};

}  // namespace opis::citations
