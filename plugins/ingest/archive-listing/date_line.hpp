// Is a piece of text, all of it, a calendar date as listings print them?
// English month names only; EDTF is the dates enricher's job, this only says
// whether and how precisely the text is a date.
#pragma once

#include <string_view>

namespace opis::listing {

enum class DatePrecision { kNone, kYear, kMonth, kDay };

// "January 3, 1962", "3 January 1962", "Jan. 3, 1962", "1962-01-03" -> kDay;
// "June 1960" -> kMonth; "1962" -> kYear; anything else (including text
// around a date) -> kNone.
DatePrecision date_precision(std::string_view text);

}  // namespace opis::listing
