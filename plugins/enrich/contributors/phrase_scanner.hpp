// Finds "Obtained by X and translated by Y", "checked with the original by
// A and B", "Copies to: …" and every other trigger phrase of a table in a
// text, and reads the names that follow each.
#pragma once

#include <string_view>
#include <vector>

#include "found_contributor.hpp"
#include "name_lexicon.hpp"
#include "trigger_table.hpp"

namespace opis::contributors {

void scan_trigger_phrases(std::string_view text, const TriggerTable& triggers,
                          const NameLexicon& lexicon, std::vector<FoundContributor>& out);

}  // namespace opis::contributors
