// The header block of an archival document, between its title and its
// body: security classification, copy number and receipt stamps.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "vocabulary.hpp"

namespace opis::archive_record {

// "Top Secret", "SECRET", "Strictly confidential!": the marking as written.
std::optional<std::string_view> classification_of(std::string_view line,
                                                  const Vocabulary& vocabulary);

// "Copy Nº 2", "Copy No. 2", "Copy #2" -> "2".
std::optional<std::string_view> copy_number_of(std::string_view line, const Vocabulary& vocabulary);

// "[stamp: Received 18 March 1957]" -> "Received 18 March 1957".
std::optional<std::string_view> stamp_of(std::string_view line, const Vocabulary& vocabulary);

}  // namespace opis::archive_record
