#include "header_block.hpp"

#include <array>

#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

// Number signs seen after "Copy": Nº (U+00BA), N° (U+00B0), № (U+2116), No.
constexpr std::array<std::string_view, 9> kNumberSigns = {
    "N\xC2\xBA", "N\xC2\xB0", "\xE2\x84\x96", "No.", "Nr.", "No", "Nr", "#", "n."};

std::string_view skip_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

bool is_copy_token(std::string_view token) {
  if (token.empty() || token.size() > 8) return false;
  bool digit = false;
  for (const char c : token) {
    if (is_digit(c)) {
      digit = true;
    } else if (!is_alpha(c) && c != '-' && c != '/') {
      return false;
    }
  }
  return digit;
}

}  // namespace

std::optional<std::string_view> classification_of(std::string_view line,
                                                  const Vocabulary& vocabulary) {
  line = trim(line);
  std::string_view bare = line;
  while (!bare.empty() && (bare.back() == '!' || bare.back() == '.')) bare.remove_suffix(1);
  if (equal_phrase_in(bare, vocabulary.classifications) == nullptr) return std::nullopt;
  return line;
}

std::optional<std::string_view> copy_number_of(std::string_view line,
                                               const Vocabulary& vocabulary) {
  line = trim(line);
  for (const auto& word : vocabulary.copy_words) {
    if (!starts_with_word(line, word)) continue;
    std::string_view rest = skip_spaces(line.substr(match_prefix(line, word)));
    for (const auto sign : kNumberSigns) {
      if (rest.substr(0, sign.size()) == sign) {
        rest = skip_spaces(rest.substr(sign.size()));
        break;
      }
    }
    const size_t end = rest.find(' ');
    std::string_view token = rest.substr(0, end);
    if (!token.empty() && token.back() == '.') token.remove_suffix(1);
    if (!is_copy_token(token)) continue;
    // Only "Copy Nº 2" or "Copy Nº 2 of 5": anything longer is a sentence.
    const std::string_view tail =
        end == std::string_view::npos ? "" : skip_spaces(rest.substr(end));
    if (!tail.empty() && !(starts_with_word(tail, "of") && tail.size() < 12)) continue;
    return token;
  }
  return std::nullopt;
}

std::optional<std::string_view> stamp_of(std::string_view line, const Vocabulary& vocabulary) {
  line = trim(line);
  if (line.size() < 3 || line.front() != '[' || line.back() != ']') return std::nullopt;
  const std::string_view inner = line.substr(1, line.size() - 2);
  if (inner.find(']') != std::string_view::npos) return std::nullopt;
  for (const auto& word : vocabulary.stamp_words) {
    if (!starts_with_word(inner, word)) continue;
    std::string_view rest = inner.substr(match_prefix(inner, word));
    rest = skip_spaces(rest);
    if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
    rest = trim(rest);
    if (!rest.empty()) return rest;
  }
  return std::nullopt;
}

}  // namespace opis::archive_record
