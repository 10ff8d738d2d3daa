// Turns text into citations: parses the raw citation strings ingesters
// found, and finds further references in running text and endnotes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "archive_table.hpp"
#include "newspaper_table.hpp"

namespace opis::citations {

struct FoundCitation {
  std::string raw;
  std::string kind;  // "archival", "newspaper", "other"
  std::string archive, archive_name, fond, opis, delo, pages;
  std::string publication, date;
  size_t begin = 0;  // UTF-8 byte offsets into the scanned text, end exclusive
  size_t end = 0;
};

class CitationFinder {
 public:
  CitationFinder(ArchiveTable archives, NewspaperTable newspapers)
      : archives_(std::move(archives)), newspapers_(std::move(newspapers)) {}

  // Fields for one raw citation (kind "other" and no fields when it is
  // neither archival nor a newspaper); `raw` is kept as given.
  FoundCitation parse_raw(std::string_view raw) const;

  // Every reference in `text`, in order, with its span; `raw` is the
  // reference alone with white space collapsed.
  std::vector<FoundCitation> find_all(std::string_view text) const;

  // Two citations with the same key cite the same thing: same kind, same
  // archive (by acronym when known), fond, opis, delo and pages; or same
  // paper, issue and pages.
  std::string key(const FoundCitation& citation) const;

 private:
  ArchiveTable archives_;
  NewspaperTable newspapers_;
};

}  // namespace opis::citations
