// Shared by the citations and contributors enrichers (header-only, SDK-free).
// Skips, 16 bytes at a time, the text where none of a few two-byte
// openings can start, so a scanner runs its exact matcher only at the
// positions left. Testing every byte with the matcher's own tables was most
// of the plugin's time on long articles.
//
// The filter never drops a position the exact matcher could accept; it may
// keep some it rejects: ASCII case is folded by setting bit 0x20 on both
// sides, a word start only asks that the byte before is no ASCII letter,
// and past kMaxOpenings openings only the range of first bytes is compared.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define OPIS_OPENING_FILTER_AVX2 1
#endif

namespace opis::text_scan {

class OpeningFilter {
 public:
  enum class Case { exact, folded };
  enum class Boundary { anywhere, word_start };

  OpeningFilter(Case letter_case, Boundary boundary)
      : folded_(letter_case == Case::folded), word_start_(boundary == Boundary::word_start) {}

  // An opening whose first two bytes are `first` and `second`.
  void add(char first, char second) { add_opening(first, second, false); }
  // An opening that is one byte long, or whose second byte varies.
  void add_first(char first) { add_opening(first, '\0', true); }

  // The first position at or after `pos` that may start an opening;
  // text.size() when none is left.
  size_t next(std::string_view text, size_t pos) const {
#if defined(__SSE2__)
    // A block reads the byte before it and the byte after it.
    if (pos == 0 && !text.empty()) {
      if (kept_at(text, 0)) return 0;
      pos = 1;
    }
#if defined(OPIS_OPENING_FILTER_AVX2)
    if (wide_ && next_wide(text, &pos)) return pos;
#endif
    while (pos + kBlock + 1 <= text.size()) {
      const uint32_t kept = block_mask(text.data() + pos);
      if (kept != 0) return pos + static_cast<size_t>(__builtin_ctz(kept));
      pos += kBlock;
    }
#endif
    while (pos < text.size() && !kept_at(text, pos)) ++pos;
    return pos;
  }

 private:
  static constexpr size_t kBlock = 16;
  static constexpr size_t kMaxOpenings = 8;
  static constexpr size_t kWideBlock = 32;

  // One byte repeated in every lane of a block, ready to load.
  using Lanes = std::array<uint8_t, kBlock>;

  struct Opening {
    uint8_t first = 0;
    uint8_t second = 0;
    bool any_second = false;
  };

  uint8_t fold(char c) const {
    const auto byte = static_cast<uint8_t>(c);
    return folded_ ? static_cast<uint8_t>(byte | 0x20) : byte;
  }

  void add_opening(char first, char second, bool any_second) {
    const Opening opening{fold(first), any_second ? uint8_t{0} : fold(second), any_second};
    if (opening.first < lowest_first_) lowest_first_ = opening.first;
    if (opening.first > highest_first_) highest_first_ = opening.first;
    for (size_t i = 0; i < count_; ++i) {
      const Opening& known = openings_[i];
      if (known.first != opening.first) continue;
      if (known.any_second || (!opening.any_second && known.second == opening.second)) return;
    }
    if (count_ == kMaxOpenings) {
      by_range_ = true;
      return;
    }
    first_lanes_[count_].fill(opening.first);
    second_lanes_[count_].fill(opening.second);
    openings_[count_++] = opening;
  }

  static bool is_ascii_letter(char c) {
    const auto folded = static_cast<uint8_t>(static_cast<uint8_t>(c) | 0x20);
    return folded >= 'a' && folded <= 'z';
  }

  // The same test as block_mask, one byte at a time.
  bool kept_at(std::string_view text, size_t pos) const {
    if (word_start_ && pos > 0 && is_ascii_letter(text[pos - 1])) return false;
    const uint8_t first = fold(text[pos]);
    if (by_range_) return first >= lowest_first_ && first <= highest_first_;
    if (pos + 1 >= text.size()) return true;  // the matcher judges the last byte
    const uint8_t second = fold(text[pos + 1]);
    for (size_t i = 0; i < count_; ++i) {
      const Opening& o = openings_[i];
      if (o.first == first && (o.any_second || o.second == second)) return true;
    }
    return false;
  }

#if defined(__SSE2__)
  // Bit k set: the position p + k is kept. Reads p[-1] to p[kBlock].
  uint32_t block_mask(const char* p) const {
    const __m128i case_bit = _mm_set1_epi8(folded_ ? 0x20 : 0);
    const __m128i here =
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), case_bit);
    __m128i kept = _mm_setzero_si128();
    if (by_range_) {
      kept = in_range(here, lowest_first_, highest_first_);
    } else {
      const __m128i after =
          _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1)), case_bit);
      for (size_t i = 0; i < count_; ++i) {
        __m128i same = _mm_cmpeq_epi8(here, lanes(first_lanes_[i]));
        if (!openings_[i].any_second) {
          same = _mm_and_si128(same, _mm_cmpeq_epi8(after, lanes(second_lanes_[i])));
        }
        kept = _mm_or_si128(kept, same);
      }
    }
    if (word_start_) {
      // Only a letter before rules a position out here: digits before a
      // letter are too rare to pay for the test.
      const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 1));
      kept = _mm_andnot_si128(in_range(_mm_or_si128(before, _mm_set1_epi8(0x20)), 'a', 'z'), kept);
    }
    return static_cast<uint32_t>(_mm_movemask_epi8(kept));
  }

  static __m128i lanes(const Lanes& bytes) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data()));
  }

