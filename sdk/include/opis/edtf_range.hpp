// The calendar days an EDTF date covers, as the first and last day in ISO
// form ("1961-11-27", "1961-12-01"), so that stores can filter dates by range
// with plain string comparison. Header-only and free of host types: the
// sqlite output computes the ranges it stores with it and the host's search
// computes the bounds of a query with it, so both sides agree exactly.
//
// Covered: EDTF level 0 (YYYY, YYYY-MM, YYYY-MM-DD, a time after 'T' is
// ignored, intervals A/B), level 1 (qualifiers ? ~ %, unspecified digits X,
// seasons 21-24 read for the northern hemisphere with winter running into
// the next year's February, open and unknown interval ends "..", ""), and
// level 2 sets "[a,b]" / "{a,b}" and "a..b" members (the range spans them
// all). Years before 0000, the "Y" long-year form and significant digits are
// not ranged: the caller gets no range and the date stays unfiltered.
#ifndef OPIS_EDTF_RANGE_HPP
#define OPIS_EDTF_RANGE_HPP

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace opis::sdk {

struct EdtfRange {
  std::string first;  // "YYYY-MM-DD", or "0000-01-01" for an open start
  std::string last;   // "YYYY-MM-DD", or "9999-12-31" for an open end
};

namespace edtf_detail {

inline constexpr std::string_view kOpenFirst = "0000-01-01";
inline constexpr std::string_view kOpenLast = "9999-12-31";

inline bool is_digit_or_x(char c) {
  return (c >= '0' && c <= '9') || c == 'X';
}

// Digits with every X replaced by `fill` ('0' for the earliest reading, '9'
// for the latest), as a number.
inline int reading(std::string_view digits, char fill) {
  int value = 0;
  for (char c : digits) value = value * 10 + ((c == 'X' ? fill : c) - '0');
  return value;
}

inline int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

inline std::string iso(int year, int month, int day) {
  std::string out(10, '0');
  const auto put = [&out](size_t at, int width, int value) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, year);
  out[4] = '-';
  put(5, 2, month);
  out[7] = '-';
  put(8, 2, day);
  return out;
}

// One date of level 0 or 1: YYYY[-MM[-DD]] with X digits, qualifiers and
// seasons.
inline std::optional<EdtfRange> single(std::string_view text) {
  std::string date;
  for (char c : text) {
    if (c == 'T') break;  // a time of day does not change the day
    if (c != '?' && c != '~' && c != '%') date += c;
  }
  const size_t n = date.size();
  if (n != 4 && n != 7 && n != 10) return std::nullopt;
  for (size_t i = 0; i < n; ++i) {
    if ((i == 4 || i == 7) ? date[i] != '-' : !is_digit_or_x(date[i])) return std::nullopt;
  }
  const std::string_view d = date;
  const int year_lo = reading(d.substr(0, 4), '0');
  const int year_hi = reading(d.substr(0, 4), '9');
  if (n == 4) return EdtfRange{iso(year_lo, 1, 1), iso(year_hi, 12, 31)};

  const int month_lo = std::max(1, reading(d.substr(5, 2), '0'));
  const int month_hi = reading(d.substr(5, 2), '9');
  if (n == 7 && month_lo >= 21 && month_lo == month_hi) {
    switch (month_lo) {
      case 21:
        return EdtfRange{iso(year_lo, 3, 1), iso(year_hi, 5, 31)};
      case 22:
        return EdtfRange{iso(year_lo, 6, 1), iso(year_hi, 8, 31)};
      case 23:
        return EdtfRange{iso(year_lo, 9, 1), iso(year_hi, 11, 30)};
      case 24:
        if (year_hi == 9999) return std::nullopt;
        return EdtfRange{iso(year_lo, 12, 1), iso(year_hi + 1, 2, days_in_month(year_hi + 1, 2))};
      default:
        return std::nullopt;  // level 2 quarters and hemispheres
    }
  }
  if (month_lo > 12) return std::nullopt;
  const int last_month = std::min(12, month_hi);
  if (n == 7) {
    return EdtfRange{iso(year_lo, month_lo, 1),
                     iso(year_hi, last_month, days_in_month(year_hi, last_month))};
  }
  const int day_lo = std::max(1, reading(d.substr(8, 2), '0'));
  const int day_hi = std::min(days_in_month(year_hi, last_month), reading(d.substr(8, 2), '9'));
  if (day_lo > days_in_month(year_lo, month_lo)) return std::nullopt;
  return EdtfRange{iso(year_lo, month_lo, day_lo), iso(year_hi, last_month, day_hi)};
}

// An interval end: a date, or open ("..") / unknown ("") which bound
// nothing.
inline std::optional<std::string> bound(std::string_view text, bool first) {
  if (text.empty() || text == "..") return std::string(first ? kOpenFirst : kOpenLast);
  const auto range = single(text);
  if (!range) return std::nullopt;
  return first ? range->first : range->last;
}

inline std::optional<EdtfRange> interval(std::string_view text, std::string_view separator) {
  const size_t at = text.find(separator);
  const auto first = bound(text.substr(0, at), true);
  const auto last = bound(text.substr(at + separator.size()), false);
  if (!first || !last || *first > *last) return std::nullopt;
  return EdtfRange{*first, *last};
}

}  // namespace edtf_detail

// The days `edtf` covers; nullopt when it is empty or not EDTF this header
// reads.
inline std::optional<EdtfRange> edtf_range(std::string_view edtf) {
  using namespace edtf_detail;
  while (!edtf.empty() && (edtf.front() == ' ' || edtf.front() == '\t')) edtf.remove_prefix(1);
  while (!edtf.empty() && (edtf.back() == ' ' || edtf.back() == '\t')) edtf.remove_suffix(1);
  if (edtf.empty()) return std::nullopt;
  if (edtf.find('/') != std::string_view::npos) return interval(edtf, "/");
  const bool set = edtf.front() == '[' || edtf.front() == '{';
  if (!set) return single(edtf);
  if (edtf.size() < 2 || edtf.back() != (edtf.front() == '[' ? ']' : '}')) return std::nullopt;
  edtf = edtf.substr(1, edtf.size() - 2);
  std::optional<EdtfRange> all;
  while (true) {
    const size_t comma = edtf.find(',');
    const std::string_view member = edtf.substr(0, comma);
    const auto range =
        member.find("..") != std::string_view::npos ? interval(member, "..") : single(member);
    if (!range) return std::nullopt;
    if (!all) {
      all = range;
    } else {
      all->first = std::min(all->first, range->first);
      all->last = std::max(all->last, range->last);
    }
    if (comma == std::string_view::npos) return all;
    edtf.remove_prefix(comma + 1);
  }
}

}  // namespace opis::sdk

#endif  // OPIS_EDTF_RANGE_HPP
