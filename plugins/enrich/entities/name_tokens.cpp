#include "name_tokens.hpp"

#include <array>
#include <bit>
#include <cstring>

#include "utf8_letters.hpp"

namespace opis::entities {
namespace {

bool is_word_char(char32_t c) {
  return is_letter(c) || (c >= '0' && c <= '9');
}

// What each byte is to the tokenizer, so its loops test one table entry.
constexpr uint8_t kOtherAscii = 0;  // never part of a word, never starts one
constexpr uint8_t kLower = 1;
constexpr uint8_t kUpper = 2;
constexpr uint8_t kDigit = 4;
constexpr uint8_t kAlnum = kLower | kUpper | kDigit;
constexpr uint8_t kNonAscii = 8;  // decoded to tell

// Raw spellings are written eight bytes at a time, a few past their end.
constexpr size_t kRawSlack = 8;

// The same classes for eight bytes at once, as the high bit of each byte.
constexpr uint64_t kLowBits = 0x0101010101010101ull;
constexpr uint64_t kHighBits = kLowBits * 0x80;
struct ByteClasses {
  uint64_t lower;
  uint64_t upper;
  uint64_t digit;
};
// Within a byte below 0x80, adding (0x80 - first) sets the high bit from
// `first` up, adding (0x7F - last) from past `last` up; bytes are masked to
// seven bits first so no sum carries into the next byte.
constexpr uint64_t in_range(uint64_t seven_bits, char first, char last) {
  return (seven_bits + kLowBits * static_cast<uint64_t>(0x80 - first)) &
         ~(seven_bits + kLowBits * static_cast<uint64_t>(0x7F - last));
}
inline ByteClasses classify(uint64_t bytes) {
  const uint64_t ascii = ~bytes & kHighBits;
  const uint64_t seven_bits = bytes & ~kHighBits;
  return {in_range(seven_bits, 'a', 'z') & ascii, in_range(seven_bits, 'A', 'Z') & ascii,
          in_range(seven_bits, '0', '9') & ascii};
}

constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  for (int c = 0x80; c < 0x100; ++c) table[c] = kNonAscii;
  return table;
}();

}  // namespace

bool is_initial_like(const Token& t) {
  return t.capitalized && t.letters <= 3 && !t.has_digit && !t.possessive;
}

void NameTokens::grow_raw() {
  raw_.resize(raw_.size() * 2 + 16);
}

void NameTokens::tokenize(std::string_view text) {
  text_ = text;
  tokens_.clear();
  // Raw spellings are never longer than the text they come from (a folded
  // letter takes at most the bytes it had), so one buffer of the text's size
  // takes them all.
  raw_.resize(text.size() + kRawSlack);
  raw_size_ = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (kAsciiClass[byte] == kOtherAscii) {
      ++pos;
      continue;
    }
    if (byte >= 0x80) {
      const CodePoint cp = decode_at(text, pos);
      if (!is_word_char(cp.value)) {
        pos += cp.length;
        continue;
      }
    }
    if (!tokens_.empty()) {
      Token& before = tokens_.back();
      // The common gap, one space, without a call.
      before.gap = pos == before.end + 1 && text[before.end] == ' '
                       ? Gap::space
                       : read_gap(before.end, pos, before);
    }
    pos = read_word(pos, tokens_.emplace_back());
  }
}

