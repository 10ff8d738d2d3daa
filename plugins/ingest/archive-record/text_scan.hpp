// Small scanners over UTF-8 text shared by the record-page parsers. Phrase
// matching is deliberately forgiving in the ways captures of the same page
// differ: ASCII case, ’ for ', and U+00A0 for a space.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace opis::archive_record {

inline constexpr size_t kNoMatch = static_cast<size_t>(-1);

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
inline bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}

std::string_view trim(std::string_view text);

// Bytes of `text` that match `phrase` from its start, or kNoMatch.
size_t match_prefix(std::string_view text, std::string_view phrase);
inline bool starts_with_phrase(std::string_view text, std::string_view phrase) {
  return match_prefix(text, phrase) != kNoMatch;
}
inline bool equals_phrase(std::string_view text, std::string_view phrase) {
  return match_prefix(text, phrase) == text.size();
}
// The first position where `phrase` matches in `text`, or kNoMatch. Meant
// for short paragraphs: it tries every position.
size_t find_phrase(std::string_view text, std::string_view phrase);

// `text` starts with `word` followed by a space, a colon or its end.
bool starts_with_word(std::string_view text, std::string_view word);

// The longest phrase of `phrases` that `text` equals, or nullptr.
const std::string* equal_phrase_in(std::string_view text, const std::vector<std::string>& phrases);

// Cuts trailing ASCII sentence punctuation ('.', ',', ';').
std::string_view without_final_period(std::string_view text);

}  // namespace opis::archive_record
