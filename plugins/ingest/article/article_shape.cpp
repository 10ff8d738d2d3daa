#include "article_shape.hpp"

#include <cstddef>

#include "structure_lines.hpp"
#include "text_lines.hpp"

namespace opis::article {
namespace {

// The probe looks at the start of a document only: structure shows early
// and the probe must stay cheap on huge inputs.
constexpr size_t kProbeBytes = 1 << 20;
// Justified PDF columns wrap at about 60 characters with hyphenated breaks.
constexpr size_t kMinWrapWidth = 40;
constexpr size_t kMaxWrapWidth = 80;
constexpr size_t kMinHyphenWraps = 10;
constexpr size_t kHyphenWrapsPerHundredLines = 3;

bool is_hyphen_wrap(std::string_view line) {
  const std::string_view text = trim_right(line);
  return text.size() >= kMinWrapWidth && text.size() <= kMaxWrapWidth && text.back() == '-' &&
         is_letter(text[text.size() - 2]);
}

bool is_result_count(std::string_view line) {
  const std::string_view text = trim(line);
  return starts_with_nocase(text, "results:") ||
         (starts_with_nocase(text, "showing ") && text.size() > 8 && is_digit(text[8]));
}

}  // namespace

ArticleShape article_shape(std::string_view text) {
  if (text.size() > kProbeBytes) {
    text = text.substr(0, kProbeBytes);
    text =
        text.substr(0, text.rfind('\n') == std::string_view::npos ? text.size() : text.rfind('\n'));
  }
  size_t lines = 0;
  size_t hyphen_wraps = 0;
  bool notes_heading_pending = false;
  bool structure = false;
  for (std::string_view line : split_lines(text)) {
    if (is_blank(line)) continue;
    ++lines;
    const std::string_view trimmed = trim(line);
    if (trimmed == "Document Information") return ArticleShape::record_page;
    if (is_result_count(line)) return ArticleShape::listing;
    if (notes_heading_pending && note_start(line)) structure = true;
    notes_heading_pending = is_notes_heading(line);
    if (document_heading_number(line)) structure = true;
    if (is_hyphen_wrap(line)) ++hyphen_wraps;
  }
  if (structure) return ArticleShape::article;
  if (hyphen_wraps >= kMinHyphenWraps &&
      hyphen_wraps * 100 >= lines * kHyphenWrapsPerHundredLines) {
    return ArticleShape::article;
  }
  return ArticleShape::other;
}

}  // namespace opis::article
