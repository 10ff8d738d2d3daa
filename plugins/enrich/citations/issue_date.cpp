#include "issue_date.hpp"

#include <array>

#include "text_scan.hpp"

namespace opis::citations {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kRomanMonths = {"I",   "II",   "III", "IV", "V",  "VI",
                                                           "VII", "VIII", "IX",  "X",  "XI", "XII"};

struct Parsed {
  int value = 0;
  size_t end = 0;
};

// 1..max_digits digits starting at pos, not followed by another digit.
std::optional<Parsed> number_at(std::string_view text, size_t pos, size_t min_digits,
                                size_t max_digits) {
  size_t end = pos;
  int value = 0;
  while (end < text.size() && is_digit(text[end]) && end - pos < max_digits) {
    value = value * 10 + (text[end] - '0');
    ++end;
  }
  if (end - pos < min_digits || (end < text.size() && is_digit(text[end]))) return std::nullopt;
  return Parsed{value, end};
}

// An English month name or its abbreviation of at least three letters
// (with an optional period): "April", "Apr.", "Sept.".
std::optional<Parsed> month_name_at(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && is_ascii_letter(text[end])) ++end;
  const size_t length = end - pos;
  if (length < 3) return std::nullopt;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (length > kMonths[m].size()) continue;
    bool same = true;
    for (size_t i = 0; i < length && same; ++i) {
      same = ascii_lower(text[pos + i]) == kMonths[m][i];
    }
    if (!same) continue;
    const bool abbreviated = length < kMonths[m].size();
    if (abbreviated && end < text.size() && text[end] == '.') ++end;
    return Parsed{static_cast<int>(m) + 1, end};
  }
  return std::nullopt;
}

std::optional<Parsed> roman_month_at(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && (text[end] == 'I' || text[end] == 'V' || text[end] == 'X')) ++end;
  for (size_t m = 0; m < kRomanMonths.size(); ++m) {
    if (text.substr(pos, end - pos) == kRomanMonths[m]) return Parsed{static_cast<int>(m) + 1, end};
  }
  return std::nullopt;
}

bool plausible_year(int year) {
  return year >= 1800 && year <= 2100;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<size_t>(month - 1)];
}

std::optional<IssueDate> make(int year, int month, int day, size_t pos, size_t end) {
  if (!plausible_year(year) || month < 1 || month > 12) return std::nullopt;
  if (day != 0 && (day < 1 || day > days_in_month(year, month))) return std::nullopt;
  const auto two_digits = [](int n) {
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
  };
  std::string edtf = std::to_string(year) + "-" + two_digits(month);
  if (day != 0) edtf += "-" + two_digits(day);
  return IssueDate{edtf, end - pos};
}

size_t skip_blanks(std::string_view text, size_t pos) {
  return skip_space(text, pos, 1);
}

}  // namespace

std::optional<IssueDate> parse_issue_date(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (is_digit(text[pos])) {
    // ISO: 1964-04-19
    if (const auto year = number_at(text, pos, 4, 4);
        year && year->end + 1 < text.size() && text[year->end] == '-') {
      const auto month = number_at(text, year->end + 1, 2, 2);
      if (month && month->end + 1 < text.size() && text[month->end] == '-') {
        if (const auto day = number_at(text, month->end + 1, 2, 2)) {
          return make(year->value, month->value, day->value, pos, day->end);
        }
      }
      return std::nullopt;
    }
    const auto day = number_at(text, pos, 1, 2);
    if (!day) return std::nullopt;
    // 12.03.1957 and 12.III.1957
    if (day->end + 1 < text.size() && text[day->end] == '.') {
      auto month = number_at(text, day->end + 1, 1, 2);
      if (!month) month = roman_month_at(text, day->end + 1);
      if (month && month->end + 1 < text.size() && text[month->end] == '.') {
        if (const auto year = number_at(text, month->end + 1, 4, 4)) {
          return make(year->value, month->value, day->value, pos, year->end);
        }
      }
      return std::nullopt;
    }
    // 19 April 1964
    const auto month = month_name_at(text, skip_blanks(text, day->end));
    if (!month || skip_blanks(text, day->end) == day->end) return std::nullopt;
    const auto year = number_at(text, skip_blanks(text, month->end), 4, 4);
    if (!year) return std::nullopt;
    return make(year->value, month->value, day->value, pos, year->end);
  }
  // April 19, 1964 / April 1964
  const auto month = month_name_at(text, pos);
  if (!month) return std::nullopt;
  const size_t after_month = skip_blanks(text, month->end);
  if (after_month == month->end) return std::nullopt;
  if (const auto year = number_at(text, after_month, 4, 4)) {
    return make(year->value, month->value, 0, pos, year->end);
  }
  const auto day = number_at(text, after_month, 1, 2);
  if (!day) return std::nullopt;
  size_t year_pos = day->end;
  if (year_pos < text.size() && text[year_pos] == ',') ++year_pos;
  year_pos = skip_blanks(text, year_pos);
  const auto year = number_at(text, year_pos, 4, 4);
  if (!year) return std::nullopt;
  return make(year->value, month->value, day->value, pos, year->end);
}

}  // namespace opis::citations
