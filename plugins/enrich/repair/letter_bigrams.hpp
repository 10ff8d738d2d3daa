// English letter-pair statistics (data/letter_bigrams.tsv, compiled in):
// the quick "does this token look like English" test that lets clean text
// pass without dictionary look-ups, and the run scorer when no word list is
// installed.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace opis::repair {

class LetterBigrams {
 public:
  // Lines "xy<TAB>count"; '^' is a word's start, '$' its end.
  explicit LetterBigrams(std::string_view tsv);

  bool rare(char a, char b) const {
    const int x = index(a);
    const int y = index(b);
    return x < 26 && y < 26 && ((rare_after_[x] >> y) & 1U) != 0;
  }
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
  // Bit b of rare_after_[a]: the pair (a, b) is rare.
  std::array<uint32_t, 26> rare_after_{};
  // looks_english as a state machine, one table step per byte and no
  // branch on the byte: states are the start, "after letter x" (1-26),
  // "after a joiner" and "not English"; inputs the byte kinds (lower-case
  // letter, capital, joiner, other).
  static constexpr uint8_t kStart = 0;
  static constexpr uint8_t kAfterJoiner = 27;
  static constexpr uint8_t kNotEnglish = 28;
  static constexpr size_t kByteKindCount = 54;
  std::array<std::array<uint8_t, kByteKindCount>, kNotEnglish + 1> next_state_{};
};

}  // namespace opis::repair
