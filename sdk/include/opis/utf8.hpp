// UTF-8 validation as the host applies it to every string a plugin hands
// over (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
// Header-only and free of host types: ingesters check a document with it
// before they build records from it, so the offset they report for bad
// input is the one the host would refuse; the host checks each string of
// each call with it.
//
// ASCII is skipped 32 and 8 bytes at a time. Other text goes through a
// table-driven automaton, one load and one shift per byte with no branch on
// the byte's value: annotation values of damaged text (U+FFFD, glyphs,
// curly quotes) are mostly multi-byte, and a branch per byte class cost
// more than the rest of the check. The exact offset of a bad sequence is
// found by a plain scan from the last place the automaton was at rest, so
// only invalid input pays for it.
#ifndef OPIS_UTF8_HPP
#define OPIS_UTF8_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace opis::sdk {

namespace utf8_detail {

// Each state is the bit offset of its 6-bit field in a byte's row: the
// next state is the byte's row shifted right by the current one.
enum State : uint32_t {
  kAccept = 0,      // between characters
  kReject = 6,      // for good
  kNeedOne = 12,    // one continuation byte to go
  kNeedTwo = 18,    // two to go
  kNeedThree = 24,  // three to go
  kAfterE0 = 30,    // next byte A0..BF (no overlong three-byte form)
  kAfterED = 36,    // next byte 80..9F (no surrogates)
  kAfterF0 = 42,    // next byte 90..BF (no overlong four-byte form)
  kAfterF4 = 48,    // next byte 80..8F (nothing above U+10FFFF)
};

constexpr uint32_t next_state(uint32_t state, unsigned byte) {
  const bool continuation = byte >= 0x80 && byte <= 0xBF;
  switch (state) {
    case kAccept:
      if (byte < 0x80) return kAccept;
      if (byte >= 0xC2 && byte <= 0xDF) return kNeedOne;
      if (byte == 0xE0) return kAfterE0;
      if (byte == 0xED) return kAfterED;
      if (byte >= 0xE1 && byte <= 0xEF) return kNeedTwo;
      if (byte == 0xF0) return kAfterF0;
      if (byte >= 0xF1 && byte <= 0xF3) return kNeedThree;
      if (byte == 0xF4) return kAfterF4;
      return kReject;
    case kNeedOne:
      return continuation ? kAccept : kReject;
    case kNeedTwo:
      return continuation ? kNeedOne : kReject;
    case kNeedThree:
      return continuation ? kNeedTwo : kReject;
    case kAfterE0:
      return byte >= 0xA0 && byte <= 0xBF ? kNeedOne : kReject;
    case kAfterED:
      return byte >= 0x80 && byte <= 0x9F ? kNeedOne : kReject;
    case kAfterF0:
      return byte >= 0x90 && byte <= 0xBF ? kNeedTwo : kReject;
    case kAfterF4:
      return byte >= 0x80 && byte <= 0x8F ? kNeedTwo : kReject;
    default:
      return kReject;
  }
}

inline constexpr std::array<uint64_t, 256> kRows = [] {
  std::array<uint64_t, 256> rows{};
  constexpr std::array<uint32_t, 9> kStates = {kAccept,  kReject,  kNeedOne, kNeedTwo, kNeedThree,
                                               kAfterE0, kAfterED, kAfterF0, kAfterF4};
  for (unsigned byte = 0; byte < 256; ++byte) {
    for (const uint32_t state : kStates) {
      rows[byte] |= static_cast<uint64_t>(next_state(state, byte)) << state;
    }
  }
  return rows;
}();

// The first invalid sequence at or after `from`, where a character starts;
// npos when there is none. The plain scan the automaton defers to.
inline size_t scan_for_invalid(const unsigned char* s, size_t n, size_t from) {
  size_t i = from;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    uint32_t state = next_state(kAccept, c);
    size_t k = i + 1;
    while (state != kAccept && state != kReject && k < n) state = next_state(state, s[k++]);
    if (state != kAccept) return i;
    i = k;
  }
  return std::string_view::npos;
}

}  // namespace utf8_detail

// The byte offset where the first invalid UTF-8 sequence of `text` starts
// (a truncated one at the end included), or std::string_view::npos.
inline size_t first_invalid_utf8(std::string_view text) noexcept {
  using namespace utf8_detail;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  // Short ASCII strings (names, types, labels: most strings a plugin hands
  // over) in two overlapping loads from both ends, without a loop.
  if (n >= 4 && n <= 16) {
    uint64_t head = 0;
    uint64_t tail = 0;
    if (n >= 8) {
      std::memcpy(&head, s, 8);
      std::memcpy(&tail, s + n - 8, 8);
    } else {
      uint32_t head4 = 0;
      uint32_t tail4 = 0;
      std::memcpy(&head4, s, 4);
      std::memcpy(&tail4, s + n - 4, 4);
      head = head4;
      tail = tail4;
    }
    if (((head | tail) & kHighBits) == 0) return std::string_view::npos;
  }
  // Bytes the automaton reads between looks for ASCII to skip.
  constexpr size_t kStretch = 16;
  size_t i = 0;
  while (i < n) {
    while (i + 32 <= n) {
      uint64_t w[4];
      std::memcpy(w, s + i, sizeof w);
      if (((w[0] | w[1] | w[2] | w[3]) & kHighBits) != 0) break;
      i += 32;
    }
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, sizeof w);
      if ((w & kHighBits) != 0) break;
      i += 8;
    }
    const size_t rest = i;  // the automaton is at rest here
    const size_t stop = n - i < kStretch ? n : i + kStretch;
    uint64_t state = kAccept;
    // The state is the whole shifted row: its low six bits are the state
    // proper (a shift count under 64, as C++ requires), and the fields
    // above them, which are never read, need no clearing.
    for (; i < stop; ++i) state = kRows[s[i]] >> (state & 63);
    while ((state & 63) != kAccept && (state & 63) != kReject && i < n) {
      state = kRows[s[i++]] >> (state & 63);
    }
    if ((state & 63) != kAccept) return scan_for_invalid(s, n, rest);
  }
  return std::string_view::npos;
}

inline bool is_valid_utf8(std::string_view text) noexcept {
  return first_invalid_utf8(text) == std::string_view::npos;
}

}  // namespace opis::sdk

#endif  // OPIS_UTF8_HPP
