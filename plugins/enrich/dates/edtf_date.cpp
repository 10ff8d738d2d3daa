#include "edtf_date.hpp"

#include <cstdio>

namespace opis::dates {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_calendar_date(const EdtfDate& date) {
  if (date.month != 0 && (date.month < 1 || date.month > 12)) return false;
  if (date.day == 0) return true;
  return date.month != 0 && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

namespace {

// What printf's "%0*d" writes, without its cost (a call per date found
// showed in profiles).
void append_padded(std::string& out, int value, int width) {
  if (value < 0) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
    out += buffer;
    return;
  }
  char digits[12];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = count; i < width; ++i) out += '0';
  while (count > 0) out += digits[--count];
}

}  // namespace

std::string to_edtf(const EdtfDate& date) {
  std::string out;
  out.reserve(12);
  if (date.decade) {
    append_padded(out, date.year / 10, 3);
    out += 'X';
    return out;
  }
  append_padded(out, date.year, 4);
  if (date.season != 0) {
    out += '-';
    append_padded(out, date.season, 2);
  } else if (date.day != 0) {
    out += '-';
    append_padded(out, date.month, 2);
    out += '-';
    append_padded(out, date.day, 2);
  } else if (date.month != 0) {
    out += '-';
    append_padded(out, date.month, 2);
  }
  return out;
}

int compare_start(const EdtfDate& a, const EdtfDate& b) {
  const auto key = [](const EdtfDate& d) {
    const int month = d.season != 0 ? 0 : d.month;
    return (d.year * 13 + month) * 32 + d.day;
  };
  const int ka = key(a);
  const int kb = key(b);
  return ka < kb ? -1 : (ka > kb ? 1 : 0);
}

EdtfDate parse_edtf_start(const std::string& edtf) {
  EdtfDate date;
  const auto number = [&](size_t at, size_t digits) {
    int value = 0;
    if (at + digits > edtf.size()) return -1;
    for (size_t i = at; i < at + digits; ++i) {
      if (edtf[i] < '0' || edtf[i] > '9') return -1;
      value = value * 10 + (edtf[i] - '0');
    }
    return value;
  };
  const int year = number(0, 4);
  if (year <= 0) return date;
  date.year = year;
  if (edtf.size() >= 7 && edtf[4] == '-') {
    const int month = number(5, 2);
    if (month >= 1 && month <= 12) date.month = month;
    if (date.month != 0 && edtf.size() >= 10 && edtf[7] == '-') {
      const int day = number(8, 2);
      if (day >= 1 && day <= days_in_month(year, month)) date.day = day;
    }
  }
  return date;
}

}  // namespace opis::dates
