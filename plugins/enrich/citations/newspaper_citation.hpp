// Newspaper references: a known title, then the date, then maybe
// the page: "Rodong Sinmun, 19 April 1964", "Pravda, 12 March 1957, p. 3",
// "Nodong Sinmun (19 April 1964)".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "newspaper_table.hpp"

namespace opis::citations {

struct NewspaperCitation {
  std::string publication;
  std::string date;  // EDTF; empty when the reference gives none
  std::string pages;
  size_t begin = 0;
  size_t end = 0;
};

// The first title-and-date reference at or after `pos`.
std::optional<NewspaperCitation> find_newspaper(std::string_view text, size_t pos,
                                                const NewspaperTable& newspapers);

// A raw citation that opens with a known title; the date is optional here
// because the whole string is known to be a citation.
std::optional<NewspaperCitation> leading_newspaper(std::string_view raw,
                                                   const NewspaperTable& newspapers);

}  // namespace opis::citations
