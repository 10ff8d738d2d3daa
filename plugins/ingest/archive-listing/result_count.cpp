#include "result_count.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "text_lines.hpp"

namespace opis::listing {
namespace {

// Counts beyond this are not counts a results page states.
constexpr uint64_t kMaxCount = 1'000'000'000'000ULL;
constexpr size_t kMaxCountLineBytes = 200;

enum class TokenKind { kWord, kNumber, kDash, kColon, kPeriod, kOther };

struct Token {
  TokenKind kind;
  std::string_view text;
  uint64_t value = 0;
  size_t end = 0;  // byte offset after the token in the line
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Width of a UTF-8 character starting with `lead`.
size_t char_width(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

bool tokenize(std::string_view line, std::vector<Token>& out) {
  size_t i = 0;
  while (i < line.size()) {
    size_t width = 0;
    if (is_space_at(line, i, &width)) {
      i += width;
      continue;
    }
    const size_t begin = i;
    Token t{TokenKind::kOther, {}, 0, 0};
    const char c = line[i];
    if (is_digit(c)) {
      t.kind = TokenKind::kNumber;
      while (i < line.size()) {
        if (is_digit(line[i])) {
          t.value = t.value * 10 + static_cast<uint64_t>(line[i] - '0');
          if (t.value > kMaxCount) return false;
          ++i;
        } else if (line[i] == ',' && i + 3 < line.size() && is_digit(line[i + 1]) &&
                   is_digit(line[i + 2]) && is_digit(line[i + 3]) &&
                   (i + 4 == line.size() || !is_digit(line[i + 4]))) {
          ++i;  // a thousands separator: "1,345"
        } else {
          break;
        }
      }
    } else if (is_letter(c)) {
      t.kind = TokenKind::kWord;
      while (i < line.size() && is_letter(line[i])) ++i;
    } else if (c == '-') {
      t.kind = TokenKind::kDash;
      ++i;
    } else if (line.substr(i, 3) == "\u2013" || line.substr(i, 3) == "\u2014" ||
               line.substr(i, 3) == "\u2212") {
      t.kind = TokenKind::kDash;
      i += 3;
    } else if (c == ':') {
      t.kind = TokenKind::kColon;
      ++i;
    } else if (c == '.') {
      t.kind = TokenKind::kPeriod;
      ++i;
    } else {
      i += char_width(static_cast<unsigned char>(c));
      if (i > line.size()) i = line.size();
    }
    t.text = line.substr(begin, i - begin);
    t.end = i;
    out.push_back(t);
  }
  return true;
}

bool is_word(const Token& t, std::string_view word) {
  return t.kind == TokenKind::kWord && equals_ignoring_case(t.text, word);
}

template <size_t N>
bool is_one_of(const Token& t, const std::array<std::string_view, N>& words) {
  for (const auto w : words) {
    if (is_word(t, w)) return true;
  }
  return false;
}

// Words before the numbers. "record" and "page" are deliberately absent:
// "Record 1 of 2" and "Page 1 of 3" are not result counts.
constexpr std::array<std::string_view, 9> kLeadWords = {
    "results", "result", "search", "showing", "displaying", "viewing", "found", "about", "hits"};
// Nouns after the numbers that say what was counted.
constexpr std::array<std::string_view, 14> kCountedNouns = {
    "results",  "result", "items", "item",    "records", "record",  "documents",
    "document", "hits",   "hit",   "matches", "match",   "entries", "entry"};
constexpr std::array<std::string_view, 5> kTailWords = {"found", "total", "shown", "in", "all"};

bool is_count_word(const Token& t) {
  return is_word(t, "results") || is_word(t, "result") || is_word(t, "hits") || is_word(t, "found");
}

std::string_view strip_quotes(std::string_view text) {
  text = trim(text);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kQuotes = {
      {{"\"", "\""}, {"\u201C", "\u201D"}, {"'", "'"}, {"\u2018", "\u2019"}}};
  for (const auto& [open, close] : kQuotes) {
    if (text.size() >= open.size() + close.size() && text.substr(0, open.size()) == open &&
        text.substr(text.size() - close.size()) == close) {
      return trim(text.substr(open.size(), text.size() - open.size() - close.size()));
    }
  }
  return text;
}

}  // namespace

std::optional<ResultCount> parse_result_count(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > kMaxCountLineBytes) return std::nullopt;
  // Every count has a number: most lines of a document have no digit and
  // are settled here, without tokens (the probe asks this of every line).
  if (std::none_of(line.begin(), line.end(), is_digit)) return std::nullopt;
  std::vector<Token> tokens;
  if (!tokenize(line, tokens)) return std::nullopt;
  size_t i = 0;
  const size_t n = tokens.size();
  bool counted = false;  // a word says these numbers count results
  while (i < n && is_one_of(tokens[i], kLeadWords)) {
    counted = counted || is_count_word(tokens[i]);
    ++i;
  }
  if (i < n && tokens[i].kind == TokenKind::kColon) ++i;
  if (i >= n || tokens[i].kind != TokenKind::kNumber) return std::nullopt;

