// Recognises a line that is nothing but a date, as record pages write the
// document's date above its title: "January 3, 1962", "3 January 1962",
// "June 1960", "1962", "1962-01-03", "c. 1950", "May 5, 1961 - May 7, 1961".
#pragma once

#include <string_view>

namespace opis::archive_record {

bool is_date_line(std::string_view line);

}  // namespace opis::archive_record
