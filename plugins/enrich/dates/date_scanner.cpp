#include "date_scanner.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace opis::dates {
namespace {

// What a piece of text says, before ranges and lists are put together.
enum class Shape : uint8_t {
  day,         // "17" in "17-31 October 1961"
  month,       // "November" in "November-December 1960"
  day_month,   // "12 March"
  month_day,   // "March 12"
  month_year,  // "June 1960"
  full,        // "3 January 1962"
  year,        // "1956"
  season,      // "summer of 1956"
  decade,      // "1950s"
};

struct Point {
  EdtfDate date;
  Shape shape = Shape::day;
  size_t first = 0;  // tokens [first, last)
  size_t last = 0;
  int season_end_year = 0;  // "winter of 1956-1957": the season spans two years
  bool relative = false;    // "of this year": the year is the document's plus relative_offset
  int relative_offset = 0;
  bool rejected = false;  // a numeric date that cannot be read; its tokens are skipped
  size_t typo_token = 0;  // a misspelled month word, when typo_month != 0
  int typo_month = 0;
};

bool has_year(Shape shape) {
  return shape == Shape::month_year || shape == Shape::full || shape == Shape::year ||
         shape == Shape::season || shape == Shape::decade;
}

// Splits a region where no date can continue (a blank line), so the token
// buffer stays small whatever the text's size.
constexpr size_t kChunkBytes = 64 * 1024;

size_t chunk_end(std::string_view text, size_t begin, size_t end) {
  if (end - begin <= kChunkBytes) return end;
  const size_t limit = begin + kChunkBytes;
  const std::string_view window = text.substr(begin, kChunkBytes);
  if (size_t blank = window.rfind("\n\n"); blank != std::string_view::npos && blank > 0) {
    return begin + blank + 1;
  }
  if (size_t line = window.rfind('\n'); line != std::string_view::npos && line > 0) {
    return begin + line + 1;
  }
  if (size_t space = window.rfind(' '); space != std::string_view::npos && space > 0) {
    return begin + space + 1;
  }
  size_t cut = limit;  // one huge word: cut at a character boundary
  while (cut > begin && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut > begin ? cut : limit;
}

// Every date has a digit in it or ends in "year" ("June of this year"), and
// every one fits in a few dozen bytes around them. Only windows around those
// are tokenized: most of a text is skipped sixteen bytes at a time.
constexpr size_t kBytesBeforeSeed = 64;  // "between September", "the winter of "
constexpr size_t kBytesAfterSeed = 48;   // " of the current year", ", 1962"

void add_window(std::vector<Span>& windows, size_t seed, size_t seed_end, size_t size) {
  const size_t begin = seed > kBytesBeforeSeed ? seed - kBytesBeforeSeed : 0;
  const size_t end = std::min(size, seed_end + kBytesAfterSeed);
  if (!windows.empty() && windows.back().end >= begin) {
    windows.back().end = std::max(windows.back().end, end);
  } else {
    windows.push_back({begin, end});
  }
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A window around the seed at text[i] (a digit or a 'y'), if it is one.
// Windows are made in text order and merged where they overlap, so a run of
// digits gives the same window digit by digit, piece by piece or whole.
void add_seed_window(std::string_view text, size_t i, std::vector<Span>& windows) {
  if (is_digit(text[i])) {
    add_window(windows, i, i + 1, text.size());
  } else if (text.substr(i, 4) == "year") {
    add_window(windows, i, i + 4, text.size());
  }
}

void find_seed_windows(std::string_view text, std::vector<Span>& windows) {
  const size_t size = text.size();
  size_t i = 0;
#ifdef __SSE2__
  const auto equal = [&](size_t at, char c) {
    return _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at)),
                          _mm_set1_epi8(c));
  };
  // Sixteen bytes at a time, each "year" and each run of digits (its start
  // here, its length counted from the mask) making one window.
  for (; i + 16 + 3 <= size; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Signed compares: bytes from 0x80 up are negative, so never digits.
    const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)),
                                         _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
    const __m128i years = _mm_and_si128(_mm_and_si128(equal(i, 'y'), equal(i + 1, 'e')),
                                        _mm_and_si128(equal(i + 2, 'a'), equal(i + 3, 'r')));
    const auto digit_mask = static_cast<uint32_t>(_mm_movemask_epi8(digits));
    const auto year_mask = static_cast<uint32_t>(_mm_movemask_epi8(years));
    uint32_t seeds = (digit_mask & ~(digit_mask << 1)) | year_mask;
    while (seeds != 0) {
      const auto at = static_cast<size_t>(std::countr_zero(seeds));
      seeds &= seeds - 1;
      if ((year_mask >> at) & 1) {
        add_window(windows, i + at, i + at + 4, size);
      } else {
        const auto digits_run = static_cast<size_t>(std::countr_one(digit_mask >> at));
        add_window(windows, i + at, i + at + digits_run, size);
      }
    }
  }
