// The phrases that introduce contributors ("obtained by", "checked with the
// original by", "copies to:") and the roles they give, matched
// case-insensitively at a word start.
#pragma once

#include <array>
#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "opening_filter.hpp"

namespace opis::contributors {

using text_scan::OpeningFilter;

struct Trigger {
  // The phrase split at its " * " gaps, ASCII-lower-cased.
  std::vector<std::string> segments;
  std::vector<std::string> roles;
};

class TriggerTable {
 public:
  // Lines "phrase<TAB>role[,role...]"; '#' starts a comment line. Throws
  // std::invalid_argument naming the line when one is malformed.
  void add_lines(std::string_view tsv);
  // One phrase and role, e.g. from the `roles` config key.
  void add(std::string_view phrase, std::string_view roles);

  // The longest trigger starting at `pos` (a word start), with the byte
  // after it; nullptr when none.
  const Trigger* match(std::string_view text, size_t pos, size_t* after) const;
  // Whether any trigger can start at `pos`, judged by its first two bytes:
  // the pre-filter that keeps the scan fast, since most word starts fail it.
  bool may_start_at(std::string_view text, size_t pos) const {
    if (by_first_byte_[static_cast<unsigned char>(text[pos])].empty()) return false;
    const char second = pos + 1 < text.size() ? text[pos + 1] : '\0';
    return first_pairs_[pair_index(text[pos], second)];
  }
  // The first position at or after `pos` where may_start_at can hold
  // (text.size() when none): whole blocks of text are passed over at once.
  size_t next_possible_start(std::string_view text, size_t pos) const {
    return start_filter_.next(text, pos);
  }

 private:
  // Per first byte (both cases of a letter), the triggers starting with it,
  // longest first phrase segment first, so "obtained and translated by" wins
  // over "obtained by".
  std::array<std::vector<Trigger>, 256> by_first_byte_{};
  // The ASCII-case-folded first two bytes of every trigger.
  static size_t pair_index(char first, char second) {
    return static_cast<unsigned char>(ascii_lower_byte(first)) * 256u +
           static_cast<unsigned char>(ascii_lower_byte(second));
  }
  static char ascii_lower_byte(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::bitset<65536> first_pairs_;
  OpeningFilter start_filter_{OpeningFilter::Case::folded, OpeningFilter::Boundary::word_start};
};

}  // namespace opis::contributors
