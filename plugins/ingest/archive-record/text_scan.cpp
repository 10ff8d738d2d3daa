#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

char ascii_lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string_view trim(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && is_space(text[b])) ++b;
  size_t e = text.size();
  while (e > b && is_space(text[e - 1])) --e;
  return text.substr(b, e - b);
}

size_t match_prefix(std::string_view text, std::string_view phrase) {
  size_t t = 0;
  for (const char p : phrase) {
    if (t >= text.size()) return kNoMatch;
    if (p == '\'' && text.substr(t, kRightSingleQuote.size()) == kRightSingleQuote) {
      t += kRightSingleQuote.size();
    } else if (p == ' ' && text.substr(t, kNoBreakSpace.size()) == kNoBreakSpace) {
      t += kNoBreakSpace.size();
    } else if (ascii_lower(text[t]) == ascii_lower(p)) {
      ++t;
    } else {
      return kNoMatch;
    }
  }
  return t;
}

size_t find_phrase(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) return 0;
  const char first = ascii_lower(phrase.front());
  for (size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != first && first != '\'' && first != ' ') continue;
    if (match_prefix(text.substr(i), phrase) != kNoMatch) return i;
  }
  return kNoMatch;
}

bool starts_with_word(std::string_view text, std::string_view word) {
  const size_t n = match_prefix(text, word);
  if (n == kNoMatch) return false;
  return n == text.size() || text[n] == ' ' || text[n] == ':' ||
         text.substr(n, kNoBreakSpace.size()) == kNoBreakSpace;
}

const std::string* equal_phrase_in(std::string_view text, const std::vector<std::string>& phrases) {
  const std::string* best = nullptr;
  for (const auto& phrase : phrases) {
    if (equals_phrase(text, phrase) && (best == nullptr || phrase.size() > best->size())) {
      best = &phrase;
    }
  }
  return best;
}

std::string_view without_final_period(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.back() == ';')) {
    text.remove_suffix(1);
  }
  return trim(text);
}

}  // namespace opis::archive_record
