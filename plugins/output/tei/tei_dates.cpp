#include "tei_dates.hpp"

#include <cctype>

namespace opis::tei {
namespace {

bool digits(std::string_view s, size_t at, size_t count) {
  if (at + count > s.size()) return false;
  for (size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int number(std::string_view s, size_t at, size_t count) {
  int value = 0;
  for (size_t i = at; i < at + count; ++i) value = value * 10 + (s[i] - '0');
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
bool is_level0_date(std::string_view s) {
  if (!digits(s, 0, 4)) return false;
  if (s.size() == 4) return true;
  if (s.size() < 7 || s[4] != '-' || !digits(s, 5, 2)) return false;
  const int month = number(s, 5, 2);
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s.size() != 10 || s[7] != '-' || !digits(s, 8, 2)) return false;
  const int day = number(s, 8, 2);
  return day >= 1 && day <= days_in_month(number(s, 0, 4), month);
}

// YYYY-MM-DDThh:mm:ss with an optional Z or ±hh:mm (EDTF level 0
// date and time).
bool is_level0_date_time(std::string_view s) {
  const size_t t = s.find('T');
  if (t != 10 || !is_level0_date(s.substr(0, 10))) return false;
  const std::string_view time = s.substr(11);
  if (time.size() < 8 || !digits(time, 0, 2) || time[2] != ':' || !digits(time, 3, 2) ||
      time[5] != ':' || !digits(time, 6, 2)) {
    return false;
  }
  if (number(time, 0, 2) > 23 || number(time, 3, 2) > 59 || number(time, 6, 2) > 59) return false;
  const std::string_view zone = time.substr(8);
  if (zone.empty() || zone == "Z") return true;
  return (zone[0] == '+' || zone[0] == '-') &&
         ((zone.size() == 3 && digits(zone, 1, 2)) ||
          (zone.size() == 6 && digits(zone, 1, 2) && zone[3] == ':' && digits(zone, 4, 2)));
}

}  // namespace

DatingAttributes dating_attributes(std::string_view edtf) {
  DatingAttributes out;
  if (const size_t slash = edtf.find('/'); slash != std::string_view::npos) {
    const std::string_view first = edtf.substr(0, slash);
    const std::string_view last = edtf.substr(slash + 1);
    if (is_level0_date(first) && is_level0_date(last)) {
      out.from = first;
      out.to = last;
    }
  } else if (is_level0_date(edtf) || is_level0_date_time(edtf)) {
    out.when = edtf;
  }
  return out;
}

std::string rendered(const DatingAttributes& attributes) {
  // Only digits, '-', ':', '+', 'T' and 'Z' get here: nothing to escape.
  if (!attributes.when.empty()) return " when=\"" + attributes.when + "\"";
  if (!attributes.from.empty()) {
    return " from=\"" + attributes.from + "\" to=\"" + attributes.to + "\"";
  }
  return {};
}

}  // namespace opis::tei
