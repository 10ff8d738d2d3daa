// Shared by the repair and entities enrichers (header-only, SDK-free): the
// hash and the equality test of their in-memory tables of short strings
// (words, raw spellings), looked up once or more per token. Eight bytes a
// step, and a tail of one to eight bytes read with overlapping loads from
// both of its ends, so nothing outside the string is touched and there is
// no loop or call for the short words most look-ups are; a byte-at-a-time
// hash was a fifth of repair's run finder. The values are for tables in
// memory only: they may change between versions and are never stored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace opis::short_strings {

namespace detail {

inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline uint32_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
// One 64x64->128 multiply, the halves folded: every input bit reaches the
// low bits that pick a slot.
inline uint64_t mix(uint64_t h, uint64_t v) {
  const __uint128_t m = static_cast<__uint128_t>(h ^ v) * 0x9E3779B97F4A7C15ULL;
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

}  // namespace detail

inline uint64_t hash(std::string_view s) {
  using detail::load32;
  using detail::load64;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x6A09E667F3BCC909ULL ^ n;
  while (n > 8) {
    h = detail::mix(h, load64(p));
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  if (n >= 4) {
    tail = load32(p) | static_cast<uint64_t>(load32(p + n - 4)) << 32;
  } else if (n > 0) {
    const auto byte = [p](size_t i) {
      return static_cast<uint64_t>(static_cast<unsigned char>(p[i]));
    };
    tail = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
  }
  return detail::mix(h, tail);
}

// Whether the `n` bytes at `a` and at `b` are equal.
inline bool equal(const char* a, const char* b, size_t n) {
  using detail::load32;
  using detail::load64;
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
  }
  if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

inline bool equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && equal(a.data(), b.data(), a.size());
}

}  // namespace opis::short_strings
