// EDTF dates as TEI dating attributes. TEI's @when, @from and @to take W3C
// (XML Schema) dates, which EDTF level 0 dates are a subset of: YYYY,
// YYYY-MM, YYYY-MM-DD and a date with a time of day. Level 1 and 2 forms
// (qualifiers, seasons, unspecified digits, open ends) have no such
// attribute form and get none; the element keeps the text.
#pragma once

#include <string>
#include <string_view>

namespace opis::tei {

struct DatingAttributes {
  std::string when;  // a single date
  std::string from;  // an interval's first date
  std::string to;    // an interval's last date
  bool empty() const { return when.empty() && from.empty(); }
};

// ` when="…"` or ` from="…" to="…"`, or empty for a date that is not EDTF
// level 0.
DatingAttributes dating_attributes(std::string_view edtf);

// The attributes rendered for an element's start tag, with a leading space.
std::string rendered(const DatingAttributes& attributes);

}  // namespace opis::tei