#if defined(OPIS_OPENING_FILTER_AVX2)
  // Where the processor has AVX2, blocks of 32 bytes: the same test as
  // block_mask, twice as wide. Moves `*pos` to the first kept position and
  // returns true, or to where fewer than a block's bytes are left.
  __attribute__((target("avx2"))) bool next_wide(std::string_view text, size_t* pos) const {
    const __m256i case_bit = _mm256_set1_epi8(folded_ ? 0x20 : 0);
    const __m256i letter_low = _mm256_set1_epi8('a');
    const __m256i letter_span = _mm256_set1_epi8('z' - 'a');
    const __m256i range_low = _mm256_set1_epi8(static_cast<char>(lowest_first_));
    const __m256i range_span = _mm256_set1_epi8(static_cast<char>(highest_first_ - lowest_first_));
    size_t p = *pos;
    while (p + kWideBlock + 1 <= text.size()) {
      const char* block = text.data() + p;
      const __m256i here =
          _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(block)), case_bit);
      __m256i kept = _mm256_setzero_si256();
      if (by_range_) {
        const __m256i offset = _mm256_sub_epi8(here, range_low);
        kept = _mm256_cmpeq_epi8(_mm256_min_epu8(offset, range_span), offset);
      } else {
        const __m256i after = _mm256_or_si256(
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 1)), case_bit);
        for (size_t i = 0; i < count_; ++i) {
          const Opening& o = openings_[i];
          __m256i same = _mm256_cmpeq_epi8(here, _mm256_set1_epi8(static_cast<char>(o.first)));
          if (!o.any_second) {
            same = _mm256_and_si256(
                same, _mm256_cmpeq_epi8(after, _mm256_set1_epi8(static_cast<char>(o.second))));
          }
          kept = _mm256_or_si256(kept, same);
        }
      }
      if (word_start_) {
        const __m256i before =
            _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(block - 1)),
                            _mm256_set1_epi8(0x20));
        const __m256i offset = _mm256_sub_epi8(before, letter_low);
        const __m256i letter = _mm256_cmpeq_epi8(_mm256_min_epu8(offset, letter_span), offset);
        kept = _mm256_andnot_si256(letter, kept);
      }
      const auto mask = static_cast<uint32_t>(_mm256_movemask_epi8(kept));
      if (mask != 0) {
        *pos = p + static_cast<size_t>(__builtin_ctz(mask));
        return true;
      }
      p += kWideBlock;
    }
    *pos = p;
    return false;
  }

  static bool has_avx2() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }
#endif

  // 0xFF in the lanes whose unsigned byte lies in [low, high].
  static __m128i in_range(__m128i bytes, uint8_t low, uint8_t high) {
    const __m128i offset = _mm_sub_epi8(bytes, _mm_set1_epi8(static_cast<char>(low)));
    const __m128i span = _mm_set1_epi8(static_cast<char>(high - low));
    return _mm_cmpeq_epi8(_mm_min_epu8(offset, span), offset);
  }
#endif

  bool folded_;
  bool word_start_;
  std::array<Opening, kMaxOpenings> openings_{};
  alignas(kBlock) std::array<Lanes, kMaxOpenings> first_lanes_{};
  alignas(kBlock) std::array<Lanes, kMaxOpenings> second_lanes_{};
  size_t count_ = 0;
  bool by_range_ = false;
  uint8_t lowest_first_ = 0xFF;
  uint8_t highest_first_ = 0;
#if defined(OPIS_OPENING_FILTER_AVX2)
  bool wide_ = has_avx2();
#endif
};

}  // namespace opis::text_scan