#endif
  for (; i < size; ++i) {
    if (is_digit(text[i]) || text[i] == 'y') add_seed_window(text, i, windows);
  }
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

class Grammar {
 public:
  Grammar(std::string_view text, const std::vector<Token>& tokens, const ScanOptions& options,
          std::vector<DateFound>& found)
      : text_(text), t_(tokens), n_(tokens.size()), o_(options), found_(found) {}

  void run() {
    size_t i = 0;
    while (i < n_) {
      if (!may_start_date(i)) {
        ++i;
        continue;
      }
      const size_t next = match_at(i);
      i = next > i ? next : i + 1;
    }
  }

 private:
  // ------------------------------------------------------------ token tests
  bool is_punct(size_t i, char c) const {
    return i < n_ && t_[i].kind == TokenKind::punct && t_[i].punct == c;
  }
  bool is_keyword(size_t i, Keyword k) const {
    return i < n_ && t_[i].kind == TokenKind::word && t_[i].keyword == k;
  }
  bool is_word(size_t i, std::string_view lower) const {
    if (i >= n_ || t_[i].kind != TokenKind::word || t_[i].end - t_[i].begin != lower.size()) {
      return false;
    }
    for (size_t c = 0; c < lower.size(); ++c) {
      const char ch = text_[t_[i].begin + c];
      if ((ch >= 'A' && ch <= 'Z' ? ch + 32 : ch) != lower[c]) return false;
    }
    return true;
  }
  bool glued(size_t i) const { return i < n_ && !t_[i].space_before; }

