// Russian-style archival references: an archive, then the hierarchy fond /
// opis / delo (A.E. in Bulgarian archives, sprava in Ukrainian ones) and the
// sheets or pages, in any of the usual spellings:
//   "RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85"
//   "AVPRF, f. 0102, op. 12, d. 6, ll. 45-51"
//   "Central State Archive, Sofia, Fond 1-B, Opis 91, A.E. 378, p. 1-3"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "archive_table.hpp"

namespace opis::citations {

struct ArchivalCitation {
  std::string archive;       // as written, white space collapsed; may be empty
  std::string archive_name;  // from the archive table; empty when unknown
  std::string archive_key;   // acronym when known, else the folded written name
  std::string fond, opis, delo, pages;
  size_t begin = 0;  // the archive's first byte, or the first hierarchy keyword
  size_t end = 0;    // after the last value, trailing punctuation excluded
};

// The first archival reference that starts at or after `pos`, or nullopt.
// Passes over blocks of text with no word start that can begin a fond,
// opis or delo keyword, and looks closer only at the positions left.
std::optional<ArchivalCitation> find_archival(std::string_view text, size_t pos,
                                              const ArchiveTable& archives);

// A reference with no hierarchy whose text opens with a known archive
// ("Hungarian National Archives (MOL), XIX-J-1-j …"): the archive only.
std::optional<ArchivalCitation> leading_known_archive(std::string_view text,
                                                      const ArchiveTable& archives);

}  // namespace opis::citations
