#include "signature_scanner.hpp"

#include <array>
#include <optional>

#include "opening_filter.hpp"
#include "person_name.hpp"
#include "utf8_text.hpp"

namespace opis::contributors {

using text_scan::OpeningFilter;
namespace {

// Longer than any position line or "(name)" worth reading: bounds the work
// on hostile input.
constexpr size_t kMaxLineBytes = 300;
// Lines looked at above and below a signature for its position, blank ones
// included.
constexpr int kPositionReach = 3;

constexpr std::array<std::string_view, 6> kMarkers = {"[signature]", "[signed]", "/signature/",
                                                      "/signed/",    "(signed)", "(signature)"};

const OpeningFilter& marker_filter() {
  static const OpeningFilter filter = [] {
    OpeningFilter f(OpeningFilter::Case::folded, OpeningFilter::Boundary::anywhere);
    for (const std::string_view marker : kMarkers) f.add(marker[0], marker[1]);
    return f;
  }();
  return filter;
}

bool marker_at(std::string_view text, size_t pos, size_t* after) {
  for (const std::string_view marker : kMarkers) {
    if (text.size() - pos < marker.size()) continue;
    bool same = true;
    for (size_t i = 0; i < marker.size() && same; ++i) {
      same = ascii_lower(text[pos + i]) == marker[i];
    }
    if (same) {
      *after = pos + marker.size();
      return true;
    }
  }
  return false;
}

// "(Name)" at `pos`, closed on the same line.
std::optional<std::string> parenthesized_name(std::string_view text, size_t pos, size_t* after,
                                              const NameLexicon& lexicon) {
  if (pos >= text.size() || text[pos] != '(') return std::nullopt;
  const size_t limit = std::min(text.size(), pos + kMaxLineBytes);
  for (size_t i = pos + 1; i < limit; ++i) {
    if (text[i] == '\n' || text[i] == '(') return std::nullopt;
    if (text[i] == ')') {
      *after = i + 1;
      return as_personal_name(text.substr(pos + 1, i - pos - 1), lexicon);
    }
  }
  return std::nullopt;
}

// The name a marker at `after` signs for: "(Name)" on the same line or,
// after one line break, on the next; or a bare name to the end of the line.
std::optional<std::string> signed_name(std::string_view text, size_t after, size_t* name_end,
                                       const NameLexicon& lexicon) {
  size_t pos = after;
  while (pos < text.size() && is_blank(text[pos])) ++pos;
  if (pos < text.size() && text[pos] == '(') {
    return parenthesized_name(text, pos, name_end, lexicon);
  }
  if (pos < text.size() && text[pos] == '\n') {
    size_t next = pos + 1;
    while (next < text.size() && is_blank(text[next])) ++next;
    // One blank line between marker and name is common in page captures.
    if (next < text.size() && text[next] == '\n') {
      ++next;
      while (next < text.size() && is_blank(text[next])) ++next;
    }
    return parenthesized_name(text, next, name_end, lexicon);
  }
  const LineSpan line = line_at(text, pos);
  if (line.end - pos > kMaxLineBytes) return std::nullopt;
  *name_end = line.end;
  return as_personal_name(text.substr(pos, line.end - pos), lexicon);
}

// The nearest line with text above the line starting at `from` (below:
// after the line ending at `from`), within kPositionReach lines.
std::string_view neighbour_line(std::string_view text, size_t from, bool below) {
  size_t pos = from;
  for (int step = 0; step < kPositionReach; ++step) {
    LineSpan line;
    if (below) {
      if (pos >= text.size()) return {};
      line = line_at(text, pos + 1);
      pos = line.end;
    } else {
      if (pos == 0) return {};
      line = line_at(text, pos - 1);
      pos = line.begin;
    }
    const std::string_view content = trim(text.substr(line.begin, line.end - line.begin));
    if (!content.empty()) return content;
  }
  return {};
}

std::string position_for(std::string_view text, size_t marker, size_t name_end,
                         const NameLexicon& lexicon) {
  const LineSpan marker_line = line_at(text, marker);
  // "Ambassador: [signature]": the label in front of the marker.
  std::string_view label = trim(text.substr(marker_line.begin, marker - marker_line.begin));
  if (!label.empty() && label.back() == ':') {
    label = trim(label.substr(0, label.size() - 1));
    if (is_position_line(label, lexicon)) return std::string(label);
  }
  const LineSpan name_line = line_at(text, name_end > 0 ? name_end - 1 : 0);
  if (const auto below = neighbour_line(text, name_line.end, true);
      is_position_line(below, lexicon)) {
    return std::string(below);
  }
  if (!label.empty()) return {};  // the marker's line has other text: no line above to trust
  if (const auto above = neighbour_line(text, marker_line.begin, false);
      is_position_line(above, lexicon)) {
    return std::string(above);
  }
  return {};
}

}  // namespace

bool is_position_line(std::string_view line, const NameLexicon& lexicon) {
  line = trim(line);
  if (line.empty() || line.size() > kMaxLineBytes) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ',') return false;
  // A sentence, not a heading.
  if (line.find(". ") != std::string_view::npos) return false;
  if (line.find("[signature]") != std::string_view::npos) return false;
  size_t end = 0;
  while (end < line.size() && !is_space(line[end]) && line[end] != ',') ++end;
  return lexicon.is_position(line.substr(0, end));
}

std::vector<Signature> scan_signatures(std::string_view text, const NameLexicon& lexicon) {
  std::vector<Signature> out;
  const OpeningFilter& filter = marker_filter();
  for (size_t pos = filter.next(text, 0); pos < text.size(); pos = filter.next(text, pos + 1)) {
    size_t after = 0;
    if (!marker_at(text, pos, &after)) continue;
    size_t name_end = after;
    if (auto name = signed_name(text, after, &name_end, lexicon)) {
      out.push_back({std::move(*name), position_for(text, pos, name_end, lexicon)});
    }
    pos = after - 1;
  }
  return out;
}

}  // namespace opis::contributors
