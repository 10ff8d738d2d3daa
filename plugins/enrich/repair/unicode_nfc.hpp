// Unicode normalization form C (ICU): decomposed accents ("e" + U+0301)
// become the precomposed characters search and comparison expect.
#pragma once

#include <string_view>
#include <vector>

#include "text_edits.hpp"

namespace opis::repair {

// One edit per stretch ICU changed, reason "unicode normalization". Throws
// std::runtime_error when ICU fails.
std::vector<Edit> normalize_nfc(std::string_view text);

}  // namespace opis::repair
