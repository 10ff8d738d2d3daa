#include "citation_finder.hpp"

#include <optional>

#include "archival_citation.hpp"
#include "newspaper_citation.hpp"
#include "text_scan.hpp"

namespace opis::citations {
namespace {

FoundCitation from_archival(const ArchivalCitation& a) {
  FoundCitation c;
  c.kind = "archival";
  c.archive = a.archive;
  c.archive_name = a.archive_name;
  c.fond = a.fond;
  c.opis = a.opis;
  c.delo = a.delo;
  c.pages = a.pages;
  c.begin = a.begin;
  c.end = a.end;
  return c;
}

FoundCitation from_newspaper(const NewspaperCitation& n) {
  FoundCitation c;
  c.kind = "newspaper";
  c.publication = n.publication;
  c.date = n.date;
  c.pages = n.pages;
  c.begin = n.begin;
  c.end = n.end;
  return c;
}

}  // namespace

FoundCitation CitationFinder::parse_raw(std::string_view raw) const {
  FoundCitation c;
  if (const auto archival = find_archival(raw, 0, archives_)) {
    c = from_archival(*archival);
  } else if (const auto paper = leading_newspaper(raw, newspapers_)) {
    c = from_newspaper(*paper);
  } else if (const auto archive = leading_known_archive(raw, archives_)) {
    c = from_archival(*archive);
  } else if (const auto cited_paper = find_newspaper(raw, 0, newspapers_)) {
    c = from_newspaper(*cited_paper);
  } else {
    c.kind = "other";
  }
  c.raw = std::string(raw);
  c.begin = 0;
  c.end = 0;
  return c;
}

std::vector<FoundCitation> CitationFinder::find_all(std::string_view text) const {
  std::vector<FoundCitation> found;
  auto archival = find_archival(text, 0, archives_);
  auto paper = find_newspaper(text, 0, newspapers_);
  while (archival || paper) {
    const bool take_archival = archival && (!paper || archival->begin <= paper->begin);
    FoundCitation c = take_archival ? from_archival(*archival) : from_newspaper(*paper);
    c.raw = collapse_whitespace(text.substr(c.begin, c.end - c.begin));
    const size_t next = c.end;
    found.push_back(std::move(c));
    // Overlapping candidates are dropped: each byte belongs to one reference.
    if (archival && archival->begin < next) archival = find_archival(text, next, archives_);
    if (paper && paper->begin < next) paper = find_newspaper(text, next, newspapers_);
  }
  return found;
}

std::string CitationFinder::key(const FoundCitation& c) const {
  const char separator = '\x1f';
  if (c.kind == "archival") {
    const auto* entry = archives_.resolve(c.archive);
    const std::string archive = entry != nullptr ? entry->acronym : name_key(c.archive);
    return c.kind + separator + archive + separator + c.fond + separator + c.opis + separator +
           c.delo + separator + c.pages;
  }
  if (c.kind == "newspaper") {
    return c.kind + separator + c.publication + separator + c.date + separator + c.pages;
  }
  return c.kind + separator + collapse_whitespace(c.raw);
}

}  // namespace opis::citations