// A word: letters and digits, apostrophes between letters (Ch'oe,
// Grigor'yan), a possessive 's, a plural's apostrophe (Workers’), and a
// parenthesized lower-case suffix written against it (VKP(b)).
size_t NameTokens::read_word(size_t pos, Token& token) {
  token.begin = static_cast<uint32_t>(pos);
  token.raw_begin = static_cast<uint32_t>(raw_size_);
  if (const size_t end = read_short_ascii_word(pos, token); end != pos) return end;
  bool first = true;
  bool upper_only = true;
  char32_t previous = 0;
  const char* const text = text_.data();
  const size_t size = text_.size();
  while (pos < size) {
    // ASCII letters and digits, most of every word, eight at a time where
    // the text has eight more bytes: raw_ (sized to the text) has room for
    // them, since raw never outgrows the text read so far.
    const size_t run_begin = pos;
    unsigned seen = 0;
    unsigned leading = 0;
    char* raw = raw_.data() + raw_size_;
    bool run_ended = false;
    if constexpr (std::endian::native == std::endian::little) {
      while (pos + 8 <= size) {
        uint64_t bytes = 0;
        std::memcpy(&bytes, text + pos, 8);
        const ByteClasses classes = classify(bytes);
        const uint64_t stops = ~(classes.lower | classes.upper | classes.digit) & kHighBits;
        const uint64_t lowered = bytes | (classes.upper >> 2);  // 0x80 >> 2 == 0x20
        std::memcpy(raw, &lowered, 8);                          // raw_ has kRawSlack bytes to spare
        const int length = stops == 0 ? 8 : std::countr_zero(stops) / 8;
        const uint64_t kept = length == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * length)) - 1;
        if (pos == run_begin) {
          leading = (classes.upper & 0x80) != 0   ? kUpper
                    : (classes.lower & 0x80) != 0 ? kLower
                                                  : kDigit;
        }
        if ((classes.lower & kept) != 0) seen |= kLower;
        if ((classes.upper & kept) != 0) seen |= kUpper;
        if ((classes.digit & kept) != 0) seen |= kDigit;
        pos += static_cast<size_t>(length);
        raw += length;
        if (length < 8) {
          run_ended = true;
          break;
        }
      }
    }
    while (!run_ended && pos < size) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      const unsigned kind = kAsciiClass[byte];
      if ((kind & kAlnum) == 0) break;
      if (pos == run_begin) leading = kind;
      seen |= kind;
      // An ASCII capital is lower-cased by setting bit 5; digits and
      // lower-case letters have it already.
      *raw++ = static_cast<char>(byte | 0x20);
      ++pos;
    }
    if (pos > run_begin) {
      const size_t run = pos - run_begin;
      raw_size_ += run;
      size_t digits = 0;
      if ((seen & kDigit) != 0) [[unlikely]] {
        token.has_digit = true;
        for (size_t i = run_begin; i < pos; ++i)
          digits += kAsciiClass[static_cast<unsigned char>(text[i])] == kDigit;
      }
      token.letters = static_cast<uint16_t>(token.letters + (run - digits));
      if (first) token.capitalized = leading == kUpper;
      if ((seen & kLower) != 0) {
        token.has_lower = true;
        upper_only = false;
      }
      first = false;
      previous = static_cast<unsigned char>(text[pos - 1]);
      if (pos >= size) break;
    }
    // Most words end at an ASCII character that cannot continue them.
    const char end_byte = text[pos];
    if (kAsciiClass[static_cast<unsigned char>(end_byte)] == kOtherAscii && end_byte != '\'' &&
        end_byte != '`' && end_byte != '(') {
      break;
    }
    const CodePoint cp = decode_at(text_, pos);
    if (cp.value >= 0x80 && is_word_char(cp.value)) {
      if (is_letter(cp.value)) {
        ++token.letters;
        if (first) token.capitalized = is_upper(cp.value);
        if (is_lower(cp.value)) {
          token.has_lower = true;
          upper_only = false;
        } else if (!is_upper(cp.value)) {
          upper_only = false;
        }
      } else {
        token.has_digit = true;
      }
      first = false;
      folded_.clear();
      append_folded(cp.value, folded_);
      for (const char c : folded_) put_raw(c);
      previous = cp.value;
      pos += cp.length;
      continue;
    }
    if (is_apostrophe(cp.value) && !first) {
      const size_t after = pos + cp.length;
      const CodePoint next = after < size ? decode_at(text_, after) : CodePoint{0, 0};
      const bool next_is_letter = next.length != 0 && is_letter(next.value);
      if (next_is_letter && (next.value == 's' || next.value == 'S')) {
        const size_t after_s = after + 1;
        const bool s_ends_word = after_s >= size || !is_word_char(decode_at(text_, after_s).value);
        if (s_ends_word) {
          token.possessive = true;
          token.stem_end = static_cast<uint32_t>(pos);
          put_raw('s');
          pos = after_s;
          break;
        }
      }
      if (next_is_letter) {
        pos = after;
        continue;
      }
      if (previous == 's' || previous == 'S') pos = after;
      break;
    }
    if (cp.value == '(' && !first) {
      size_t p = pos + 1;
      while (p < size && p - pos <= 4 && text[p] >= 'a' && text[p] <= 'z') ++p;
      if (p > pos + 1 && p - pos <= 4 && p < size && text[p] == ')') {
        for (size_t i = pos + 1; i < p; ++i) put_raw(text[i]);
        pos = p + 1;
        continue;
      }
    }
    break;
  }
  token.end = static_cast<uint32_t>(pos);
  token.period_after = pos < size && text[pos] == '.';
  if (!token.possessive) token.stem_end = token.end;
  token.raw_size = static_cast<uint32_t>(raw_size_) - token.raw_begin;
  token.all_caps = upper_only && token.letters >= 2;
  return pos;
}

