// UTF-8 text that was once decoded as Windows-1252 and encoded again
// ("Workersâ€™" for "Workers’"): each such sequence is turned back into the
// character it spelled.
#pragma once

#include <string_view>
#include <vector>

#include "text_edits.hpp"

namespace opis::repair {

// One edit per stretch of adjacent mojibake sequences, reason "mojibake".
std::vector<Edit> find_mojibake(std::string_view text);

}  // namespace opis::repair