  int day_at(size_t i) const {
    if (i >= n_) return 0;
    const Token& k = t_[i];
    if (k.kind != TokenKind::number || k.digits > 2 || k.decade) return 0;
    return k.value >= 1 && k.value <= 31 ? static_cast<int>(k.value) : 0;
  }
  bool plausible_year(int year) const { return year >= o_.min_year && year <= o_.max_year; }
  int year_at(size_t i) const {
    if (i >= n_) return 0;
    const Token& k = t_[i];
    if (k.kind != TokenKind::number || k.digits != 4 || k.ordinal || k.decade) return 0;
    return plausible_year(static_cast<int>(k.value)) ? static_cast<int>(k.value) : 0;
  }
  // A month name, capitalized (lower-case "may" and "march" are verbs), with
  // the period of an abbreviation ("Jan.").
  int month_at(size_t i, size_t& next) const {
    if (i >= n_) return 0;
    const Token& k = t_[i];
    if (k.kind != TokenKind::word || k.month == 0 || !k.capitalized) return 0;
    next = i + 1;
    if (k.month_abbrev && is_punct(i + 1, '.') && glued(i + 1)) next = i + 2;
    return k.month;
  }
  // A word one edit away from a full month name ("Junes"); only asked where
  // a day and a year stand around it.
  int misspelled_month_at(size_t i) const {
    if (i >= n_) return 0;
    const Token& k = t_[i];
    if (k.kind != TokenKind::word || k.month != 0 || k.season != 0) return 0;
    const std::string_view word = text_.substr(k.begin, k.end - k.begin);
    if (word.size() < 5 || word.size() > 10) return 0;
    bool upper_after_first = false;
    for (size_t c = 0; c < word.size(); ++c) {
      const char ch = word[c];
      if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) return 0;
      if (c > 0 && ch >= 'A' && ch <= 'Z') upper_after_first = true;
    }
    if (upper_after_first) return 0;
    return misspelled_month(word);
  }
  bool year_after(size_t i, int& year, size_t& next) const {
    const size_t j = is_punct(i, ',') ? i + 1 : i;
    year = year_at(j);
    if (year == 0) return false;
    next = j + 1;
    return true;
  }
  // "of this year", "this year", "of the current year", "of last year".
  bool relative_year_after(size_t i, int& offset, size_t& next) const {
    size_t j = is_keyword(i, Keyword::of) ? i + 1 : i;
    if (j != i && is_keyword(j, Keyword::the)) ++j;
    if (is_keyword(j, Keyword::this_)) {
      offset = 0;
    } else if (is_keyword(j, Keyword::last)) {
      offset = -1;
    } else if (is_keyword(j, Keyword::next)) {
      offset = 1;
    } else {
      return false;
    }
    if (!is_keyword(j + 1, Keyword::year)) return false;
    next = j + 2;
    return true;
  }
  // The second year of "1956-1957" or "1956-57" (a later year, same century).
  int end_year_after_dash(size_t dash, int first_year) const {
    if (!is_punct(dash, '-') || dash + 1 >= n_) return 0;
    if (const int year = year_at(dash + 1); year > first_year) return year;
    const Token& k = t_[dash + 1];
    if (k.kind != TokenKind::number || k.digits != 2 || k.ordinal || !glued(dash) ||
        !glued(dash + 1)) {
      return 0;
    }
    // "1908-09" could also be September 1908: no reading.
    if (k.value <= 12) return 0;
    const int year = first_year / 100 * 100 + static_cast<int>(k.value);
    return year > first_year && plausible_year(year) ? year : 0;
  }
  // Archival references and page numbers: "Fond 5446", "p. 1950-1953", "A.E. 1590".
  bool after_reference(size_t first) const {
    if (first == 0) return false;
    size_t k = first - 1;
    if (is_punct(k, '.') && k > 0) --k;
    return is_keyword(k, Keyword::reference);
  }
  // A number run into other characters ("001147/2/1969", "A4", "mid-1956")
  // is part of something else.
  bool glued_left(size_t first) const {
    if (first == 0 || t_[first].kind != TokenKind::number || t_[first].space_before) return false;
    const Token& p = t_[first - 1];
    if (p.kind != TokenKind::punct) return true;
    return p.punct == '/' || p.punct == '.' || p.punct == '-' || p.punct == ':' || p.punct == ',' ||
           p.punct == '+' || p.punct == '=' || p.punct == '#';
  }
  bool glued_right(size_t last) const {
    if (last == 0 || last >= n_ || t_[last - 1].kind != TokenKind::number ||
        t_[last].space_before) {
      return false;
    }
    const Token& x = t_[last];
    if (x.kind != TokenKind::punct) return true;
    if (x.punct == '/' || x.punct == '%') return true;
    const bool joiner = x.punct == '.' || x.punct == '-' || x.punct == ':' || x.punct == ',';
    return joiner && last + 1 < n_ && !t_[last + 1].space_before &&
           t_[last + 1].kind == TokenKind::number;
  }

  // ------------------------------------------------------------ points
  std::optional<Point> parse_point(size_t i) const {
    if (i >= n_) return std::nullopt;
    if (t_[i].kind == TokenKind::number) return parse_number_point(i);
    if (t_[i].kind == TokenKind::word) return parse_word_point(i);
    return std::nullopt;
  }

  std::optional<Point> parse_number_point(size_t i) const {
    const Token& k = t_[i];
    Point p;
    p.first = i;
    if (k.digits == 4 && !k.ordinal) {
      const int value = static_cast<int>(k.value);
      if (k.decade) {
        if (value % 10 != 0 || !plausible_year(value)) return std::nullopt;
        p.shape = Shape::decade;
        p.date.year = value;
        p.date.decade = true;
        p.last = i + 1;
        return p;
      }
      if (auto iso = parse_iso(i)) return iso;
      if (year_at(i) == 0) return std::nullopt;
      p.shape = Shape::year;
      p.date.year = value;
      p.last = i + 1;
      return p;
    }
    const int day = day_at(i);
    if (day == 0) return std::nullopt;
    if (!k.ordinal) {
      if (auto numeric = parse_numeric(i)) return numeric;
    }
    p.date.day = day;
    size_t after_month = 0;
    int month = month_at(i + 1, after_month);
    if (month == 0 && is_keyword(i + 1, Keyword::of)) month = month_at(i + 2, after_month);
    if (month != 0) {
      p.date.month = month;
      int year = 0;
      size_t next = 0;
      if (year_after(after_month, year, next)) {
        p.date.year = year;
        p.shape = Shape::full;
        p.last = next;
        return p;
      }
      p.shape = Shape::day_month;
      p.last = after_month;
      if (relative_year_after(after_month, p.relative_offset, next)) {
        p.relative = true;
        p.last = next;
      }
      return p;
    }
    if (const int typo = misspelled_month_at(i + 1); typo != 0) {
      int year = 0;
      size_t next = 0;
      if (year_after(i + 2, year, next)) {
        p.date = {year, typo, day};
        p.shape = Shape::full;
        p.typo_token = i + 1;
        p.typo_month = typo;
        p.last = next;
        return p;
      }
    }
    p.shape = Shape::day;
    p.last = i + 1;
    return p;
  }

  // ISO 8601 calendar date: 1962-01-03.
  std::optional<Point> parse_iso(size_t i) const {
    if (!(is_punct(i + 1, '-') && glued(i + 1) && glued(i + 2) && is_punct(i + 3, '-') &&
          glued(i + 3) && glued(i + 4) && i + 4 < n_)) {
      return std::nullopt;
    }
    const Token& m = t_[i + 2];
    const Token& d = t_[i + 4];
    if (m.kind != TokenKind::number || m.digits != 2 || m.ordinal || d.kind != TokenKind::number ||
        d.digits != 2 || d.ordinal) {
      return std::nullopt;
    }
    const int year = year_at(i);
    if (year == 0 || m.value < 1 || m.value > 12 || d.value < 1 || d.value > 31) {
      return std::nullopt;
    }
    Point p;
    p.first = i;
    p.last = i + 5;
    p.shape = Shape::full;
    p.date = {year, static_cast<int>(m.value), static_cast<int>(d.value)};
    return p;
  }

  // 3.1.1962, 3/1/1962 (order from the config), 16.II.1965 (always day first).
  std::optional<Point> parse_numeric(size_t i) const {
    if (!(is_punct(i + 1, '.') || is_punct(i + 1, '/')) || !glued(i + 1)) return std::nullopt;
    const char separator = t_[i + 1].punct;
    const size_t middle = i + 2;
    if (middle >= n_) return std::nullopt;
    const Token& m = t_[middle];
    int second = 0;
    bool roman = false;
    if (m.kind == TokenKind::number && m.digits <= 2 && !m.ordinal && glued(middle)) {
      second = static_cast<int>(m.value);
    } else if (separator == '.' && m.kind == TokenKind::word && m.roman != 0) {
      second = m.roman;
      roman = true;
    } else {
      return std::nullopt;
    }
    if (!is_punct(middle + 1, separator) || (!roman && !glued(middle + 1))) return std::nullopt;
    const size_t y = middle + 2;
    if (y >= n_ || t_[y].kind != TokenKind::number || t_[y].digits != 4 || t_[y].ordinal ||
        t_[y].decade || (!roman && !glued(y))) {
      return std::nullopt;
    }
    Point p;
    p.first = i;
    p.last = y + 1;
    p.shape = Shape::full;
    const int year = static_cast<int>(t_[y].value);
    int day = static_cast<int>(t_[i].value);
    int month = second;
    if (!roman && o_.numeric_order == NumericOrder::month_day_year) std::swap(day, month);
    if (!plausible_year(year) || month < 1 || month > 12 || day < 1 || day > 31) {
      p.rejected = true;  // impossible in the configured order: never swap to make it fit
      return p;
    }
    p.date = {year, month, day};
    return p;
  }

  std::optional<Point> parse_word_point(size_t i) const {
    const Token& k = t_[i];
    Point p;
    p.first = i;
    size_t after_month = 0;
    if (const int month = month_at(i, after_month); month != 0) {
      p.date.month = month;
      int year = 0;
      size_t next = 0;
      if (const int day = day_at(after_month); day != 0 && !is_punct(after_month + 1, ':')) {
        p.date.day = day;
        if (year_after(after_month + 1, year, next)) {
          p.date.year = year;
          p.shape = Shape::full;
          p.last = next;
          return p;
        }
        p.shape = Shape::month_day;
        p.last = after_month + 1;
        if (relative_year_after(after_month + 1, p.relative_offset, next)) {
          p.relative = true;
          p.last = next;
        }
        return p;
      }
      // "the October (1964) CC Plenum"
      if (is_punct(after_month, '(') && (year = year_at(after_month + 1)) != 0 &&
          is_punct(after_month + 2, ')')) {
        p.date.year = year;
        p.shape = Shape::month_year;
        p.last = after_month + 3;
        return p;
      }
      const size_t j = is_keyword(after_month, Keyword::of) ? after_month + 1 : after_month;
      if (year_after(j, year, next)) {
        p.date.year = year;
        p.shape = Shape::month_year;
        p.last = next;
        return p;
      }
      p.shape = Shape::month;
      p.last = after_month;
      if (relative_year_after(after_month, p.relative_offset, next)) {
        p.relative = true;
        p.last = next;
      }
      return p;
    }
    if (k.season != 0) return parse_season(i);
    // "Junes 9, 1969"
    if (day_at(i + 1) != 0) {
      if (const int typo = misspelled_month_at(i); typo != 0) {
        int year = 0;
        size_t next = 0;
        if (year_after(i + 2, year, next)) {
          p.date = {year, typo, day_at(i + 1)};
          p.shape = Shape::full;
          p.typo_token = i;
          p.typo_month = typo;
          p.last = next;
          return p;
        }
      }
    }
    return std::nullopt;
  }

  // "summer of 1956", "Spring 1960", "the winter of 1956-1957".
  std::optional<Point> parse_season(size_t i) const {
    const Token& k = t_[i];
    size_t j = i + 1;
    const bool of = is_keyword(j, Keyword::of);
    if (of) ++j;
    // Lower-case "fall" is mostly the verb: only "fall of 1956".
    if (text_[k.begin] == 'f' && !of) return std::nullopt;
    const int year = year_at(j);
    if (year == 0) return std::nullopt;
    Point p;
    p.first = i;
    p.last = j + 1;
    p.shape = Shape::season;
    p.date.year = year;
    p.date.season = k.season;
    if (const int end_year = end_year_after_dash(j + 1, year); end_year == year + 1) {
      p.season_end_year = end_year;
      p.last = j + 3;
    }
    return p;
  }

  // ------------------------------------------------------------ years
  // Gives a point without a written year the document's year: explicitly
  // ("of this year") or, when allowed, by inference ("12 March").
  bool resolve_year(Point& p, bool month_first_context) const {
    if (has_year(p.shape)) return true;
    if (p.relative) {
      if (o_.document.year == 0) return false;
      p.date.year = o_.document.year + p.relative_offset;
    } else {
      if (p.shape != Shape::day_month && p.shape != Shape::month_day) return false;
      if (p.shape == Shape::month_day && !month_first_context) return false;
      if (!o_.infer_year || o_.document.year == 0) return false;
      // "3 January 1562": a year is written, just not a plausible one.
      const size_t after = is_punct(p.last, ',') ? p.last + 1 : p.last;
      if (after < n_ && t_[after].kind == TokenKind::number) return false;
      EdtfDate candidate = p.date;
      candidate.year = o_.document.year;
      // Later than the document: this year's plans or last year's events;
      // the text does not say which.
      if (later_than_document(candidate)) return false;
      p.date.year = candidate.year;
    }
    p.shape = p.date.day != 0 ? Shape::full : Shape::month_year;
    return true;
  }

  bool later_than_document(const EdtfDate& date) const {
    const EdtfDate& doc = o_.document;
    if (doc.month == 0 || doc.season != 0 || doc.decade) return false;
    if (date.year != doc.year) return date.year > doc.year;
    if (date.month != doc.month) return date.month > doc.month;
    return doc.day != 0 && date.day > doc.day;
  }

  // Where a month-first date without a year ("on March 12") may take the
  // document's year: after a preposition, so that names like "April 19
  // Revolution" do not.
  bool month_first_context(size_t first) const {
    if (first == 0) return false;
    const Token& p = t_[first - 1];
    return p.kind == TokenKind::word &&
           (p.keyword == Keyword::on || p.keyword == Keyword::year_trigger ||
            p.keyword == Keyword::range_word || p.keyword == Keyword::from ||
            p.keyword == Keyword::of);
  }

  // A year standing alone is a year only where the words around it say so.
  bool year_context(const Point& p) const {
    const size_t first = p.first;
    const bool parenthesized = first > 0 && is_punct(first - 1, '(') && is_punct(p.last, ')');
    bool introduced = o_.date_line || parenthesized;
    if (!introduced && first > 0) {
      const Token& prev = t_[first - 1];
      introduced = prev.kind == TokenKind::word &&
                   (prev.keyword == Keyword::year_trigger || prev.keyword == Keyword::of ||
                    (prev.keyword == Keyword::range_word && !is_word(first - 1, "to")) ||
                    prev.keyword == Keyword::year ||
                    (p.shape == Shape::decade && prev.keyword == Keyword::the));
    }
    if (!introduced) return false;
    return !is_keyword(p.last, Keyword::quantity) && !is_punct(p.last, '%');
  }

  // ------------------------------------------------------------ matches
  // match_at's first test, inline: most tokens are words that start no date.
  bool may_start_date(size_t i) const {
    const Token& k = t_[i];
    if (k.kind == TokenKind::word) {
      return k.keyword == Keyword::between || k.month != 0 || k.season != 0 || day_at(i + 1) != 0;
    }
    return k.kind == TokenKind::number;
  }

  size_t match_at(size_t i) {
    const Token& k = t_[i];
    if (k.kind == TokenKind::word) {
      if (k.keyword == Keyword::between) return match_between(i);
      if (k.month == 0 && k.season == 0 && day_at(i + 1) == 0) return i + 1;
    } else if (k.kind != TokenKind::number) {
      return i + 1;
    }
    if (glued_left(i)) return i + 1;
    auto p1 = parse_point(i);
    if (!p1) return i + 1;
    if (p1->rejected) return p1->last;
    if (const size_t end = match_range(*p1)) return end;
    if (const size_t end = match_list(*p1)) return end;
    return match_single(*p1);
  }

  bool range_separator(size_t s, const Point& p1) const {
    if (is_punct(s, '-')) return true;
    if (!is_keyword(s, Keyword::range_word)) return false;
    // "1950 to 1953" is a range only as "from 1950 to 1953".
    return p1.shape != Shape::year || (p1.first > 0 && is_keyword(p1.first - 1, Keyword::from));
  }

  size_t match_range(const Point& p1) {
    const size_t s = p1.last;
    if (p1.relative || !range_separator(s, p1)) return 0;
    if (p1.shape == Shape::year && after_reference(p1.first)) return 0;
    // "January 3-5, 1962"
    if (p1.shape == Shape::month_day && is_punct(s, '-')) {
      int year = 0;
      size_t next = 0;
      if (const int day = day_at(s + 1); day > p1.date.day && year_after(s + 2, year, next)) {
        EdtfDate a = p1.date;
        a.year = year;
        EdtfDate b = a;
        b.day = day;
        return emit_interval(p1.first, next, a, b, p1, p1);
      }
    }
    // "1956-57"
    if (p1.shape == Shape::year && is_punct(s, '-') && s + 1 < n_ && t_[s + 1].digits == 2) {
      if (const int end_year = end_year_after_dash(s, p1.date.year); end_year != 0) {
        EdtfDate b;
        b.year = end_year;
        return emit_interval(p1.first, s + 2, p1.date, b, p1, p1);
      }
      return 0;
    }
    auto p2 = parse_point(s + 1);
    if (!p2 || p2->rejected || !resolve_year(*p2, true)) return 0;
    EdtfDate a;
    EdtfDate b;
    if (!combine(p1, *p2, a, b)) return 0;
    return emit_interval(p1.first, p2->last, a, b, p1, *p2);
  }

  size_t match_between(size_t i) {
    auto p1 = parse_point(i + 1);
    if (!p1 || p1->rejected || p1->relative || !is_keyword(p1->last, Keyword::and_)) return i + 1;
    auto p2 = parse_point(p1->last + 1);
    if (!p2 || p2->rejected || !resolve_year(*p2, true)) return i + 1;
    EdtfDate a;
    EdtfDate b;
    if (!combine(*p1, *p2, a, b)) return i + 1;
    const size_t end = emit_interval(i, p2->last, a, b, *p1, *p2);
    return end != 0 ? end : i + 1;
  }

  // The two ends of a range, the first completed from the second ("17-31
  // October 1961": the 17th is in October 1961 too).
  bool combine(const Point& p1, const Point& p2, EdtfDate& a, EdtfDate& b) const {
    a = p1.date;
    b = p2.date;
    if (p2.shape == Shape::decade || p1.shape == Shape::decade) return false;
    switch (p1.shape) {
      case Shape::day:
        if (b.day == 0 || b.month == 0 || b.season != 0) return false;
        a.month = b.month;
        a.year = b.year;
        return a.day < b.day;
      case Shape::month:
        if (b.day != 0 || b.month == 0 || b.season != 0 || b.month == a.month) return false;
        a.year = a.month < b.month ? b.year : b.year - 1;
        return true;
      case Shape::day_month:
      case Shape::month_day:
        if (b.day == 0 || b.season != 0) return false;
        a.year = b.year;
        // "27 December till 3 January 1962" starts in 1961.
        if (a.month > b.month) {
          a.year = b.year - 1;
          return true;
        }
        return a.month < b.month || a.day < b.day;
      case Shape::year:
        return p2.shape == Shape::year && b.year > a.year;
      default:
        return compare_start(a, b) < 0;
    }
  }

  size_t match_list(const Point& p1) {
    if (p1.relative ||
        (p1.shape != Shape::day && p1.shape != Shape::month && p1.shape != Shape::day_month)) {
      return 0;
    }
    if (after_reference(p1.first)) return 0;
    constexpr size_t kMaxItems = 8;
    std::array<Point, kMaxItems> items;
    size_t count = 0;
    items[count++] = p1;
    size_t pos = p1.last;
    while (is_punct(pos, ',')) {
      auto item = parse_point(pos + 1);
      if (!item || item->shape != p1.shape || item->relative || count == kMaxItems) return 0;
      items[count++] = *item;
      pos = item->last;
    }
    if (!is_keyword(pos, Keyword::and_)) return 0;
    auto last = parse_point(pos + 1);
    if (!last || last->rejected || !resolve_year(*last, true)) return 0;
    const EdtfDate& to = last->date;
    const bool compatible =
        (p1.shape == Shape::day && to.day != 0 && to.month != 0 && to.season == 0) ||
        (p1.shape == Shape::month && to.day == 0 && to.month != 0 && to.season == 0) ||
        (p1.shape == Shape::day_month && to.day != 0 && to.season == 0);
    if (!compatible || glued_right(last->last)) return 0;
    for (size_t k = 0; k < count; ++k) {
      EdtfDate date = items[k].date;
      date.year = to.year;
      if (date.month == 0) date.month = to.month;
      emit(items[k].first, items[k].last, date, items[k]);
    }
    emit(last->first, last->last, to, *last);
    return last->last;
  }

  size_t match_single(Point p) {
    const size_t none = p.first + 1;
    switch (p.shape) {
      case Shape::full:
      case Shape::month_year:
        break;
      case Shape::season:
        if (glued_right(p.last)) return none;
        if (p.season_end_year != 0) {
          // EDTF level 1 has no code for a season across two years: the years.
          EdtfDate b;
          b.year = p.season_end_year;
          EdtfDate a;
          a.year = p.date.year;
          return emit_interval(p.first, p.last, a, b, p, p) != 0 ? p.last : none;
        }
        break;
      case Shape::year:
      case Shape::decade:
        if (!year_context(p)) return none;
        break;
      case Shape::day_month:
      case Shape::month_day:
      case Shape::month:
        if (!resolve_year(p, month_first_context(p.first))) return none;
        break;
      case Shape::day:
        return none;
    }
    if (glued_right(p.last)) return none;
    emit(p.first, p.last, p.date, p);
    return p.last;
  }

  // ------------------------------------------------------------ output
  std::string_view surface(size_t first, size_t last) const {
    return text_.substr(t_[first].begin, t_[last - 1].end - t_[first].begin);
  }

  void note_typo(std::string& warning, size_t first, size_t last, const std::string& edtf,
                 const Point& p) const {
    if (p.typo_month == 0) return;
    const Token& word = t_[p.typo_token];
    if (!warning.empty()) warning += "; ";
    warning += "read \"";
    warning += surface(first, last);
    warning += "\" as " + edtf + ": \"";
    warning += text_.substr(word.begin, word.end - word.begin);
    warning += "\" taken for \"";
    warning += month_name(p.typo_month);
    warning += "\"";
  }

  // A day the calendar does not have (31 June, 29 February 1957) keeps only
  // its month.
  void check_calendar(EdtfDate& date, std::string& warning, size_t first, size_t last) const {
    if (is_calendar_date(date)) return;
    date.day = 0;
    if (!warning.empty()) warning += "; ";
    warning += "\"";
    warning += surface(first, last);
    warning += "\" is not a calendar date: kept as " + to_edtf(date);
  }

  void emit(size_t first, size_t last, EdtfDate date, const Point& p) {
    DateFound out;
    check_calendar(date, out.warning, first, last);
    out.edtf = to_edtf(date);
    note_typo(out.warning, first, last, out.edtf, p);
    out.begin = t_[first].begin;
    out.end = t_[last - 1].end;
    found_.push_back(std::move(out));
  }

  size_t emit_interval(size_t first, size_t last, EdtfDate a, EdtfDate b, const Point& p1,
                       const Point& p2) {
    if (glued_left(first) || glued_right(last)) return 0;
    DateFound out;
    check_calendar(a, out.warning, first, last);
    check_calendar(b, out.warning, first, last);
    const std::string start = to_edtf(a);
    const std::string end = to_edtf(b);
    out.edtf = start == end ? start : start + "/" + end;
    note_typo(out.warning, first, last, out.edtf, p1);
    if (p2.typo_token != p1.typo_token || p2.first != p1.first) {
      note_typo(out.warning, first, last, out.edtf, p2);
    }
    out.begin = t_[first].begin;
    out.end = t_[last - 1].end;
    found_.push_back(std::move(out));
    return last;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  size_t n_;
  const ScanOptions& o_;
  std::vector<DateFound>& found_;
};

}  // namespace