// Most words: fewer than eight ASCII letters and digits, ended by an ASCII
// character that cannot continue a word. Such a word is read from one
// eight-byte load without the general loop; returns `pos` for any other.
size_t NameTokens::read_short_ascii_word(size_t pos, Token& token) {
  if constexpr (std::endian::native != std::endian::little) return pos;
  if (pos + 8 > text_.size()) return pos;
  uint64_t bytes = 0;
  std::memcpy(&bytes, text_.data() + pos, 8);
  const ByteClasses classes = classify(bytes);
  const uint64_t stops = ~(classes.lower | classes.upper | classes.digit) & kHighBits;
  if (stops == 0) return pos;
  const int length = std::countr_zero(stops) / 8;
  const char end_byte = text_[pos + static_cast<size_t>(length)];
  if (length == 0 || kAsciiClass[static_cast<unsigned char>(end_byte)] != kOtherAscii ||
      end_byte == '\'' || end_byte == '`' || end_byte == '(') {
    return pos;
  }
  const uint64_t lowered = bytes | (classes.upper >> 2);  // 0x80 >> 2 == 0x20
  std::memcpy(raw_.data() + raw_size_, &lowered, 8);      // raw_ has kRawSlack bytes to spare
  raw_size_ += static_cast<size_t>(length);
  const uint64_t kept = (uint64_t{1} << (8 * length)) - 1;
  // One bit per digit byte, summed by a multiply (std::popcount is a
  // library call without -mpopcnt).
  const int digits = static_cast<int>((((classes.digit & kept) >> 7) * kLowBits) >> 56);
  const size_t end = pos + static_cast<size_t>(length);
  token.end = static_cast<uint32_t>(end);
  token.stem_end = token.end;
  token.raw_size = static_cast<uint32_t>(length);
  token.letters = static_cast<uint16_t>(length - digits);
  token.capitalized = (classes.upper & 0x80) != 0;
  token.has_lower = (classes.lower & kept) != 0;
  token.has_digit = digits != 0;
  token.all_caps = !token.has_lower && token.letters >= 2;
  token.period_after = end_byte == '.';
  return end;
}

Gap NameTokens::read_gap(size_t pos, size_t next, const Token& before) const {
  if (pos == next) return Gap::other;
  size_t p = pos;
  bool period = false;
  if (text_[p] == '.') {
    if (!is_initial_like(before)) return Gap::other;
    period = true;
    ++p;
  }
  int line_breaks = 0;
  int hyphens = 0;
  int blanks = 0;
  while (p < next) {
    const CodePoint cp = decode_at(text_, p);
    if (cp.value == '\n') {
      ++line_breaks;
    } else if (is_inline_space(cp.value)) {
      ++blanks;
    } else if (is_name_hyphen(cp.value)) {
      ++hyphens;
    } else {
      return Gap::other;
    }
    p += cp.length;
  }
  if (line_breaks > 1) return Gap::other;
  if (period) return hyphens == 0 ? Gap::period : Gap::other;
  if (hyphens == 1 && blanks == 0 && line_breaks == 0) return Gap::hyphen;
  if (hyphens == 0) return Gap::space;
  return Gap::other;
}

}  // namespace opis::entities
