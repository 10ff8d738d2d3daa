#include "text_signature.hpp"

#include <array>
#include <limits>
#include <string>

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

// Shingles wait here and are folded into the slots a block at a time: the
// slot loop then runs over many shingles with its seeds held in registers.
class ShingleBlock {
 public:
  explicit ShingleBlock(MinHash& minhash) : minhash_(minhash) {}
  void add(uint64_t shingle) {
    shingles_[size_++] = shingle;
    if (size_ == shingles_.size()) flush();
  }
  void flush() {
    fold_shingles(shingles_.data(), size_, minhash_);
    size_ = 0;
  }

 private:
  MinHash& minhash_;
  std::array<uint64_t, 256> shingles_;
  size_t size_ = 0;
};

}  // namespace

std::optional<TextSignature> sign_text(std::string_view text, uint32_t min_words) {
  TextSignature signature;
  signature.minhash.fill(std::numeric_limits<uint64_t>::max());
  std::array<uint64_t, kShingleWords> window{};
  uint64_t sequence = kFnvOffset;
  uint64_t count = 0;
  ShingleBlock block(signature.minhash);
  for_each_word(text, [&](uint64_t word) {
    sequence = mix64(sequence ^ word) + count;
    window[count % kShingleWords] = word;
    ++count;
    if (count >= kShingleWords) {
      uint64_t shingle = kFnvOffset;
      for (size_t k = 0; k < kShingleWords; ++k) {
        shingle = mix64(shingle ^ window[(count + k) % kShingleWords]);
      }
      block.add(shingle);
    }
  });
  block.flush();
  if (count == 0 || count < min_words) return std::nullopt;
  if (count < kShingleWords) {
    uint64_t shingle = kFnvOffset;
    for (size_t k = 0; k < count; ++k) shingle = mix64(shingle ^ window[k]);
    block.add(shingle);
    block.flush();
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
