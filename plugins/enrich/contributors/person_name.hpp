// Reading personal names out of running text: one name ("V. I. Ivanov",
// "Ágnes Veres"), or a list of them joined by ",", "and" or "&". Forms of
// address are dropped from the front, initials keep their dots, and anything
// that does not look like a person (a body, a lower-case phrase, more than
// five words) is skipped rather than guessed at.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "name_lexicon.hpp"

namespace opis::contributors {

// At most this many words and initials in one name.
inline constexpr size_t kMaxNameTokens = 5;

// The names of the list that starts at byte `pos` of `text` ("Jordan Baev
// and translated by …" gives "Jordan Baev"). The list ends at a sentence
// end, a line end, a bracket or quote, or a word that cannot follow a name.
std::vector<std::string> read_name_list(std::string_view text, size_t pos,
                                        const NameLexicon& lexicon);

// `candidate` as a personal name when all of it is one ("Comrade A. I.
// Mikoyan" gives "A. I. Mikoyan"); nothing otherwise.
std::optional<std::string> as_personal_name(std::string_view candidate, const NameLexicon& lexicon);

}  // namespace opis::contributors