void DateScanner::scan(std::string_view text, const ScanOptions& options,
                       std::vector<DateFound>& found) {
  windows_.clear();
  find_seed_windows(text, windows_);
  // Regions: windows widened to whitespace on both sides (a token is never
  // cut) and merged where they touch.
  size_t done = 0;
  size_t w = 0;
  while (w < windows_.size()) {
    if (windows_[w].end <= done) {
      ++w;
      continue;
    }
    size_t begin = std::max(windows_[w].begin, done);
    while (begin > done && !is_ascii_space(text[begin - 1])) --begin;
    size_t end = windows_[w].end;
    ++w;
    for (;;) {
      while (end < text.size() && !is_ascii_space(text[end])) ++end;
      if (w < windows_.size() && windows_[w].begin <= end) {
        end = std::max(end, windows_[w].end);
        ++w;
        continue;
      }
      break;
    }
    scan_region(text, begin, end, options, found);
    done = end;
  }
}

void DateScanner::scan_region(std::string_view text, size_t begin, size_t end,
                              const ScanOptions& options, std::vector<DateFound>& found) {
  while (begin < end) {
    const size_t stop = chunk_end(text, begin, end);
    tokens_.clear();
    tokenize(text, begin, stop, tokens_);
    Grammar(text, tokens_, options, found).run();
    begin = stop;
  }
}

}  // namespace opis::dates
