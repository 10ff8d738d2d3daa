// What the index keeps of a record's text: a fingerprint of its exact word
// sequence and a MinHash signature over word 5-shingles, never the text.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace opis::link {

inline constexpr size_t kMinHashSize = 64;
inline constexpr size_t kShingleWords = 5;

using MinHash = std::array<uint64_t, kMinHashSize>;

struct TextSignature {
  uint64_t text_hash = 0;  // the folded word sequence; equal means same_as
  uint32_t words = 0;
  MinHash minhash{};
};

// Words are maximal runs of letters and digits after folding
// (text_folding.hpp); punctuation, U+FFFD and spaces separate them. Texts of
// fewer than `min_words` words give no signature. A text shorter than one
// shingle (possible when min_words < 5) is one shingle of all its words.
std::optional<TextSignature> sign_text(std::string_view text, uint32_t min_words);

// The share of equal signature slots: an unbiased estimate of the Jaccard
// similarity of the two shingle sets.
double estimated_jaccard(const MinHash& a, const MinHash& b);

// 64-bit finalizer (splitmix64): spreads every input bit over the output.
constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

}  // namespace opis::link
