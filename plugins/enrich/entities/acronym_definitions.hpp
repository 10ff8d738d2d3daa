// Acronyms a document defines for itself, written either way round:
//   "CPSU CC [Central Committee of the Communist Party of the Soviet Union]"
//   "Korean Workers' Party (KWP)"
// The archive-record ingester reports the first form as `expansion`
// annotations; these scanners find both forms in any text, so plain-text
// records get the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::entities {

struct AcronymDefinition {
  std::string abbreviation;  // "CPSU CC", "VKP(b)"
  std::string expansion;     // spacing normalized, ’ as '
};

// "ABBR [Expansion]": one to three acronym words directly before a bracketed
// capitalized phrase on the same line without digits or a colon (so
// "[Translator's note: …]" and "[stamp: …]" are not definitions).
void find_bracket_definitions(std::string_view text, std::vector<AcronymDefinition>& out);

// "Expansion (ABBR)": the capitalized words before the parenthesis whose
// initials spell the acronym ("Communist Party of the Soviet Union (CPSU)").
void find_parenthesis_definitions(std::string_view text, std::vector<AcronymDefinition>& out);

// Collapses blanks and line breaks to one space, writes ’ ‘ ʼ as ', trims.
std::string normalize_name(std::string_view name);

}  // namespace opis::entities
