#include "letter_bigrams.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

namespace opis::repair {
namespace {

// Pairs seen in fewer words than this (of ~75,000) count as rare: "vj",
// "px", "qg". Real words do use some, which only costs a look-up.
constexpr double kRareCount = 30;

int symbol(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  return 26;
}

// What looks_english makes of a byte: a lower-case letter (0-25), a capital
// (26-51), an apostrophe or hyphen, or anything else.
constexpr uint8_t kJoiner = 52;
constexpr uint8_t kOther = 53;
constexpr std::array<uint8_t, 256> kByteKinds = [] {
  std::array<uint8_t, 256> kinds{};
  for (auto& k : kinds) k = kOther;
  for (int c = 'a'; c <= 'z'; ++c) kinds[c] = static_cast<uint8_t>(c - 'a');
  for (int c = 'A'; c <= 'Z'; ++c) kinds[c] = static_cast<uint8_t>(26 + c - 'A');
  kinds['\''] = kJoiner;
  kinds['-'] = kJoiner;
  return kinds;
}();
constexpr uint32_t kVowels = (1U << ('a' - 'a')) | (1U << ('e' - 'a')) | (1U << ('i' - 'a')) |
                             (1U << ('o' - 'a')) | (1U << ('u' - 'a')) | (1U << ('y' - 'a'));

}  // namespace

LetterBigrams::LetterBigrams(std::string_view tsv) {
  std::array<std::array<double, kSymbols>, kSymbols> counts{};
  while (!tsv.empty()) {
    const size_t end = tsv.find('\n');
    const std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    if (line.size() < 4 || line[0] == '#' || line[2] != '\t') continue;
    const std::string count(line.substr(3));
    counts[symbol(line[0])][symbol(line[1])] = std::strtod(count.c_str(), nullptr);
  }
  for (int a = 0; a < kSymbols; ++a) {
    double total = 0;
    for (int b = 0; b < kSymbols; ++b) total += counts[a][b];
    for (int b = 0; b < kSymbols; ++b) {
      // Add-one smoothing: an unseen pair is unlikely, not impossible.
      log_prob_[a][b] = std::log((counts[a][b] + 1.0) / (total + kSymbols));
      if (a < 26 && b < 26 && counts[a][b] < kRareCount) rare_after_[a] |= 1U << b;
    }
  }
}

double LetterBigrams::mean_log_prob(std::string_view text) const {
  double sum = 0;
  size_t pairs = 0;
  int prev = kSymbols - 1;
  for (const char c : text) {
    const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    const int cur = letter ? index(c) : kSymbols - 1;
    if (letter || prev != kSymbols - 1) {
      sum += log_prob_[prev][cur];
      ++pairs;
    }
    prev = cur;
  }
  if (prev != kSymbols - 1) {
    sum += log_prob_[prev][kSymbols - 1];
    ++pairs;
  }
  return pairs == 0 ? -100.0 : sum / static_cast<double>(pairs);
}

bool LetterBigrams::looks_english(std::string_view core) const {
  if (core.empty()) return false;
  const size_t n = core.size();
  int prev = -1;         // the letter before, -1 at the start and after a joiner
  uint32_t letters = 0;  // every letter seen, one bit each
  for (size_t i = 0; i < n; ++i) {
    unsigned kind = kByteKinds[static_cast<unsigned char>(core[i])];
    if (kind >= 26) {
      if (kind < kJoiner) {
        if (i != 0) return false;  // a capital only first
        kind -= 26;
      } else if (kind == kJoiner) {
        if (prev < 0 || i + 1 == n) return false;
        prev = -1;
        continue;
      } else {
        return false;
      }
    }
    if (prev >= 0 && ((rare_after_[static_cast<size_t>(prev)] >> kind) & 1U) != 0) return false;
    letters |= 1U << kind;
    prev = static_cast<int>(kind);
  }
  return (letters & kVowels) != 0;
}

}  // namespace opis::repair
