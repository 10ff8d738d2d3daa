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
  for (auto& row : next_state_) row.fill(kNotEnglish);
  for (unsigned kind = 0; kind < 52; ++kind) {
    const unsigned letter = kind % 26;
    const auto after = static_cast<uint8_t>(letter + 1);
    next_state_[kStart][kind] = after;
    if (kind >= 26) continue;  // a capital after anything is not English
    next_state_[kAfterJoiner][kind] = after;
    for (unsigned prev = 0; prev < 26; ++prev) {
      if (((rare_after_[prev] >> letter) & 1U) == 0) next_state_[prev + 1][kind] = after;
    }
  }
  for (unsigned prev = 0; prev < 26; ++prev) next_state_[prev + 1][kJoiner] = kAfterJoiner;
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
  uint8_t state = kStart;
  uint32_t letters = 0;  // every letter seen, one bit each
  for (const char c : core) {
    const auto b = static_cast<unsigned char>(c);
    state = next_state_[state][kByteKinds[b]];
    if (state == kNotEnglish) return false;
    letters |= kLetterBits[b];
  }
  return state != kStart && state != kAfterJoiner && (letters & kVowels) != 0;
}

}  // namespace opis::repair