  ResultCount count;
  const uint64_t first_number = tokens[i++].value;
  bool ranged = false;
  const bool range_follows = i < n && (tokens[i].kind == TokenKind::kDash ||
                                       is_word(tokens[i], "to") || is_word(tokens[i], "through"));
  if (range_follows) {
    if (i + 3 >= n || tokens[i + 1].kind != TokenKind::kNumber || !is_word(tokens[i + 2], "of") ||
        tokens[i + 3].kind != TokenKind::kNumber) {
      return std::nullopt;
    }
    count.first = first_number;
    count.last = tokens[i + 1].value;
    count.total = tokens[i + 3].value;
    ranged = true;
    i += 4;
  } else if (i + 1 < n && is_word(tokens[i], "of") && tokens[i + 1].kind == TokenKind::kNumber) {
    count.first = first_number;
    count.last = first_number;
    count.total = tokens[i + 1].value;
    i += 2;
  } else {
    count.total = first_number;
  }

  if (i < n && is_one_of(tokens[i], kCountedNouns)) {
    counted = true;
    ++i;
  }
  while (i < n && is_one_of(tokens[i], kTailWords)) ++i;
  if (i < n && is_word(tokens[i], "for") && i + 1 < n) {
    count.query = std::string(strip_quotes(line.substr(tokens[i].end)));
    i = n;
  }
  if (i < n && tokens[i].kind == TokenKind::kPeriod && i + 1 == n) ++i;
  if (i != n) return std::nullopt;
  // A range "1 - 10 of 11" is distinctive alone; a bare number is not.
  if (!ranged && !counted) return std::nullopt;
  count.surface = std::string(line);
  return count;
}

bool is_result_count_label(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 40) return false;
  std::vector<Token> tokens;
  if (!tokenize(line, tokens) || tokens.empty()) return false;
  size_t i = 0;
  bool counted = false;
  while (i < tokens.size() && is_one_of(tokens[i], kLeadWords)) {
    counted = counted || is_count_word(tokens[i]);
    ++i;
  }
  if (i < tokens.size() && tokens[i].kind == TokenKind::kColon) ++i;
  return counted && i == tokens.size();
}

std::optional<std::string_view> parse_query_line(std::string_view line) {
  static constexpr std::array<std::string_view, 10> kLabels = {
      "keyword",     "keywords",     "search", "search for",   "search terms",
      "search term", "search query", "query",  "searched for", "you searched for"};
  line = trim(line);
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 20) return std::nullopt;
  const std::string_view label = trim(line.substr(0, colon));
  for (const auto l : kLabels) {
    if (equals_ignoring_case(label, l)) {
      const std::string_view value = strip_quotes(line.substr(colon + 1));
      if (value.empty()) return std::nullopt;
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace opis::listing
