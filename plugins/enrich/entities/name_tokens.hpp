// Splits text into the words names are made of, with what separates each
// word from the next, in one pass. Each word also carries its "raw" spelling:
// lower case, without diacritics and apostrophes (Ch'oe -> choe,
// Workers’ -> workers), which is what keys are built from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace opis::entities {

// What lies between a word and the next one, as far as a name may span it.
enum class Gap : uint8_t {
  space,   // blanks, at most one line break: "Kim Il\nSung"
  hyphen,  // one hyphen and nothing else: "Hon-yong"
  period,  // "." right after the word, then blanks: "V. I." or "A.M."
  other,   // anything else ends a name
};

struct Token {
  uint32_t begin = 0;      // byte offsets into the text, end exclusive
  uint32_t end = 0;        // includes a possessive 's and a plural apostrophe
  uint32_t stem_end = 0;   // end without a possessive 's (== end otherwise)
  uint32_t raw_begin = 0;  // the raw spelling in NameTokens::raw()
  uint32_t raw_size = 0;
  uint16_t letters = 0;      // letters in the word (not counting a possessive)
  bool capitalized = false;  // first letter is a capital
  bool all_caps = false;     // two or more letters, all capitals: CPSU, VKP(b)
  bool has_lower = false;
  bool has_digit = false;
  bool possessive = false;    // ends in 's / ’s; raw ends in 's'
  bool period_after = false;  // a '.' follows directly: an initial ("V.", "U.S.")
  Gap gap = Gap::other;       // to the next word
};

class NameTokens {
 public:
  void tokenize(std::string_view text);

  const std::vector<Token>& tokens() const { return tokens_; }
  std::string_view text() const { return text_; }
  std::string_view raw(const Token& t) const {
    return std::string_view(raw_).substr(t.raw_begin, t.raw_size);
  }
  std::string_view surface(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  std::string_view stem(const Token& t) const {
    return text_.substr(t.begin, t.stem_end - t.begin);
  }

 private:
  size_t read_word(size_t pos, Token& token);
  size_t read_short_ascii_word(size_t pos, Token& token);
  Gap read_gap(size_t pos, size_t next, const Token& before) const;

  void put_raw(char c) {
    if (raw_size_ == raw_.size()) [[unlikely]]
      grow_raw();  // never for valid UTF-8
    raw_[raw_size_++] = c;
  }
  void grow_raw();

  std::string_view text_;
  std::vector<Token> tokens_;
  std::string raw_;  // sized to the text; the first raw_size_ bytes are used
  size_t raw_size_ = 0;
  std::string folded_;  // one non-ASCII letter as matching spells it
};

// A single capital followed by a period is an initial; its key gets a mark
// so "U.N." never matches the word "Un".
inline bool is_dotted_initial(const Token& t) {
  return t.period_after && t.letters == 1 && t.capitalized && !t.has_digit;
}

// A token may be followed by a period and still belong to a name: an
// initial (V., Yu.) or a title's abbreviation is short and capitalized.
bool is_initial_like(const Token& t);

}  // namespace opis::entities
