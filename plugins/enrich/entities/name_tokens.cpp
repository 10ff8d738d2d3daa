#include "name_tokens.hpp"

#include <cstring>

#include "utf8_letters.hpp"

namespace opis::entities {
namespace {

bool is_word_char(char32_t c) {
  return is_letter(c) || (c >= '0' && c <= '9');
}

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
  raw_.resize(text.size());
  raw_size_ = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && !((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') &&
        !(byte >= '0' && byte <= '9')) {
      ++pos;
      continue;
    }
    const CodePoint cp = decode_at(text, pos);
    if (!is_word_char(cp.value)) {
      pos += cp.length;
      continue;
    }
    Token token;
    const size_t end = read_word(pos, token);
    if (!tokens_.empty()) tokens_.back().gap = read_gap(tokens_.back().end, pos, tokens_.back());
    tokens_.push_back(token);
    pos = end;
  }
}

// A word: letters and digits, apostrophes between letters (Ch'oe,
// Grigor'yan), a possessive 's, a plural's apostrophe (Workers’), and a
// parenthesized lower-case suffix written against it (VKP(b)).
size_t NameTokens::read_word(size_t pos, Token& token) {
  token.begin = static_cast<uint32_t>(pos);
  token.raw_begin = static_cast<uint32_t>(raw_size_);
  bool first = true;
  bool upper_only = true;
  char32_t previous = 0;
  while (pos < text_.size()) {
    // A run of lower-case ASCII letters, most of every word, copied whole:
    // the raw spelling is the same bytes, and raw_ (sized to the text) has
    // room for them.
    size_t run_end = pos;
    while (run_end < text_.size() && text_[run_end] >= 'a' && text_[run_end] <= 'z') ++run_end;
    if (run_end > pos) {
      const size_t run = run_end - pos;
      if (raw_size_ + run > raw_.size()) [[unlikely]]
        grow_raw();
      std::memcpy(raw_.data() + raw_size_, text_.data() + pos, run);
      raw_size_ += run;
      token.letters = static_cast<uint16_t>(token.letters + run);
      token.has_lower = true;
      upper_only = false;
      first = false;
      previous = static_cast<unsigned char>(text_[run_end - 1]);
      pos = run_end;
      continue;
    }
    // Other ASCII letters and digits without decoding.
    const char byte = text_[pos];
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z')) {
      const bool upper = byte <= 'Z';
      ++token.letters;
      if (first) token.capitalized = upper;
      if (upper) {
        put_raw(static_cast<char>(byte + ('a' - 'A')));
      } else {
        token.has_lower = true;
        upper_only = false;
        put_raw(byte);
      }
      first = false;
      previous = static_cast<unsigned char>(byte);
      ++pos;
      continue;
    }
    if (byte >= '0' && byte <= '9') {
      token.has_digit = true;
      first = false;
      put_raw(byte);
      previous = static_cast<unsigned char>(byte);
      ++pos;
      continue;
    }
    const CodePoint cp = decode_at(text_, pos);
    if (is_word_char(cp.value)) {
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
      const CodePoint next = after < text_.size() ? decode_at(text_, after) : CodePoint{0, 0};
      const bool next_is_letter = next.length != 0 && is_letter(next.value);
      if (next_is_letter && (next.value == 's' || next.value == 'S')) {
        const size_t after_s = after + 1;
        const bool s_ends_word =
            after_s >= text_.size() || !is_word_char(decode_at(text_, after_s).value);
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
      while (p < text_.size() && p - pos <= 4 && text_[p] >= 'a' && text_[p] <= 'z') ++p;
      if (p > pos + 1 && p - pos <= 4 && p < text_.size() && text_[p] == ')') {
        for (size_t i = pos + 1; i < p; ++i) put_raw(text_[i]);
        pos = p + 1;
        continue;
      }
    }
    break;
  }
  token.end = static_cast<uint32_t>(pos);
  token.period_after = pos < text_.size() && text_[pos] == '.';
  if (!token.possessive) token.stem_end = token.end;
  token.raw_size = static_cast<uint32_t>(raw_size_) - token.raw_begin;
  token.all_caps = upper_only && token.letters >= 2;
  return pos;
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
