#include "link_key.hpp"

#include "text_folding.hpp"

namespace opis::link {
namespace {

bool is_trailing_punctuation(char c) {
  return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string normalized_phrase(std::string_view text) {
  const std::string folded = fold_text(text);
  std::string out;
  out.reserve(folded.size());
  for (const char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && is_trailing_punctuation(out.back())) out.pop_back();
  return out;
}

}  // namespace

std::string normalized_title(std::string_view title) {
  return normalized_phrase(title);
}

std::string link_key(std::string_view title, std::string_view date_edtf,
                     std::string_view date_surface) {
  std::string key = normalized_title(title);
  // EDTF is already canonical, and its qualifiers (? ~ %) carry meaning.
  const std::string date =
      date_edtf.empty() ? normalized_phrase(date_surface) : std::string(trimmed(date_edtf));
  if (key.empty() || date.empty()) return {};
  key += '|';
  key += date;
  return key;
}

}  // namespace opis::link
