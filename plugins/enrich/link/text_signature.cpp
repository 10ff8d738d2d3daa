#include "text_signature.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <vector>

#include "minhash_slots.hpp"
#include "text_folding.hpp"

namespace opis::link {
namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

bool is_word_char(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

// Latin-1 punctuation and the general punctuation, symbol and arrow blocks
// separate words like ASCII punctuation does (bullets, daggers, section signs).
bool is_symbol(char32_t cp) {
  return (cp >= 0xA1 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x2BFF);
}

// Calls `on_word(hash)` for every word of `text`, hashed with FNV-1a over
// its folded bytes. ASCII letters are folded inline: the common case never
// builds a string.
template <class OnWord>
void for_each_word(std::string_view text, OnWord&& on_word) {
  std::string folded;
  uint64_t hash = kFnvOffset;
  bool in_word = false;
  const auto end_word = [&] {
    if (in_word) on_word(hash);
    hash = kFnvOffset;
    in_word = false;
  };
  const auto add_byte = [&](unsigned char c) {
    if (!is_word_char(c)) {
      end_word();
      return;
    }
    hash = (hash ^ c) * kFnvPrime;
    in_word = true;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      add_byte((c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 0x20) : c);
      ++pos;
      continue;
    }
    const char32_t cp = next_code_point(text, pos);
    if (cp == 0xFFFD) {
      end_word();
      continue;
    }
    folded.clear();
    append_folded(cp, folded);
    if (is_symbol(cp) && (folded.empty() || static_cast<unsigned char>(folded[0]) >= 0x80)) {
      end_word();
      continue;
    }
    for (const char f : folded) add_byte(static_cast<unsigned char>(f));
  }
  end_word();
}

}  // namespace

// The words are hashed first, then the shingles are made and folded into
// the slots a block at a time: each step is then a loop over independent
// hashes, which minhash_slots.cpp runs eight lanes wide.
std::optional<TextSignature> sign_text(std::string_view text, uint32_t min_words) {
  std::vector<uint64_t> words;
  words.reserve(text.size() / 6 + 1);
  for_each_word(text, [&](uint64_t word) { words.push_back(word); });
  const uint64_t count = words.size();
  if (count == 0 || count < min_words) return std::nullopt;

  TextSignature signature;
  signature.minhash.fill(std::numeric_limits<uint64_t>::max());
  uint64_t sequence = kFnvOffset;
  for (uint64_t i = 0; i < count; ++i) sequence = mix64(sequence ^ words[i]) + i;
  std::array<uint64_t, 256> shingles;
  if (count < kShingleWords) {
    // A text shorter than one shingle is one shingle of all its words.
    shingles[0] = kFnvOffset;
    for (const uint64_t word : words) shingles[0] = mix64(shingles[0] ^ word);
    fold_shingles(shingles.data(), 1, signature.minhash);
  } else {
    const size_t total = count - kShingleWords + 1;
    for (size_t first = 0; first < total; first += shingles.size()) {
      const size_t n = std::min(shingles.size(), total - first);
      make_shingles(words.data() + first, n, kFnvOffset, shingles.data());
      fold_shingles(shingles.data(), n, signature.minhash);
    }
  }
  signature.text_hash = mix64(sequence ^ count);
  signature.words = count > std::numeric_limits<uint32_t>::max()
                        ? std::numeric_limits<uint32_t>::max()
                        : static_cast<uint32_t>(count);
  return signature;
}

double estimated_jaccard(const MinHash& a, const MinHash& b) {
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(kMinHashSize);
}

}  // namespace opis::link
