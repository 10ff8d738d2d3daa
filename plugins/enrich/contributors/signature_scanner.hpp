// Signatures: "[signature] (Yu. Fadeyev)", "[signature]" with "(Stefan
// Ignatov)" on the next line, "Ambassador: [signature] …", "/signature/ V.
// Ivanov", "(signed) A. Mikoyan"; and the position line written right after
// or before one ("First Secretary of the Embassy of the USSR in the DPRK").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "name_lexicon.hpp"

namespace opis::contributors {

struct Signature {
  std::string name;
  std::string position;  // empty when no clear position line
};

std::vector<Signature> scan_signatures(std::string_view text, const NameLexicon& lexicon);

// A line naming an office: it opens with a position word ("Deputy Minister
// of …", "Ambassador of the USSR …") and reads as a heading, not a sentence.
bool is_position_line(std::string_view line, const NameLexicon& lexicon);

}  // namespace opis::contributors
