#include "text_signature.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <string>

#include "minhash_slots.hpp"
#include "text_folding.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
// FNV-1a over `length` folded bytes at `bytes` (which holds at least 8):
// the first eight without a branch on the length (word lengths defeat any
// predictor), longer words in a loop.
inline uint64_t hash_run(uint64_t hash, const unsigned char* bytes, size_t length) {
#pragma GCC unroll 8
  for (size_t i = 0; i < 8; ++i) {
    const uint64_t next = (hash ^ bytes[i]) * kFnvPrime;
    hash = i < length ? next : hash;
  }
  for (size_t i = 8; i < length; ++i) hash = (hash ^ bytes[i]) * kFnvPrime;
  return hash;
}

#ifdef __SSE2__
constexpr size_t kBlockBytes = 16;
// Words one block can end: every other byte, and the word it began in.
constexpr size_t kWordsPerBlock = kBlockBytes / 2 + 1;

// The folded bytes of an all-ASCII block (upper case lowered) into
// `folded`, and a bit per byte that belongs to a word.
uint32_t fold_ascii_block(__m128i block, unsigned char* folded) {
  const auto in_range = [](__m128i x, char low, char high) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(high + 1))));
  };
  const __m128i lowered =
      _mm_or_si128(block, _mm_and_si128(in_range(block, 'A', 'Z'), _mm_set1_epi8(0x20)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), lowered);
  const __m128i word = _mm_or_si128(in_range(lowered, '0', '9'), in_range(lowered, 'a', 'z'));
  return static_cast<uint32_t>(_mm_movemask_epi8(word));
}
#endif

// Writes the hashes of the next words of `text` to `words`, at most
// `capacity` (>= 2) of them, and returns how many. Stops between words, so
// no word is split between two calls. Runs of ASCII are read sixteen bytes
// at a time, each word hashed without a branch on where it ends; other
// characters one at a time.
size_t next_words(std::string_view text, WordStream& stream, uint64_t* words, size_t capacity) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t pos = stream.pos;
  uint64_t sequence = stream.sequence;
  uint64_t hash = kFnvOffset;
  bool in_word = false;
  size_t count = 0;
  size_t sequenced = 0;  // words[0, sequenced) are in `sequence`
#ifdef __SSE2__
  // Bytes past the block read by hash_run stay zero.
  alignas(16) unsigned char folded[2 * kBlockBytes] = {};
  size_t one_at_a_time_until = 0;  // a block with other characters is read byte by byte
#endif
  // One character ends at most one word, and a character other than ASCII
  // that ends one starts none: after a word ends, one free slot is enough.
  while (pos < size) {
#ifdef __SSE2__
    if (pos >= one_at_a_time_until && pos + kBlockBytes <= size &&
        count + kWordsPerBlock < capacity) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + pos));
      if (_mm_movemask_epi8(block) != 0) {
        one_at_a_time_until = pos + kBlockBytes;
      } else {
        uint32_t mask = fold_ascii_block(block, folded);
        pos += kBlockBytes;
        if (in_word) {
          // The word from the block before goes on over the leading ones.
          const auto run = static_cast<size_t>(std::countr_one(mask));
          hash = hash_run(hash, folded, run);
          if (run == kBlockBytes) continue;
          mask &= ~((1U << run) - 1);
          words[count++] = hash;
          in_word = false;
        }
        while (mask != 0) {
          const auto first = static_cast<size_t>(std::countr_zero(mask));
          const auto run = static_cast<size_t>(std::countr_one(mask >> first));
          const uint64_t word = hash_run(kFnvOffset, folded + first, run);
          if (first + run == kBlockBytes) {
            hash = word;  // goes on in the next block
            in_word = true;
            break;
          }
          words[count++] = word;
          mask &= ~0U << (first + run);
        }
        if (!in_word) hash = kFnvOffset;
        // The sequence hash is one long chain: taken here, a block at a
        // time, it runs alongside the hashing of the next blocks.
        for (; sequenced < count; ++sequenced) {
          sequence = mix64(sequence ^ words[sequenced]) + stream.count + sequenced;
        }
        continue;
      }
    }
#endif
    const unsigned char c = bytes[pos];
    if (c < 0x80) {
      ++pos;
      if (const uint8_t folded_byte = kAsciiWordBytes[c]; folded_byte != 0) {
        hash = (hash ^ folded_byte) * kFnvPrime;
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
  for (; sequenced < count; ++sequenced) {
    sequence = mix64(sequence ^ words[sequenced]) + stream.count + sequenced;
  }
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
