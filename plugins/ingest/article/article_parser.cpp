#include "article_parser.hpp"

#include <cstddef>
#include <optional>
#include <set>

#include "page_furniture.hpp"
#include "structure_lines.hpp"
#include "text_blocks.hpp"
#include "text_lines.hpp"

namespace opis::article {
namespace {

constexpr size_t kMaxTitleLines = 4;
constexpr size_t kMaxTitleLineBytes = 160;
// A journal's name or issue line above the first title, not an article.
constexpr size_t kMaxFrontMatterLines = 3;

using Lines = std::vector<std::string_view>;

struct ArticleStart {
  size_t title_begin = 0;
  size_t title_end = 0;
  size_t byline = 0;
};

bool blank_at(const Lines& lines, size_t i) {
  return i >= lines.size() || is_blank(lines[i]);
}

bool is_structure_line(std::string_view line) {
  return document_heading_number(line).has_value() || is_notes_heading(line) ||
         is_source_start(line);
}

// A byline standing alone, with the title paragraph (if any) above it.
std::optional<ArticleStart> article_start_at(const Lines& lines, size_t i) {
  if (!is_byline(lines[i])) return std::nullopt;
  if (!blank_at(lines, i + 1)) return std::nullopt;
  size_t title_end = i;
  while (title_end > 0 && is_blank(lines[title_end - 1])) --title_end;
  size_t title_begin = title_end;
  while (title_begin > 0 && !is_blank(lines[title_begin - 1])) --title_begin;
  if (title_end - title_begin > kMaxTitleLines) return std::nullopt;
  for (size_t k = title_begin; k < title_end; ++k) {
    if (trim(lines[k]).size() > kMaxTitleLineBytes || is_structure_line(lines[k])) {
      return std::nullopt;
    }
  }
  return ArticleStart{title_begin, title_end, i};
}

std::vector<ArticleStart> article_starts(const Lines& lines) {
  std::vector<ArticleStart> starts;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (const auto start = article_start_at(lines, i)) {
      // A byline under the previous byline's title cannot start another.
      if (!starts.empty() && start->title_begin <= starts.back().byline) continue;
      starts.push_back(*start);
    }
  }
  return starts;
}

bool notes_heading_at(const Lines& lines, size_t i, size_t end) {
  if (!is_notes_heading(lines[i])) return false;
  size_t next = i + 1;
  while (next < end && is_blank(lines[next])) ++next;
  return next < end && note_start(lines[next]).has_value();
}

struct Boundary {
  size_t line = 0;
  std::string_view document_number;  // empty for a NOTES heading
};

std::vector<Boundary> section_boundaries(const Lines& lines, size_t begin, size_t end) {
  std::vector<Boundary> boundaries;
  for (size_t i = begin; i < end; ++i) {
    if (const auto number = document_heading_number(lines[i])) {
      boundaries.push_back({i, *number});
    } else if (notes_heading_at(lines, i, end)) {
      boundaries.push_back({i, {}});
    }
  }
  return boundaries;
}

ParsedArticle read_article(const Lines& lines, size_t body_begin, size_t end) {
  ParsedArticle article;
  const std::vector<Boundary> boundaries = section_boundaries(lines, body_begin, end);
  const size_t body_end = boundaries.empty() ? end : boundaries.front().line;
  article.text = join_block(lines, body_begin, body_end);
  for (size_t b = 0; b < boundaries.size(); ++b) {
    const size_t region_end = b + 1 < boundaries.size() ? boundaries[b + 1].line : end;
    const Boundary& boundary = boundaries[b];
    if (!boundary.document_number.empty()) {
      article.documents.push_back(
          read_document_section(lines, boundary.line, region_end, boundary.document_number));
      continue;
    }
    const size_t unassigned = read_endnotes(lines, boundary.line + 1, region_end, article.notes);
    if (unassigned > 0) {
      article.warnings.push_back(std::to_string(unassigned) +
                                 " lines after the endnotes belong to no note and were left out");
    }
  }
  std::set<unsigned> numbers;
  for (const auto& note : article.notes)
    numbers.insert(static_cast<unsigned>(std::stoul(note.number)));
  article.markers = find_note_markers(article.text, numbers);
  return article;
}

size_t non_blank_lines(const Lines& lines, size_t begin, size_t end) {
  size_t n = 0;
  for (size_t i = begin; i < end; ++i) n += is_blank(lines[i]) ? 0 : 1;
  return n;
}

bool has_structure(const Lines& lines, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (document_heading_number(lines[i]) || notes_heading_at(lines, i, end)) return true;
  }
  return false;
}

}  // namespace

std::vector<ParsedArticle> parse_articles(std::string_view text) {
  const Lines all_lines = split_lines(text);
  const std::vector<bool> furniture = page_furniture(all_lines);
  Lines lines;
  lines.reserve(all_lines.size());
  for (size_t i = 0; i < all_lines.size(); ++i) {
    if (!furniture[i]) lines.push_back(all_lines[i]);
  }

  const std::vector<ArticleStart> starts = article_starts(lines);
  std::vector<ParsedArticle> articles;
  const size_t first_title = starts.empty() ? lines.size() : starts.front().title_begin;
  const size_t leading = non_blank_lines(lines, 0, first_title);
  bool front_matter_dropped = false;
  if (leading > 0) {
    if (starts.empty() || leading > kMaxFrontMatterLines || has_structure(lines, 0, first_title)) {
      articles.push_back(read_article(lines, 0, first_title));
    } else {
      front_matter_dropped = true;
    }
  }
  for (size_t s = 0; s < starts.size(); ++s) {
    const size_t end = s + 1 < starts.size() ? starts[s + 1].title_begin : lines.size();
    ParsedArticle article = read_article(lines, starts[s].byline + 1, end);
    article.title = join_wrapped_lines(lines, starts[s].title_begin, starts[s].title_end);
    article.byline = std::string(trim(lines[starts[s].byline]));
    if (s == 0 && front_matter_dropped) {
      article.warnings.push_back(std::to_string(leading) +
                                 " lines above the title (front matter) were left out");
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

}  // namespace opis::article
