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
  // clean text. Apostrophes and hyphens may join letters. Inline: the
  // tokenizer asks it of every token of every text.
  bool looks_english(std::string_view core) const {
    EnglishScan scan;
    for (const char c : core) step(scan, static_cast<unsigned char>(c));
    return looks_english(scan);
  }

 private:
  // looks_english a byte at a time: step() every byte of a string, then
  // looks_english(scan) answers for the whole string.
  struct EnglishScan {
    uint8_t previous = kNothingYet;  // the kind of the last byte stepped
    uint8_t refused = 0;             // some pair of bytes broke a rule
    uint32_t letters = 0;            // every letter seen, one bit each
  };
  void step(EnglishScan& scan, unsigned char b) const {
    const uint8_t kind = kByteKinds[b];
    scan.refused |= refused_pair_[scan.previous][kind];
    scan.previous = kind;
    scan.letters |= kLetterBits[b];
  }
  bool looks_english(const EnglishScan& scan) const {
    return scan.refused == 0 && scan.previous != kNothingYet && scan.previous != kJoiner &&
           (scan.letters & kVowels) != 0;
  }

  static constexpr int kSymbols = 27;  // a-z, then the word boundary
  static int index(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return kSymbols - 1;
  }

  std::array<std::array<double, kSymbols>, kSymbols> log_prob_{};
  // Bit b of rare_after_[a]: the pair (a, b) is rare.
  std::array<uint32_t, 26> rare_after_{};
  // looks_english's rules are all about adjacent bytes (a capital only
  // first, a joiner only between letters, no other byte, no rare pair of
  // letters), so each byte is judged with the one before it, from one
  // table, and a string is English when no pair was refused. No step waits
  // on the one before (a state machine's next state would): the tokenizer
  // runs this over every byte of the text.
  // What looks_english makes of a byte: a lower-case letter (0-25), a
  // capital (26-51), an apostrophe or hyphen, or anything else.
  static constexpr uint8_t kJoiner = 52;
  static constexpr uint8_t kOther = 53;
  static constexpr uint8_t kNothingYet = 54;  // "before the first byte"
  static constexpr std::array<uint8_t, 256> kByteKinds = [] {
    std::array<uint8_t, 256> kinds{};
    for (auto& k : kinds) k = kOther;
    for (int c = 'a'; c <= 'z'; ++c) kinds[c] = static_cast<uint8_t>(c - 'a');
    for (int c = 'A'; c <= 'Z'; ++c) kinds[c] = static_cast<uint8_t>(26 + c - 'A');
    kinds['\''] = kJoiner;
    kinds['-'] = kJoiner;
    return kinds;
  }();
  // The letter a byte spells, one bit (case folded); 0 for any other byte.
  static constexpr std::array<uint32_t, 256> kLetterBits = [] {
    std::array<uint32_t, 256> bits{};
    for (int c = 'a'; c <= 'z'; ++c) bits[c] = 1U << (c - 'a');
    for (int c = 'A'; c <= 'Z'; ++c) bits[c] = 1U << (c - 'A');
    return bits;
  }();
  static constexpr uint32_t kVowels = (1U << ('a' - 'a')) | (1U << ('e' - 'a')) |
                                      (1U << ('i' - 'a')) | (1U << ('o' - 'a')) |
                                      (1U << ('u' - 'a')) | (1U << ('y' - 'a'));
  // 1 where a byte of the column's kind may not follow one of the row's.
  std::array<std::array<uint8_t, 64>, kNothingYet + 1> refused_pair_{};
};

}  // namespace opis::repair
