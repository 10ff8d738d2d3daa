#include "text_signature.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "minhash_slots.hpp"
#include "text_folding.hpp"

namespace opis::link {
namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

constexpr bool is_word_char(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

// An ASCII byte's folded form when it belongs to a word (digits, lower-cased
// letters), 0 when it separates words: the common case costs one lookup.
constexpr std::array<uint8_t, 0x80> make_ascii_word_bytes() {
  std::array<uint8_t, 0x80> bytes{};
  for (int c = 0; c < 0x80; ++c) {
    const int lower = (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
    bytes[c] = is_word_char(static_cast<unsigned char>(lower)) ? static_cast<uint8_t>(lower) : 0;
  }
  return bytes;
}
constexpr auto kAsciiWordBytes = make_ascii_word_bytes();

// Latin-1 punctuation and the general punctuation, symbol and arrow blocks
// separate words like ASCII punctuation does (bullets, daggers, section signs).
bool is_symbol(char32_t cp) {
  return (cp >= 0xA1 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x2BFF);
}

// Where the hashing of a text's words stands.
struct WordHashing {
  size_t pos = 0;
  uint64_t hash = kFnvOffset;  // of the word being read
  size_t count = 0;            // words written
  bool in_word = false;
};

// Hashes a character other than ASCII: decoded, folded, then hashed byte by
// byte like ASCII. Out of line and by value, so that the ASCII loop keeps
// its state in registers.
[[gnu::noinline]] WordHashing hash_other_character(std::string_view text, WordHashing at,
                                                   uint64_t* words) {
  const char32_t cp = next_code_point(text, at.pos);
  std::string folded;
  if (cp != 0xFFFD) append_folded(cp, folded);
  const bool separates =
      cp == 0xFFFD ||
      (is_symbol(cp) && (folded.empty() || static_cast<unsigned char>(folded[0]) >= 0x80));
  if (separates) folded.assign(1, ' ');
  for (const char f : folded) {
    const auto b = static_cast<unsigned char>(f);
    if (is_word_char(b)) {
      at.hash = (at.hash ^ b) * kFnvPrime;
      at.in_word = true;
    } else if (at.in_word) {
      words[at.count++] = at.hash;
      at.hash = kFnvOffset;
      at.in_word = false;
    }
  }
  return at;
}

// The running state of a text's words: the FNV-1a hash of each word over its
// folded bytes, and the hash of the whole word sequence (same_as).
struct WordStream {
  size_t pos = 0;
  uint64_t sequence = kFnvOffset;
  uint64_t count = 0;
};

// Writes the hashes of the next words of `text` to `words`, at most
// `capacity` (>= 2) of them, and returns how many. Stops between words, so
// no word is split between two calls. ASCII bytes take one table lookup and
// the state stays in registers.
size_t next_words(std::string_view text, WordStream& stream, uint64_t* words, size_t capacity) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t pos = stream.pos;
  uint64_t sequence = stream.sequence;
  uint64_t hash = kFnvOffset;
  bool in_word = false;
  size_t count = 0;
  // One character ends at most one word, and a character other than ASCII
  // that ends one starts none: after a word ends, one free slot is enough.
  while (pos < size) {
    const unsigned char c = bytes[pos];
    if (c < 0x80) {
      ++pos;
      if (const uint8_t folded = kAsciiWordBytes[c]; folded != 0) {
        hash = (hash ^ folded) * kFnvPrime;
        in_word = true;
      } else if (in_word) {
        words[count++] = hash;
        hash = kFnvOffset;
        in_word = false;
        if (count + 1 >= capacity) break;
      }
      continue;
    }
    const WordHashing after =
        hash_other_character(text, WordHashing{pos, hash, count, in_word}, words);
    pos = after.pos;
    hash = after.hash;
    count = after.count;
    in_word = after.in_word;
    if (!in_word && count + 1 >= capacity) break;
  }
  if (in_word) words[count++] = hash;  // the text ends in a word
  for (size_t i = 0; i < count; ++i) sequence = mix64(sequence ^ words[i]) + stream.count + i;
  stream.pos = pos;
  stream.sequence = sequence;
  stream.count += count;
  return count;
}

// The MinHash slots of a text's shingles, folded a block at a time: each
// step is a loop over independent hashes, which minhash_slots.cpp runs eight
// lanes wide, and no buffer grows with the text.
class ShingleFolder {
 public:
  ShingleFolder() { minhash_.fill(std::numeric_limits<uint64_t>::max()); }

  // Where the next words go, and how many fit.
  uint64_t* free_words() { return words_.data() + word_count_; }
  size_t free_count() const { return words_.size() - word_count_; }

  void add_words(size_t count) {
    word_count_ += count;
    if (word_count_ == words_.size()) fold_words();
  }

  // `total_words`: all the words given; fewer than one shingle's worth are
  // all still held.
  const MinHash& finish(uint64_t total_words) {
    if (total_words < kShingleWords) {
      // A text shorter than one shingle is one shingle of all its words.
      uint64_t shingle = kFnvOffset;
      for (size_t i = 0; i < word_count_; ++i) shingle = mix64(shingle ^ words_[i]);
      fold_shingles(&shingle, 1, minhash_);
    } else if (word_count_ >= kShingleWords) {
      fold_words();
    }
    return minhash_;
  }

 private:
  static constexpr size_t kBlock = 256;

  // Folds every shingle that starts in `words_` and keeps the last words,
  // which begin the next block's shingles.
  void fold_words() {
    const size_t shingles = word_count_ - (kShingleWords - 1);
    make_shingles(words_.data(), shingles, kFnvOffset, shingles_.data());
    fold_shingles(shingles_.data(), shingles, minhash_);
    std::copy(words_.begin() + static_cast<ptrdiff_t>(shingles),
              words_.begin() + static_cast<ptrdiff_t>(word_count_), words_.begin());
    word_count_ = kShingleWords - 1;
  }

  MinHash minhash_;
  size_t word_count_ = 0;
  std::array<uint64_t, kBlock + kShingleWords - 1> words_;
  std::array<uint64_t, kBlock> shingles_;
};

}  // namespace

std::optional<TextSignature> sign_text(std::string_view text, uint32_t min_words) {
  WordStream stream;
  ShingleFolder folder;
  while (stream.pos < text.size()) {
    folder.add_words(next_words(text, stream, folder.free_words(), folder.free_count()));
  }
  const uint64_t count = stream.count;
  if (count == 0 || count < min_words) return std::nullopt;
  TextSignature signature;
  signature.minhash = folder.finish(count);
  signature.text_hash = mix64(stream.sequence ^ count);
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
