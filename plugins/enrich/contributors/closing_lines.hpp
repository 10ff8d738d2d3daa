// Authors named on lines of their own: a closing line "Head of … Department,
// Dimo Dichev" (a position phrase, a comma, a personal name) standing as its
// own paragraph, and the lines under an "Author(s):" label.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "name_lexicon.hpp"

namespace opis::contributors {

std::vector<std::string> scan_closing_authors(std::string_view text, const NameLexicon& lexicon);

std::vector<std::string> scan_author_labels(std::string_view text, const NameLexicon& lexicon);

}  // namespace opis::contributors
