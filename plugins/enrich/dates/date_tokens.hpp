// The token stream the date grammar reads: numbers, words and punctuation
// with their byte offsets, and the few facts about each word the grammar
// asks for (is it a month, a season, a preposition), computed once.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace opis::dates {

enum class TokenKind : uint8_t {
  number,  // a run of ASCII digits, maybe with an ordinal suffix ("3rd") or a decade "s"
  word,    // letters (ASCII or any non-ASCII character that is not punctuation)
  punct,   // one punctuation character; en and em dashes become '-'
  other,   // digits glued to letters ("A4", "5th-century"): never part of a date
};

// What a word means to the grammar. Only words the grammar looks at are
// classified; everything else is `none`.
enum class Keyword : uint8_t {
  none,
  of,
  the,
  and_,
  between,
  from,
  on,          // on, by: a month-first date without a year may follow
  range_word,  // to, till, until, through: the second end of a range follows
  this_,       // this, current
  last,
  next,
  year,
  year_trigger,  // in, since, during, after, before, for, around, circa: a bare year may follow
  reference,     // fond, opis, delo, listy, p., pp., vol., no., box: numbers after it are not years
  quantity,      // tons, copies, thousand, percent: the number before it is not a year
};

struct Token {
  uint32_t begin = 0;  // UTF-8 byte offsets into the scanned text, end exclusive
  uint32_t end = 0;
  uint32_t value = 0;  // numbers: their value (capped); words: 0
  TokenKind kind = TokenKind::other;
  Keyword keyword = Keyword::none;
  char punct = 0;             // punct: the character ('-' for any dash)
  uint8_t digits = 0;         // numbers: how many digits
  uint8_t month = 0;          // words: 1-12 for a month name or abbreviation
  uint8_t roman = 0;          // words: 1-12 for an upper-case Roman numeral I..XII
  uint8_t season = 0;         // words: EDTF level 1 season code 21-24
  bool month_abbrev = false;  // "Jan", "Sept": may take a following '.'
  bool capitalized = false;   // words: first letter upper case
  bool ordinal = false;       // numbers: "3rd", "21st"
  bool decade = false;        // numbers: "1950s"
  bool space_before = false;  // whitespace between the previous token and this one
  bool line_before = false;   // a line break between the previous token and this one
};

// Appends the tokens of text[begin, end) to `out` (offsets relative to
// `text`). Allocation-free apart from the vector's growth.
void tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>& out);

// Month 1-12 for a full English month name within edit distance 1 of `word`
// (case-insensitive), 0 when none or more than one is that close.
int misspelled_month(std::string_view word);

std::string_view month_name(int month);

}  // namespace opis::dates
