#include "trigger_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "utf8_text.hpp"

namespace opis::contributors {
namespace {

// A gap stands for this many lower-case words at most: enough for "checked
// with the original text by", few enough not to join two sentences.
constexpr int kMaxGapWords = 8;

std::vector<std::string> split(std::string_view s, std::string_view separator) {
  std::vector<std::string> parts;
  while (true) {
    const size_t at = s.find(separator);
    parts.emplace_back(trim(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + separator.size());
  }
  return parts;
}

// Case-insensitive match of `segment` at `pos`, whose white space matches
// any run of blanks and at most one line break.
bool segment_at(std::string_view text, size_t pos, std::string_view segment, size_t* after) {
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == ' ') {
      if (pos >= text.size() || !is_space(text[pos])) return false;
      int breaks = 0;
      while (pos < text.size() && is_space(text[pos])) {
        if (text[pos] == '\n' && ++breaks > 1) return false;
        ++pos;
      }
      continue;
    }
    if (pos >= text.size() || ascii_lower(text[pos]) != segment[i]) return false;
    ++pos;
  }
  // A phrase ending in a letter must end a word: "edited by" is not "edited byline".
  if (is_ascii_letter(segment.back()) && pos < text.size() &&
      (is_ascii_letter(text[pos]) || is_non_ascii(text[pos]))) {
    return false;
  }
  *after = pos;
  return true;
}

// Skips up to kMaxGapWords lower-case ASCII words and the blanks between
// them, trying `segment` before each; the gap never crosses punctuation.
bool gap_then_segment(std::string_view text, size_t pos, std::string_view segment, size_t* after) {
  for (int words = 0; words <= kMaxGapWords; ++words) {
    size_t p = pos;
    while (p < text.size() && is_blank(text[p])) ++p;
    if (segment_at(text, p, segment, after)) return true;
    if (p == pos && words > 0) return false;
    size_t end = p;
    while (end < text.size() && is_ascii_lower(text[end])) ++end;
    if (end == p || (end < text.size() && !is_blank(text[end]))) return false;
    pos = end;
  }
  return false;
}

void insert_longest_first(std::vector<Trigger>& bucket, Trigger trigger) {
  const auto at = std::find_if(bucket.begin(), bucket.end(), [&](const Trigger& t) {
    return t.segments.front().size() < trigger.segments.front().size();
  });
  bucket.insert(at, std::move(trigger));
}

}  // namespace

void TriggerTable::add(std::string_view phrase, std::string_view roles) {
  Trigger trigger;
  for (std::string& segment : split(ascii_folded(trim(phrase)), " * ")) {
    if (segment.empty() || segment == "*") {
      throw std::invalid_argument("trigger phrase '" + std::string(phrase) +
                                  "' has an empty part around '*'");
    }
    trigger.segments.push_back(std::move(segment));
  }
  for (std::string& role : split(roles, ",")) {
    if (role.empty()) {
      throw std::invalid_argument("trigger phrase '" + std::string(phrase) + "' has an empty role");
    }
    trigger.roles.push_back(std::move(role));
  }
  // Each segment is matched with single spaces.
  for (std::string& segment : trigger.segments) {
    std::string collapsed;
    for (const char c : segment) {
      if (is_space(c)) {
        if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
      } else {
        collapsed += c;
      }
    }
    segment = std::move(collapsed);
  }
  const std::string& opening = trigger.segments.front();
  // A one-byte phrase pairs with anything: mark every second byte.
  if (opening.size() == 1) {
    for (int second = 0; second < 256; ++second) {
      first_pairs_.set(pair_index(opening[0], static_cast<char>(second)));
    }
    start_filter_.add_first(opening[0]);
  } else if (opening[1] == ' ') {
    for (const char space : {' ', '\t', '\n', '\r', '\f', '\v'}) {
      first_pairs_.set(pair_index(opening[0], space));
    }
    start_filter_.add_first(opening[0]);
  } else {
    first_pairs_.set(pair_index(opening[0], opening[1]));
    start_filter_.add(opening[0], opening[1]);
  }
  const auto first = static_cast<unsigned char>(opening.front());
  if (is_ascii_lower(static_cast<char>(first))) {
    insert_longest_first(by_first_byte_[first - 'a' + 'A'], trigger);
  }
  insert_longest_first(by_first_byte_[first], std::move(trigger));
}

void TriggerTable::add_lines(std::string_view tsv) {
  int line_number = 0;
  while (!tsv.empty()) {
    ++line_number;
    const size_t nl = tsv.find('\n');
    const std::string_view line = trim(tsv.substr(0, nl));
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      throw std::invalid_argument("trigger line " + std::to_string(line_number) +
                                  " has no tab between phrase and role");
    }
    add(line.substr(0, tab), line.substr(tab + 1));
  }
}

const Trigger* TriggerTable::match(std::string_view text, size_t pos, size_t* after) const {
  if (pos >= text.size()) return nullptr;
  for (const Trigger& trigger : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
    size_t p = 0;
    if (!segment_at(text, pos, trigger.segments.front(), &p)) continue;
    bool matched = true;
    for (size_t i = 1; i < trigger.segments.size() && matched; ++i) {
      matched = gap_then_segment(text, p, trigger.segments[i], &p);
    }
    if (matched) {
      *after = p;
      return &trigger;
    }
  }
  return nullptr;
}

}  // namespace opis::contributors
