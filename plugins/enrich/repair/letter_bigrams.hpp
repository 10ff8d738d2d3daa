// English letter-pair statistics (data/letter_bigrams.tsv, compiled in):
// the quick "does this token look like English" test that lets clean text
// pass without dictionary look-ups, and the run scorer when no word list is
// installed.
#pragma once

#include <array>
#include <string_view>

namespace opis::repair {

class LetterBigrams {
 public:
  // Lines "xy<TAB>count"; '^' is a word's start, '$' its end.
  explicit LetterBigrams(std::string_view tsv);

  bool rare(char a, char b) const { return rare_[index(a)][index(b)]; }
  // Mean log-probability per letter pair over the ASCII-letter words of
  // `text` (boundaries included); 0 pairs gives a very low value.
  double mean_log_prob(std::string_view text) const;

  // A lower-case word, optionally capitalised, with a vowel and no letter
  // pair that English words rarely use. No look-up: the fast path for
  // clean text. Apostrophes and hyphens may join letters.
  bool looks_english(std::string_view core) const;

 private:
  static constexpr int kSymbols = 27;  // a-z, then the word boundary
  static int index(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return kSymbols - 1;
  }

  std::array<std::array<double, kSymbols>, kSymbols> log_prob_{};
  std::array<std::array<bool, kSymbols>, kSymbols> rare_{};
};

}  // namespace opis::repair
