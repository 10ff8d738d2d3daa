#include "date_line.hpp"

#include <array>

#include "text_lines.hpp"

namespace opis::listing {
namespace {

// A date has at most four parts ("Jan." "3" "," "1962" counts three: commas
// only separate), so a longer text is rejected without further work.
constexpr size_t kMaxParts = 4;
constexpr size_t kMaxDateBytes = 40;

struct Part {
  std::string_view text;
  bool number = false;
  int value = 0;
  int digits = 0;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// 1-12 for an English month name or its three-letter (or "Sept")
// abbreviation, a trailing dot allowed; 0 otherwise.
int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kNames.size(); ++m) {
    if (equals_ignoring_case(word, kNames[m]) ||
        equals_ignoring_case(word, kNames[m].substr(0, 3))) {
      return static_cast<int>(m) + 1;
    }
  }
  return equals_ignoring_case(word, "sept") ? 9 : 0;
}

// Splits at spaces and commas into words (letters, optional final dot) and
// numbers (digits, optional ordinal suffix). False when anything else occurs.
bool split_parts(std::string_view text, std::array<Part, kMaxParts>& parts, size_t& count) {
  count = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t width = 0;
    if (text[i] == ',' || is_space_at(text, i, &width)) {
      i += text[i] == ',' ? 1 : width;
      continue;
    }
    if (count == kMaxParts) return false;
    Part& part = parts[count++];
    const size_t begin = i;
    if (is_digit(text[i])) {
      part.number = true;
      while (i < text.size() && is_digit(text[i])) {
        if (part.digits < 5) part.value = part.value * 10 + (text[i] - '0');
        ++part.digits;
        ++i;
      }
      const std::string_view rest = text.substr(i, 2);
      if (equals_ignoring_case(rest, "st") || equals_ignoring_case(rest, "nd") ||
          equals_ignoring_case(rest, "rd") || equals_ignoring_case(rest, "th")) {
        if (part.digits > 2) return false;
        i += 2;
      }
    } else if (is_letter(text[i])) {
      while (i < text.size() && is_letter(text[i])) ++i;
      if (i < text.size() && text[i] == '.') ++i;
    } else {
      return false;
    }
    part.text = text.substr(begin, i - begin);
    if (i < text.size() && !(text[i] == ',' || is_space_at(text, i, &width))) return false;
  }
  return true;
}

bool is_year(const Part& p) {
  return p.number && p.digits == 4 && p.value >= 1000 && p.value <= 2999;
}
bool is_day(const Part& p) {
  return p.number && p.digits <= 2 && p.value >= 1 && p.value <= 31;
}
bool is_month(const Part& p) {
  return !p.number && month_number(p.text) != 0;
}

bool is_iso_day(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (const size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(t[i])) return false;
  }
  const int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  const int month = (t[5] - '0') * 10 + (t[6] - '0');
  const int day = (t[8] - '0') * 10 + (t[9] - '0');
  return year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

DatePrecision date_precision(std::string_view text) {
  text = trim(text);
  // A full stop may end a date line ("3 January 1962.").
  if (!text.empty() && text.back() == '.' && text.size() > 1 && is_digit(text[text.size() - 2])) {
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > kMaxDateBytes) return DatePrecision::kNone;
  if (is_iso_day(text)) return DatePrecision::kDay;

  std::array<Part, kMaxParts> p{};
  size_t n = 0;
  if (!split_parts(text, p, n)) return DatePrecision::kNone;
  // Commas may only follow a day or a month name, never lead or end.
  if (text.front() == ',' || text.back() == ',') return DatePrecision::kNone;

  if (n == 1 && is_year(p[0])) return DatePrecision::kYear;
  if (n == 2 && is_month(p[0]) && is_year(p[1])) return DatePrecision::kMonth;
  if (n == 3 && is_year(p[2])) {
    if (is_month(p[0]) && is_day(p[1])) return DatePrecision::kDay;
    if (is_day(p[0]) && is_month(p[1])) return DatePrecision::kDay;
  }
  return DatePrecision::kNone;
}

}  // namespace opis::listing
