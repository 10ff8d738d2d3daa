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
  // The rules of looks_english: a capital only first; a joiner only
  // between letters; no other byte; no rare pair of adjacent letters.
  for (auto& row : refused_pair_) row.fill(1);
  for (unsigned kind = 0; kind < 52; ++kind) refused_pair_[kNothingYet][kind] = 0;
  for (unsigned previous = 0; previous < 52; ++previous) {
    const unsigned before = previous % 26;
    refused_pair_[previous][kJoiner] = 0;
    for (unsigned letter = 0; letter < 26; ++letter) {
      refused_pair_[previous][letter] = static_cast<uint8_t>((rare_after_[before] >> letter) & 1U);
    }
  }
  for (unsigned letter = 0; letter < 26; ++letter) refused_pair_[kJoiner][letter] = 0;
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

}  // namespace opis::repair
