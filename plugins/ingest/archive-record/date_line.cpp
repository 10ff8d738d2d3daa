#include "date_line.hpp"

#include <array>

#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

// A date line is short; a longer line is a sentence that mentions a date.
constexpr size_t kMaxDateLineBytes = 64;

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_month(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return false;
  for (const auto month : kMonths) {
    // Full names and abbreviations of at least three letters ("Sept", "Feb").
    if (word.size() <= month.size() && match_prefix(month, word) == word.size()) return true;
  }
  return false;
}

bool all_digits(std::string_view word) {
  if (word.empty()) return false;
  for (const char c : word) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool is_year(std::string_view word) {
  return word.size() == 4 && all_digits(word) && (word[0] == '1' || word[0] == '2');
}

// 1962-01-03, 1962-01
bool is_iso_date(std::string_view word) {
  if (word.size() != 7 && word.size() != 10) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? word[i] != '-' : !is_digit(word[i])) return false;
  }
  return true;
}

bool is_connector(std::string_view word) {
  return word == "-" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94" || word == "to" ||
         word == "and" || word == "c." || word == "ca." || word == "circa" || word == "between";
}

}  // namespace

bool is_date_line(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > kMaxDateLineBytes) return false;
  bool has_year = false;
  while (!line.empty()) {
    const size_t end = line.find(' ');
    std::string_view word = line.substr(0, end);
    line.remove_prefix(end == std::string_view::npos ? line.size() : end + 1);
    if (word.empty()) continue;
    if (word.back() == ',') word.remove_suffix(1);
    if (is_year(word) || is_iso_date(word)) {
      has_year = true;
    } else if (all_digits(word) && word.size() <= 2) {
      continue;  // the day
    } else if (!is_month(word) && !is_connector(word)) {
      return false;
    }
  }
  return has_year;
}

}  // namespace opis::archive_record
