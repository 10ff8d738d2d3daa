#include "text_signature.hpp"

#include <limits>
#include <string>

#include "text_folding.hpp"

namespace opis::link {
namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

// Per-slot seeds, fixed so signatures saved in an index file stay comparable
// across runs and builds.
constexpr std::array<uint64_t, kMinHashSize> make_seeds() {
  std::array<uint64_t, kMinHashSize> seeds{};
  uint64_t state = 0x6F70697331696E6BULL;
  for (auto& seed : seeds) {
    state += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    seed = z ^ (z >> 31);
  }
  return seeds;
}
constexpr auto kSeeds = make_seeds();

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

void add_shingle(uint64_t shingle, MinHash& minhash) {
  for (size_t i = 0; i < kMinHashSize; ++i) {
    // One multiply-xorshift per slot over a well-mixed base is enough for
    // min-wise hashing and keeps the cost at ~1 ns per slot.
    uint64_t h = (shingle ^ kSeeds[i]) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 32;
    if (h < minhash[i]) minhash[i] = h;
  }
}

}  // namespace

std::optional<TextSignature> sign_text(std::string_view text, uint32_t min_words) {
  TextSignature signature;
  signature.minhash.fill(std::numeric_limits<uint64_t>::max());
  std::array<uint64_t, kShingleWords> window{};
  uint64_t sequence = kFnvOffset;
  uint64_t count = 0;
  for_each_word(text, [&](uint64_t word) {
    sequence = mix64(sequence ^ word) + count;
    window[count % kShingleWords] = word;
    ++count;
    if (count >= kShingleWords) {
      uint64_t shingle = kFnvOffset;
      for (size_t k = 0; k < kShingleWords; ++k) {
        shingle = mix64(shingle ^ window[(count + k) % kShingleWords]);
      }
      add_shingle(shingle, signature.minhash);
    }
  });
  if (count == 0 || count < min_words) return std::nullopt;
  if (count < kShingleWords) {
    uint64_t shingle = kFnvOffset;
    for (size_t k = 0; k < count; ++k) shingle = mix64(shingle ^ window[k]);
    add_shingle(shingle, signature.minhash);
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
